using System.Text.Json;
using HepBuilder.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HepBuilder.Tests.Browser;

/// <summary>
/// Base for browser flows: screenshots of key screens under test-results/screenshots, an axe-core scan of every
/// page visited (no serious or critical violations), and on failure a screenshot plus the page's HTML.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture browser) : IAsyncLifetime
{
    private readonly List<IPage> _pages = [];
    protected BrowserFixture Browser { get; } = browser;
    protected static string ShotsDir { get; } = Path.Combine(RepoRoot.Path, "test-results", "screenshots");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var page in _pages) await page.Context.CloseAsync();
    }

    protected async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var page = await Browser.NewPageAsync(width, height);
        _pages.Add(page);
        return page;
    }

    /// <summary>Runs a flow; on failure keeps a screenshot and the HTML of every open page for diagnosis.</summary>
    protected async Task FlowAsync(string name, Func<Task> flow)
    {
        try
        {
            await flow();
        }
        catch
        {
            Directory.CreateDirectory(ShotsDir);
            for (var i = 0; i < _pages.Count; i++)
            {
                var prefix = Path.Combine(ShotsDir, $"FAILED-{name}-{i}");
                await _pages[i].ScreenshotAsync(new PageScreenshotOptions { Path = prefix + ".png", FullPage = true });
                await File.WriteAllTextAsync(prefix + ".html", await _pages[i].ContentAsync());
            }
            throw;
        }
    }

    protected static async Task ShotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ShotsDir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ShotsDir, name + ".png"), FullPage = true });
    }

    /// <summary>Injects axe-core (from npm) and fails on any violation of impact serious or critical.</summary>
    protected static async Task AssertAccessibleAsync(IPage page)
    {
        var axe = Path.Combine(RepoRoot.Path, "node_modules", "axe-core", "axe.min.js");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = axe });
        var json = await page.EvaluateAsync<string>(
            "async () => JSON.stringify((await axe.run(document, { resultTypes: ['violations'] })).violations" +
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) })))");
        var violations = JsonDocument.Parse(json).RootElement;
        Assert.True(violations.GetArrayLength() == 0, $"Accessibility violations on {page.Url}: {json}");
    }

    protected static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
