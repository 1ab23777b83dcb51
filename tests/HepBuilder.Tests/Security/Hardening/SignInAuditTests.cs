using System.Net;
using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using HepBuilder.Web.Areas.Identity.Pages.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OtpNet;

namespace HepBuilder.Tests.Security.Hardening;

/// <summary>Sign-in and account changes in the audit trail; accounts that cannot be told apart.</summary>
public sealed class SignInAuditTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Failed_sign_in_lockout_and_sign_in_are_audited_with_the_address()
    {
        var (clinic, _) = await App.Data.ClinicAsync();
        var user = await App.Data.UserAsync(clinic);
        using var client = App.Client();

        await client.PostFormAsync("/Identity/Account/Login", ("Input.Email", user.Email), ("Input.Password", "wrong once"));
        await client.SignInAsync(user.Email, user.Password);
        for (var i = 0; i < 6; i++) await client.PostFormAsync("/Identity/Account/Login", ("Input.Email", user.Email), ("Input.Password", "wrong " + i));

        var rows = await App.WithDbAsync(db => db.AuditEvents.Where(a => a.EntityId == user.Id).OrderBy(a => a.Id)
            .Select(a => new { a.Action, a.UserId, a.Details }).ToListAsync(), clinic);
        Assert.Equal(["account.sign_in_failed", "account.signed_in", "account.sign_in_failed", "account.sign_in_failed",
            "account.sign_in_failed", "account.sign_in_failed", "account.locked_out", "account.sign_in_failed"], rows.Select(r => r.Action));
        Assert.All(rows, r => Assert.Equal(user.Id, r.UserId));
        Assert.Contains("locked_out", rows[^1].Details);
    }

    [Fact]
    public async Task Unknown_invited_and_deactivated_accounts_get_the_wrong_password_answer_after_the_same_hashing()
    {
        var hasher = new CountingHasher();
        await using var factory = App.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddScoped<IPasswordHasher<ApplicationUser>>(_ => hasher)));
        var (clinic, admin) = await App.Data.ClinicAsync();
        var active = await App.Data.UserAsync(clinic);
        var deactivated = await App.Data.UserAsync(clinic);
        await App.WithDbAsync(db => db.Users.Where(u => u.Id == deactivated.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));
        using (var adminClient = new AppClient(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })))
        {
            await adminClient.SignInAsync(admin.Email, admin.Password);
            await adminClient.PostFormAsync("/Admin/Users/Invite",
                ("Input.FullName", "Ines Invited"), ("Input.Email", "ines.invited@test.example"), ("Input.IsClinician", "true"));
        }

        var answers = new List<(string Who, HttpStatusCode Status, string Html, int Hashes)>();
        foreach (var (who, email, password) in new[]
        {
            ("wrong password", active.Email, "not the password"), ("unknown", "nobody.at.all@test.example", "any password at all"),
            ("invited", "ines.invited@test.example", "any password at all"), ("deactivated", deactivated.Email, deactivated.Password),
        })
        {
            using var client = new AppClient(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
            var token = AppClient.AntiforgeryToken(await client.GetPageAsync("/Identity/Account/Login"));
            var before = hasher.Verifications;
            var response = await client.PostAsync("/Identity/Account/Login",
                [new("Input.Email", email), new("Input.Password", password), new("__RequestVerificationToken", token)]);
            answers.Add((who, response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), hasher.Verifications - before));
        }

        Assert.All(answers, a =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, a.Status);
            Assert.Contains(LoginModel.InvalidMessage, a.Html);
            Assert.DoesNotContain("not active", a.Html);
            // One password hash computed for each, as for a wrong password: the time taken does not tell them apart.
            Assert.True(a.Hashes == 1, $"{a.Who}: {a.Hashes} password hashes");
        });
    }

    [Fact]
    public async Task Password_change_two_factor_changes_and_sign_out_everywhere_are_audited()
    {
        var (clinic, _) = await App.Data.ClinicAsync();
        var user = await App.Data.UserAsync(clinic);
        using var client = App.Client();
        await client.SignInAsync(user.Email, user.Password);

        var changed = await client.PostFormAsync("/Identity/Account/Manage/ChangePassword",
            ("Input.OldPassword", user.Password), ("Input.NewPassword", "a different long passphrase"), ("Input.ConfirmPassword", "a different long passphrase"));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var key = await EnableTwoFactorAsync(client);
        Assert.NotEmpty(key);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Identity/Account/Manage/Disable2fa", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/", [], "/Account/SignOutEverywhere")).StatusCode);

        var actions = await App.WithDbAsync(db => db.AuditEvents.Where(a => a.EntityId == user.Id).Select(a => a.Action).ToListAsync(), clinic);
        foreach (var expected in new[]
        {
            "account.password_changed", "account.authenticator_reset", "account.two_factor_enabled", "account.recovery_codes_generated",
            "account.two_factor_disabled", "user.signed_out_everywhere",
        })
        {
            Assert.Contains(expected, actions);
        }
    }

    [Fact]
    public async Task An_admin_resetting_someones_two_factor_emails_them_and_ends_their_sessions()
    {
        await using var smtp = new SmtpFixture();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = App.Factory.WithWebHostBuilder(b =>
        {
            foreach (var (k, v) in smtp.Configure()) b.UseSetting(k, v);
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock));
        });
        AppClient NewClient() => new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        var (clinic, admin) = await App.Data.ClinicAsync();
        var user = await App.Data.UserAsync(clinic);
        string key;
        using (var setup = NewClient())
        {
            await setup.SignInAsync(user.Email, user.Password);
            key = await EnableTwoFactorAsync(setup);
        }
        // A fresh session, signed in with both factors, that survives the stamp check on its own.
        using var userClient = NewClient();
        var first = await userClient.PostFormAsync("/Identity/Account/Login", ("Input.Email", user.Email), ("Input.Password", user.Password));
        Assert.Contains("LoginWith2fa", first.Headers.Location!.OriginalString);
        var second = await userClient.PostFormAsync(first.Headers.Location.OriginalString,
            ("Input.TwoFactorCode", new Totp(Base32Encoding.ToBytes(key)).ComputeTotp()), ("Input.RememberMachine", "false"));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.OK, (await userClient.GetAsync("/")).StatusCode);

        using var adminClient = NewClient();
        await adminClient.SignInAsync(admin.Email, admin.Password);
        var edit = $"/Admin/Users/Edit/{user.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await adminClient.PostFormAsync(edit, [], edit + "?handler=ResetTwoFactor")).StatusCode);

        var mail = await smtp.WaitForAsync(user.Email);
        Assert.True(mail.OverTls);
        Assert.Contains("two-factor", mail.Message.Subject);
        Assert.Contains("Ada Admin", mail.Html);
        // Past the security-stamp check interval, the user's session (signed in with two factors) is over.
        clock.Advance(TimeSpan.FromMinutes(6));
        var after = await userClient.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/Identity/Account/Login", after.Headers.Location!.OriginalString);
    }

    /// <summary>Turns on two-factor sign-in through the page, as a person with an authenticator app would; the key.</summary>
    private static async Task<string> EnableTwoFactorAsync(AppClient client)
    {
        var page = await client.GetPageAsync("/Identity/Account/Manage/EnableAuthenticator");
        var key = System.Text.RegularExpressions.Regex.Match(page, "class=\"mfa-key\">([^<]+)<").Groups[1].Value.Replace(" ", "");
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();
        var enabled = await client.PostFormAsync("/Identity/Account/Manage/EnableAuthenticator", ("Input.Code", code));
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        return key;
    }

    private sealed class CountingHasher : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> _inner = new(Microsoft.Extensions.Options.Options.Create(
            new PasswordHasherOptions { IterationCount = HepBuilder.Web.Infrastructure.Auth.IdentitySetup.HashIterations }));
        private int _verifications;

        public int Verifications => _verifications;

        public string HashPassword(ApplicationUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
