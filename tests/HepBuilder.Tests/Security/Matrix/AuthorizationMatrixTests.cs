using System.Net;
using HepBuilder.Tests.Infrastructure;
using Xunit.Abstractions;

namespace HepBuilder.Tests.Security.Matrix;

/// <summary>
/// Every handler the app answers (discovered, not listed by hand) against four callers: anonymous, a clinician of
/// clinic A, a clinician (and admin) of clinic B using A's ids, and an admin of A.
/// </summary>
public sealed class AuthorizationMatrixTests(AppFixture app, ITestOutputHelper output) : AppTest(app)
{
    [Fact]
    public async Task Every_handler_is_in_the_expected_access_table()
    {
        var discovered = (await EndpointCatalog.DiscoverAsync(App.Factory)).Select(h => h.Key).ToHashSet();
        Assert.True(discovered.Count > 100, $"Only {discovered.Count} handlers discovered.");
        var missing = discovered.Except(ExpectedAccess.Table.Keys).ToList();
        var stale = ExpectedAccess.Table.Keys.Except(discovered).ToList();
        Assert.True(missing.Count == 0, "Handlers with no expected access (add them to ExpectedAccess):\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, "Expected access for handlers that no longer exist:\n" + string.Join("\n", stale));
    }

    [Fact]
    public async Task Every_handler_answers_each_caller_as_the_table_says()
    {
        var handlers = await EndpointCatalog.DiscoverAsync(App.Factory);
        Assert.True(handlers.Count > 100, $"Only {handlers.Count} handlers discovered.");
        var world = await MatrixWorld.CreateAsync(App);
        var failures = new List<string>();
        var checks = 0;

        using var anonymous = App.Client();
        using var clinicianB = await SignedInAsync(world.ClinicianB);
        using var adminB = await SignedInAsync(world.AdminB);
        foreach (var h in handlers)
        {
            var expected = ExpectedAccess.Table[h.Key];
            var url = world.Url(h);

            var anon = await SendAsync(anonymous, h, url, "/Identity/Account/Login");
            checks++;
            Check(failures, h, "anonymous", anon, expected.Access switch
            {
                Access.Public => r => (int)r.StatusCode < 500 && !ToSignIn(r),
                Access.Disabled => r => r.StatusCode == HttpStatusCode.NotFound,
                _ => ToSignIn,
            });

            if (!expected.ClinicARecord) continue;
            var asB = await SendAsync(clinicianB, h, url, "/");
            checks++;
            Check(failures, h, "clinician of B", asB, expected.Access == Access.Admin ? Forbidden : r => r.StatusCode == HttpStatusCode.NotFound);
            if (expected.Access == Access.Admin)
            {
                checks++;
                Check(failures, h, "admin of B", await SendAsync(adminB, h, url, "/"), r => r.StatusCode == HttpStatusCode.NotFound);
            }
        }

        // Clinic A's own callers last: their posts may change A's records (ordered so that deleting and signing
        // out come at the very end), and a caller signed out by a handler signs in again.
        foreach (var (user, isAdmin) in new[] { (world.ClinicianA, false), (world.AdminA, true) })
        {
            using var client = await SignedInAsync(user);
            foreach (var h in handlers.OrderBy(h => h.Method == "POST").ThenBy(h => Order(h.Key)))
            {
                var expected = ExpectedAccess.Table[h.Key];
                var response = await SendAsync(client, h, world.Url(h), "/");
                checks++;
                var who = isAdmin ? "admin of A" : "clinician of A";
                Check(failures, h, who, response, expected.Access switch
                {
                    Access.Public or Access.SecondStep => r => (int)r.StatusCode < 500,
                    Access.Disabled or Access.DisabledSignedIn => Forbidden,
                    Access.Admin when !isAdmin => Forbidden,
                    _ when h.Method == "GET" => r => Allowed(r) && r.StatusCode != HttpStatusCode.NotFound,
                    _ when SignsOut(h.Key) => r => ToSignIn(r) || Allowed(r),
                    _ => Allowed,
                });
                if ((await client.GetAsync("/")).StatusCode != HttpStatusCode.OK) await client.SignInAsync(user.Email, user.Password);
            }
        }

        output.WriteLine($"{handlers.Count} handlers, {checks} checks");
        Assert.True(failures.Count == 0, $"{failures.Count} of {checks} checks failed:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_post_without_an_antiforgery_token_is_refused_with_400()
    {
        var posts = (await EndpointCatalog.DiscoverAsync(App.Factory)).Where(h => h.Method == "POST").ToList();
        var world = await MatrixWorld.CreateAsync(App);
        // The admin of A passes every authorization check, so what answers is the antiforgery check alone.
        using var admin = await SignedInAsync(world.AdminA);
        var failures = new List<string>();
        foreach (var h in posts.Where(h => !RenderOnly.Contains(h.Route)))
        {
            var response = await admin.PostAsync(world.Url(h), [new("Input.Title", "no token")]);
            if (response.StatusCode != HttpStatusCode.BadRequest) failures.Add($"{h.Key}: {(int)response.StatusCode}");
        }
        output.WriteLine($"{posts.Count} POST handlers tried without a token");
        Assert.True(failures.Count == 0, "Accepted a POST without an antiforgery token:\n" + string.Join("\n", failures));
    }

    // Error pages answer the POST that failed (re-executed by the exception and status-code handlers) and store
    // nothing; demanding a token there would turn every failed POST into a blank 400.
    private static readonly HashSet<string> RenderOnly = ["Error", "Status/{code:int}"];

    private async Task<AppClient> SignedInAsync(TestUser user)
    {
        var client = App.Client();
        await client.SignInAsync(user.Email, user.Password);
        return client;
    }

    private static async Task<HttpResponseMessage> SendAsync(AppClient client, EndpointHandler h, string url, string tokenPage)
    {
        if (h.Method == "GET") return await client.GetAsync(url);
        var token = AppClient.AntiforgeryToken(await client.GetPageAsync(tokenPage));
        return await client.PostAsync(url, [new("__RequestVerificationToken", token)]);
    }

    private static void Check(List<string> failures, EndpointHandler h, string caller, HttpResponseMessage r, Func<HttpResponseMessage, bool> ok)
    {
        if (!ok(r)) failures.Add($"{h.Key} as {caller}: {(int)r.StatusCode} {r.Headers.Location}");
    }

    private static bool ToSignIn(HttpResponseMessage r) =>
        r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location?.OriginalString.Contains("/Identity/Account/Login") == true;

    // A denial that does not even confirm the record exists (404) is as good as a 403.
    private static bool Forbidden(HttpResponseMessage r) =>
        r.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
        || r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location?.OriginalString.Contains("AccessDenied") == true;

    private static bool Allowed(HttpResponseMessage r) =>
        (int)r.StatusCode < 500 && r.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && !ToSignIn(r)
        && r.Headers.Location?.OriginalString.Contains("AccessDenied") != true;

    private static bool SignsOut(string key) => key.Contains("SignOutEverywhere") || key.Contains("Logout");

    // Restoring actions run after the destructive ones so later callers find A's records as they were.
    private static int Order(string key) =>
        key.Contains("Unarchive") || key.Contains("Reactivate") ? 2 : Destructive(key) ? 1 : 0;

    private static bool Destructive(string key) =>
        key.Contains("Delete") || key.Contains("Logout") || key.Contains("SignOutEverywhere") || key.Contains("Deactivate")
        || key.Contains("Archive") || key.Contains("Password") || key.Contains("Email") || key.Contains("2fa")
        || key.Contains("Authenticator");
}
