using System.Net;
using HepBuilder.Tests.Infrastructure;

namespace HepBuilder.Tests.Pages.Account;

/// <summary>Two-factor pages reached out of turn (expired step, bookmark, back button) lead on instead of failing.</summary>
public sealed class TwoFactorStepTests(AppFixture app) : AppTest(app)
{
    [Theory]
    [InlineData("/Identity/Account/LoginWith2fa")]
    [InlineData("/Identity/Account/LoginWithRecoveryCode")]
    public async Task Code_page_without_a_waiting_sign_in_goes_back_to_sign_in_with_a_reason(string page)
    {
        using var client = App.Client();
        var response = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Identity/Account/Login", response.Headers.Location!.OriginalString);
        Assert.Contains("took too long to finish", await client.GetPageAsync("/Identity/Account/Login"));
    }

    [Theory]
    [InlineData("/Identity/Account/Manage/GenerateRecoveryCodes")]
    [InlineData("/Identity/Account/Manage/Disable2fa")]
    public async Task Recovery_codes_and_disable_without_two_factor_lead_to_its_set_up(string page)
    {
        var (_, admin) = await App.Data.ClinicAsync();
        using var client = App.Client();
        await client.SignInAsync(admin.Email, admin.Password);
        var response = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Identity/Account/Manage/TwoFactorAuthentication", response.Headers.Location!.OriginalString);
        Assert.Contains("not on for your account", await client.GetPageAsync("/Identity/Account/Manage/TwoFactorAuthentication"));
    }
}
