using System.Net;
using System.Text.Json;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Tests.Pages.Programs;
using Microsoft.EntityFrameworkCore;
using HepBuilder.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
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
    private readonly List<AppClient> _clients = [];
    protected BrowserFixture Browser { get; } = browser;
    protected static string ShotsDir { get; } = Path.Combine(RepoRoot.Path, "test-results", "screenshots");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var page in _pages) await page.Context.CloseAsync();
        foreach (var client in _clients) client.Dispose();
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

    /// <summary>
    /// A screenshot for the README's tour (scripts/tour-screenshots copies these into docs/tour): the top
    /// <paramref name="height"/> pixels of the whole page, with sticky bars in their place in the page rather than
    /// wherever the viewport's edge happened to be.
    /// </summary>
    protected static async Task TourShotAsync(IPage page, string name, int height)
    {
        Directory.CreateDirectory(ShotsDir);
        var width = page.ViewportSize!.Width;
        var pageHeight = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        await page.EvaluateAsync("() => document.querySelectorAll('*').forEach(e => { if (getComputedStyle(e).position === 'sticky') e.dataset.tourSticky = '1'; })");
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(ShotsDir, name + ".png"), FullPage = true, Style = "[data-tour-sticky] { position: static !important; }",
            Clip = new Clip { X = 0, Y = 0, Width = width, Height = Math.Min(height, pageHeight) },
        });
        await page.EvaluateAsync("() => document.querySelectorAll('[data-tour-sticky]').forEach(e => delete e.dataset.tourSticky)");
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

        // Stricter than axe, which accepts a placeholder or title as a field's name: every field a user fills has a label.
        var unlabelled = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('input:not([type=hidden]):not([type=submit]):not([type=button]), select, textarea')]" +
            ".filter(e => e.labels.length === 0 && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))" +
            ".map(e => e.outerHTML.slice(0, 160))");
        Assert.True(unlabelled.Length == 0, $"Fields without a label on {page.Url}: {string.Join(" | ", unlabelled)}");
    }

    protected static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Identity/Account/Login");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>
    /// Asserts the focused element shows a focus indicator (an outline or Bootstrap's focus ring), so a keyboard user
    /// can see where they are. Returns the focused element's id, for asserting where focus landed.
    /// </summary>
    protected static async Task<string> AssertFocusVisibleAsync(IPage page)
    {
        var focus = await page.EvaluateAsync<JsonElement>(
            "() => { const e = document.activeElement; const s = getComputedStyle(e);" +
            " return { id: e.id, tag: e.tagName, outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0, shadow: s.boxShadow !== 'none' }; }");
        var described = focus.GetRawText();
        Assert.True(focus.GetProperty("tag").GetString() != "BODY", "Nothing has the focus");
        Assert.True(focus.GetProperty("outline").GetBoolean() || focus.GetProperty("shadow").GetBoolean(), $"Focus is not visible: {described}");
        return focus.GetProperty("id").GetString() ?? "";
    }

    /// <summary>Runs <paramref name="work"/> on the app's database as the given clinic (for setup the flow is not about).</summary>
    protected async Task<T> WithDbAsync<T>(Guid clinicId, Func<HepDbContext, Task<T>> work)
    {
        await using var scope = Browser.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HepDbContext>();
        db.CurrentClinicId = clinicId;
        return await work(db);
    }

    /// <summary>
    /// A patient with one issued program, for flows about something else: the patient straight into the database, the
    /// program over HTTP as the builder posts it (the builder has its own browser flow). Returns the signed-in client.
    /// </summary>
    protected async Task<(Guid PatientId, Guid ProgramId, AppClient Http)> IssuedProgramAsync(TestUser clinician, string firstName,
        string lastName, string exercise = "Bridge")
    {
        var patientId = await WithDbAsync(clinician.ClinicId, async db =>
        {
            var patient = new Patient { ClinicId = clinician.ClinicId, FirstName = firstName, LastName = lastName, DateOfBirth = new DateOnly(1961, 4, 2) };
            db.Patients.Add(patient);
            await db.SaveChangesAsync();
            return patient.Id;
        });
        var exerciseId = await WithDbAsync(clinician.ClinicId, db => db.Exercises.Where(e => e.Name == exercise).Select(e => e.Id).SingleAsync());
        var http = new AppClient(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(Browser.BaseUrl),
        });
        _clients.Add(http);
        await http.SignInAsync(clinician.Email, clinician.Password);
        var programId = await ProgramKit.NewProgramAsync(http, patientId);
        var (added, html) = await ProgramKit.PostAsync(http, programId, await http.GetPageAsync(ProgramKit.EditUrl(programId)), "Add", $"&exerciseId={exerciseId}");
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ProgramKit.IssueAsync(http, programId, html)).StatusCode);
        return (patientId, programId, http);
    }
}
