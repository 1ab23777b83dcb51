using System.Net;
using HepBuilder.Tests.Infrastructure;
using HepBuilder.Tests.Pages.Programs;
using HepBuilder.Tests.Reliability;
using HepBuilder.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HepBuilder.Tests.Security.Hardening;

/// <summary>Rate limits belong to the endpoints, so no spelling of a URL escapes them; clients are told apart by the proxy's report.</summary>
public sealed class RateLimitPolicyTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task A_sign_in_flood_is_stopped_whatever_the_spelling_of_the_url()
    {
        await using var factory = Limited("RateLimits:AccountPostsPerMinutePerIp", "2");
        using var client = Client(factory);
        var token = AppClient.AntiforgeryToken(await client.GetPageAsync("/Identity/Account/Login"));
        var statuses = new List<HttpStatusCode>();
        foreach (var url in new[] { "/Identity/Account/Login/", "/identity/account/LOGIN", "/Identity/Account/Login/" })
        {
            var response = await client.PostAsync(url, [new("Input.Email", "someone@test.example"), new("Input.Password", "guess"), new("__RequestVerificationToken", token)]);
            statuses.Add(response.StatusCode);
        }
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(2));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        // Reading the page is not a guess: still served.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Identity/Account/Login")).StatusCode);
    }

    [Fact]
    public async Task Draft_previews_with_a_trailing_slash_and_builder_thumbnails_are_limited_per_user()
    {
        await using var factory = Limited("RateLimits:HandoutsPerMinutePerUser", "2", "RateLimits:ThumbnailsPerMinutePerUser", "2");
        var kit = new ProgramKit(App);
        var (clinic, _) = await kit.ClinicAsync();
        using var client = Client(factory);
        await client.SignInAsync(clinic.Clinician.Email, clinic.Clinician.Password);
        var id = await ProgramKit.NewProgramAsync(client, clinic.PatientId);

        var previews = new List<HttpStatusCode>();
        foreach (var url in new[] { $"/Programs/{id}/draft/preview.pdf", $"/Programs/{id}/draft/preview.pdf/", $"/Programs/{id}/draft/preview.pdf/" })
            previews.Add((await client.GetAsync(url)).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], previews);

        var thumbs = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) thumbs.Add((await client.GetAsync($"/Programs/{id}/Edit/?handler=thumbnail")).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], thumbs);
        // The builder itself is not limited by its thumbnail's budget.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Programs/{id}/Edit")).StatusCode);
    }

    [Fact]
    public async Task Health_checks_are_limited_for_anonymous_callers_only()
    {
        await using var factory = Limited("RateLimits:HealthChecksPerMinutePerIp", "2");
        var (_, admin) = await App.Data.ClinicAsync();
        using var anonymous = Client(factory);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await anonymous.GetAsync("/healthz/")).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);

        using var signedIn = Client(factory);
        await signedIn.SignInAsync(admin.Email, admin.Password);
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Every_credential_handout_patient_link_and_health_endpoint_carries_its_named_policy()
    {
        using (var client = App.Factory.CreateClient()) await client.GetAsync("/healthz");
        var policies = App.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .GroupBy(e => e.RoutePattern.RawText?.TrimStart('/') ?? "")
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Metadata.OfType<EnableRateLimitingAttribute>()).Select(a => a.PolicyName).FirstOrDefault());
        var expected = new Dictionary<string, string>
        {
            ["Identity/Account/Login"] = RateLimits.Account, ["Identity/Account/LoginWith2fa"] = RateLimits.Account,
            ["Identity/Account/LoginWithRecoveryCode"] = RateLimits.Account, ["Identity/Account/ForgotPassword"] = RateLimits.Account,
            ["Identity/Account/ResetPassword"] = RateLimits.Account, ["Account/AcceptInvite"] = RateLimits.Account,
            ["Programs/{id:guid}/versions/{n:int}/handout.pdf"] = RateLimits.Handout, ["Programs/{id:guid}/draft/preview.pdf"] = RateLimits.Handout,
            ["Programs/{id:guid}/Edit"] = RateLimits.Thumbnail, ["p/{token}"] = RateLimits.PatientLink, ["healthz"] = RateLimits.Health,
        };
        foreach (var (route, policy) in expected) Assert.True(policies.GetValueOrDefault(route) == policy, $"{route}: {policies.GetValueOrDefault(route)}");
    }

    [Fact]
    public async Task Behind_the_trusted_proxy_each_client_address_has_its_own_budget()
    {
        await using var server = await TestDatabaseServer.StartAsync();
        await using var app = KestrelApp.Start(server.ForDatabase("hep_proxy_" + Guid.NewGuid().ToString("N")[..8]),
            [new("RateLimits:AccountPostsPerMinutePerIp", "2"), new("Hep:TrustedProxies:0", "127.0.0.1")]);
        async Task<HttpStatusCode> PostFromAsync(string client)
        {
            using var http = app.Client(new CookieContainer());
            var token = AppClient.AntiforgeryToken(await http.GetPageAsync("/Identity/Account/Login"));
            using var request = new HttpRequestMessage(HttpMethod.Post, "/Identity/Account/Login")
            {
                Content = new FormUrlEncodedContent([new("Input.Email", "a@test.example"), new("Input.Password", "x"), new("__RequestVerificationToken", token)]),
            };
            request.Headers.Add("X-Forwarded-For", client);
            return (await http.Http.SendAsync(request)).StatusCode;
        }

        var first = new[] { await PostFromAsync("203.0.113.7"), await PostFromAsync("203.0.113.7"), await PostFromAsync("203.0.113.7") };
        Assert.Equal(HttpStatusCode.TooManyRequests, first[2]);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await PostFromAsync("198.51.100.20"));
    }

    private WebApplicationFactory<HepBuilder.Web.WebApp> Limited(params string[] settings) => App.Factory.WithWebHostBuilder(b =>
    {
        for (var i = 0; i < settings.Length; i += 2) b.UseSetting(settings[i], settings[i + 1]);
    });

    private static AppClient Client(WebApplicationFactory<HepBuilder.Web.WebApp> factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
}
