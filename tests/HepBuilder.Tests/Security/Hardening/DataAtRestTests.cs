using System.Net;
using System.Text.RegularExpressions;
using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using HepBuilder.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OtpNet;

namespace HepBuilder.Tests.Security.Hardening;

/// <summary>What a copy of the database alone gives away: no usable Data Protection key, no two-factor secret.</summary>
public sealed partial class DataAtRestTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task The_key_ring_rows_hold_only_keys_encrypted_with_the_certificate()
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT xml FROM data_protection_keys", connection);
        var rows = new List<string>();
        await using (var reader = await read.ExecuteReaderAsync())
            while (await reader.ReadAsync()) rows.Add(reader.GetString(0));

        Assert.NotEmpty(rows);
        Assert.All(rows, xml =>
        {
            Assert.Contains("<encryptedSecret", xml);
            Assert.Contains("EncryptedXmlDecryptor", xml);
            Assert.DoesNotContain("unencrypted form", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });
    }

    [Fact]
    public async Task The_authenticator_secret_and_recovery_codes_are_not_stored_in_clear()
    {
        var (clinic, _) = await App.Data.ClinicAsync();
        var user = await App.Data.UserAsync(clinic);
        using var client = App.Client();
        await client.SignInAsync(user.Email, user.Password);
        var page = await client.GetPageAsync("/Identity/Account/Manage/EnableAuthenticator");
        var key = KeyRegex().Match(page).Groups[1].Value.Replace(" ", "");
        var enabled = await client.PostFormAsync("/Identity/Account/Manage/EnableAuthenticator", ("Input.Code", new Totp(Base32Encoding.ToBytes(key)).ComputeTotp()));
        var codesPage = await client.GetPageAsync(enabled.Headers.Location!.OriginalString);
        var codes = CodeRegex().Matches(codesPage).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(codes);

        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT name, value FROM asp_net_user_tokens WHERE user_id = @u", connection);
        read.Parameters.AddWithValue("u", user.Id);
        var stored = new Dictionary<string, string>();
        await using (var reader = await read.ExecuteReaderAsync())
            while (await reader.ReadAsync()) stored[reader.GetString(0)] = reader.GetString(1);

        Assert.Equal(["AuthenticatorKey", "RecoveryCodes"], stored.Keys.Order());
        Assert.All(stored.Values, v => Assert.StartsWith("dp1:", v));
        Assert.DoesNotContain(key, stored["AuthenticatorKey"], StringComparison.OrdinalIgnoreCase);
        Assert.All(codes, c => Assert.DoesNotContain(c, stored["RecoveryCodes"]));
        // Through the app (with the certificate) the secret still works, and so does a recovery code, once.
        await using (var scope = App.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.Equal(key, await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(user.Id))!), ignoreCase: true);
        }
        using var later = App.Client();
        var first = await later.PostFormAsync("/Identity/Account/Login", ("Input.Email", user.Email), ("Input.Password", user.Password));
        Assert.Contains("LoginWith2fa", first.Headers.Location!.OriginalString);
        var recovered = await later.PostFormAsync("/Identity/Account/LoginWithRecoveryCode", ("Input.RecoveryCode", codes[0]));
        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await later.GetAsync("/")).StatusCode);
        await using (var scope = App.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.Equal(codes.Count - 1, await users.CountRecoveryCodesAsync((await users.FindByIdAsync(user.Id))!));
        }
    }

    [Fact]
    public async Task An_app_given_another_certificate_refuses_to_start_instead_of_making_new_keys()
    {
        var other = Path.Combine(Path.GetTempPath(), $"hep-other-{Guid.NewGuid():N}.pfx");
        Assert.Equal(0, KeyRingCertificate.Create(other));
        try
        {
            var settings = AppProcess.Settings(App.ConnectionString);
            settings["Hep__DataProtection__CertificatePath"] = other;
            var result = await AppProcess.RunAsync(settings);

            Assert.Equal(3, result.ExitCode);
            Assert.Contains("key ring in the database cannot be decrypted with the certificate " + other, result.Error);
        }
        finally
        {
            File.Delete(other);
        }
    }

    [GeneratedRegex("class=\"mfa-key\">([^<]+)<")]
    private static partial Regex KeyRegex();

    [GeneratedRegex("<code[^>]*>([0-9A-Z]{5}-[0-9A-Z]{5})</code>", RegexOptions.IgnoreCase)]
    private static partial Regex CodeRegex();
}
