using HepBuilder.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HepBuilder.Tests.Browser;

/// <summary>
/// The app as a real Kestrel server on a free loopback port with its own PostgreSQL database, and Debian's
/// Chromium driven by Playwright (no browser download: the system binary is used).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private TestDatabaseServer? _server;

    public HepWebFactory Factory { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public TestData Data => new(Factory.Services);

    public async Task InitializeAsync()
    {
        _server = await TestDatabaseServer.StartAsync();
        // The port is chosen first: invite links and QR codes are built from the public base URL, which must name it.
        var port = LocalPostgres.FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        Factory = new HepWebFactory(_server.ForDatabase("hep_browser_" + Guid.NewGuid().ToString("N")[..8]), BaseUrl);
        Factory.UseKestrel(port);
        Factory.StartServer();

        // Generous waits: these run on a shared 2-core machine; a slow step should wait, not fail.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>A fresh browser context (own cookies). CSP is bypassed only so the test can inject axe-core.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, BypassCSP = true, ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Factory is not null) await Factory.DisposeAsync();
        if (_server is not null) await _server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
