using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using HepBuilder.Web.Areas.Identity.Pages.Account;
using HepBuilder.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HepBuilder.Tests.Security.Hardening;

/// <summary>Password-reset and invite links: never in the log, built from the public base URL, short-lived, each its own kind.</summary>
public sealed partial class AccountLinkTests(AppFixture app) : AppTest(app)
{
    private const string PublicUrl = "https://hep.example.test";

    [Fact]
    public async Task Without_smtp_forgot_password_says_ask_an_admin_sends_nothing_and_no_link_reaches_the_log()
    {
        var logs = new LogCapture();
        await using var factory = App.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Logging:LogLevel:Default", "Information");
            b.ConfigureLogging(l => l.AddProvider(logs));
        });
        var (clinic, admin) = await App.Data.ClinicAsync();
        var user = await App.Data.UserAsync(clinic);
        using var anonymous = Client(factory);

        var page = WebUtility.HtmlDecode(await anonymous.GetPageAsync("/Identity/Account/ForgotPassword"));
        Assert.Contains(ForgotPasswordModel.AskAdminMessage, page);
        Assert.DoesNotContain("Input.Email", page);
        var posted = await anonymous.PostFormAsync("/Identity/Account/Login", [new("Input.Email", user.Email)], "/Identity/Account/ForgotPassword");
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains(ForgotPasswordModel.AskAdminMessage, WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync()));

        // An admin's password link and an invitation are still shown on screen, and still not logged.
        using var adminClient = Client(factory);
        await adminClient.SignInAsync(admin.Email, admin.Password);
        var edit = $"/Admin/Users/Edit/{user.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await adminClient.PostFormAsync(edit, [], edit + "?handler=SendPasswordLink")).StatusCode);
        var shown = LinkOnPage(await adminClient.GetPageAsync(edit));
        await adminClient.PostFormAsync("/Admin/Users/Invite",
            ("Input.FullName", "Nia Newcomer"), ("Input.Email", "nia.newcomer@test.example"), ("Input.IsClinician", "true"));

        Assert.Contains("Email not sent", logs.All);
        Assert.DoesNotContain("AcceptInvite", logs.All);
        Assert.DoesNotContain("code=", logs.All);
        Assert.DoesNotContain(shown, logs.All);
        Assert.DoesNotContain("ResetPassword", logs.All);
    }

    [Fact]
    public async Task With_smtp_forgot_password_emails_over_tls_a_link_from_the_public_base_url_that_resets_once()
    {
        await using var smtp = new SmtpFixture();
        await using var factory = HttpsFactory(smtp);
        var (clinic, _) = await App.Data.ClinicAsync();
        var user = await App.Data.UserAsync(clinic);
        using var client = Client(factory, PublicUrl);

        var sent = await client.PostFormAsync("/Identity/Account/ForgotPassword", ("Input.Email", user.Email));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        // An unknown address gets the same answer, and no email.
        var unknown = await client.PostFormAsync("/Identity/Account/ForgotPassword", ("Input.Email", "nobody.here@test.example"));
        Assert.Equal(sent.Headers.Location, unknown.Headers.Location);

        var mail = await smtp.WaitForAsync(user.Email);
        Assert.True(mail.OverTls);
        var link = WebUtility.HtmlDecode(LinkRegex().Match(mail.Html).Groups[1].Value);
        Assert.StartsWith(PublicUrl + "/Account/AcceptInvite?", link);
        Assert.DoesNotContain(smtp.Received, m => m.To.Contains("nobody.here"));

        var form = await client.GetPageAsync(link[PublicUrl.Length..]);
        var reset = await client.PostAsync(link[PublicUrl.Length..], FormFields(form, ("Input.Password", "a brand new passphrase"), ("Input.ConfirmPassword", "a brand new passphrase")));
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        // Used once: the password change replaced the security stamp the token carried.
        Assert.Equal(HttpStatusCode.BadRequest, (await Client(factory, PublicUrl).GetAsync(link[PublicUrl.Length..])).StatusCode);
    }

    [Fact]
    public async Task Requests_for_any_other_host_are_refused_so_no_link_can_be_built_from_a_forged_host()
    {
        await using var smtp = new SmtpFixture();
        await using var factory = HttpsFactory(smtp);
        using var forged = Client(factory, "https://attacker.example");
        Assert.Equal(HttpStatusCode.BadRequest, (await forged.GetAsync("/Identity/Account/ForgotPassword")).StatusCode);

        using var right = Client(factory, PublicUrl);
        var token = AppClient.AntiforgeryToken(await right.GetPageAsync("/Identity/Account/ForgotPassword"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Identity/Account/ForgotPassword")
        {
            Content = new FormUrlEncodedContent([new("Input.Email", "x@test.example"), new("__RequestVerificationToken", token)]),
        };
        request.Headers.Host = "attacker.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await right.Http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Over_https_the_cookies_are_host_prefixed_and_secure_and_hsts_is_sent()
    {
        await using var smtp = new SmtpFixture();
        await using var factory = HttpsFactory(smtp);
        var (clinic, _) = await App.Data.ClinicAsync();
        var user = await App.Data.UserAsync(clinic);
        using var client = Client(factory, PublicUrl);
        var login = await client.GetAsync("/Identity/Account/Login");
        Assert.True(login.Headers.Contains("Strict-Transport-Security"));
        var token = AppClient.AntiforgeryToken(await login.Content.ReadAsStringAsync());
        var signedIn = await client.PostAsync("/Identity/Account/Login",
            [new("Input.Email", user.Email), new("Input.Password", user.Password), new("__RequestVerificationToken", token)]);
        var cookies = signedIn.Headers.GetValues("Set-Cookie").Concat(login.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith("__Host-hep.auth=") && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(cookies, c => c.StartsWith("__Host-hep.af=") && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Invites_have_their_own_provider_and_three_days_and_password_resets_last_one_hour()
    {
        Assert.True(App.Factory.Services.GetRequiredService<IOptions<DataProtectionTokenProviderOptions>>().Value.TokenLifespan <= TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.FromDays(3), App.Factory.Services.GetRequiredService<IOptions<InviteTokenProviderOptions>>().Value.TokenLifespan);

        var (_, admin) = await App.Data.ClinicAsync();
        using var client = App.Client();
        await client.SignInAsync(admin.Email, admin.Password);
        var invited = await client.PostFormAsync("/Admin/Users/Invite",
            ("Input.FullName", "Ivo Invited"), ("Input.Email", "ivo.invited@test.example"), ("Input.IsClinician", "true"));
        var link = LinkOnPage(await client.GetPageAsync(invited.Headers.Location!.OriginalString));
        Assert.StartsWith(HepWebFactory.TestOrigin + "/Account/AcceptInvite?", link);
        var query = QueryHelpers.ParseQuery(new Uri(link).Query);
        var token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(query["code"]!));

        await using var scope = App.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(query["userId"]!))!;
        Assert.True(await users.VerifyUserTokenAsync(user, InviteTokenProvider.ProviderName, InviteTokenProvider.Purpose, token));
        Assert.False(await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider,
            UserManager<ApplicationUser>.ResetPasswordTokenPurpose, token));
        var reset = await users.GeneratePasswordResetTokenAsync(user);
        Assert.False(await users.VerifyUserTokenAsync(user, InviteTokenProvider.ProviderName, InviteTokenProvider.Purpose, reset));
    }

    private WebApplicationFactory<HepBuilder.Web.WebApp> HttpsFactory(SmtpFixture smtp) => App.Factory.WithWebHostBuilder(b =>
    {
        b.UseSetting("Hep:PublicBaseUrl", PublicUrl);
        foreach (var (key, value) in smtp.Configure()) b.UseSetting(key, value);
    });

    private static AppClient Client(WebApplicationFactory<HepBuilder.Web.WebApp> factory, string baseUrl = HepWebFactory.TestOrigin) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseUrl) }));

    private static string LinkOnPage(string html) => WebUtility.HtmlDecode(OnceLinkRegex().Match(html).Groups[1].Value);

    private static List<KeyValuePair<string, string>> FormFields(string html, params (string Key, string Value)[] extra)
    {
        var fields = HiddenRegex().Matches(html).Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        fields.AddRange(extra.Select(e => new KeyValuePair<string, string>(e.Key, e.Value)));
        fields.Add(new("__RequestVerificationToken", AppClient.AntiforgeryToken(html)));
        return fields;
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex LinkRegex();

    [GeneratedRegex("id=\"once-link\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex OnceLinkRegex();

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"")]
    private static partial Regex HiddenRegex();
}
