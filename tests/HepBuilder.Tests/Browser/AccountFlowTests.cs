using Microsoft.Playwright;
using OtpNet;

namespace HepBuilder.Tests.Browser;

public sealed class AccountFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public Task Admin_sets_up_two_factor_invites_a_clinician_who_accepts_and_signs_in() => FlowAsync("account", async () =>
    {
        var (_, admin) = await Browser.Data.ClinicAsync("Browser Spine Clinic");
        var page = await NewPageAsync();

        await SignInAsync(page, admin.Email, admin.Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Ada Admin" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await ShotAsync(page, "01-home-admin");

        // Two-factor: read the key the page shows, compute the code as an authenticator app would.
        await page.GotoAsync("/Identity/Account/Manage/EnableAuthenticator");
        var key = (await page.Locator(".mfa-key").InnerTextAsync()).Replace(" ", "");
        await AssertAccessibleAsync(page);
        await ShotAsync(page, "02-enable-2fa");
        await page.GetByLabel("Verification code").FillAsync(new Totp(Base32Encoding.ToBytes(key)).ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await Assertions.Expect(page.GetByText("recovery codes", new() { Exact = false }).First).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        // Invite a clinician; the link is shown once.
        await page.GotoAsync("/Admin/Users/Invite");
        await page.GetByLabel("Full name").FillAsync("Dana Reyes");
        await page.GetByLabel("Email").FillAsync("dana.reyes@browser.example");
        await page.GetByLabel("Credentials (optional)").FillAsync("DPT");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        var link = await page.Locator("#once-link").InputValueAsync();
        Assert.Contains("/Account/AcceptInvite", link);
        await AssertAccessibleAsync(page);
        await ShotAsync(page, "03-invite-link");

        // The clinician, in their own browser, opens the link, sets a password and lands signed in.
        var clinician = await NewPageAsync();
        await clinician.GotoAsync(link);
        await clinician.GetByLabel("New password").FillAsync("a long clinician passphrase");
        await clinician.GetByLabel("Type it again").FillAsync("a long clinician passphrase");
        await AssertAccessibleAsync(clinician);
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Save password and sign in" }).ClickAsync();
        await Assertions.Expect(clinician.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Dana Reyes, DPT" })).ToBeVisibleAsync();

        // And signs in again later with the new password.
        await clinician.Context.ClearCookiesAsync();
        await SignInAsync(clinician, "dana.reyes@browser.example", "a long clinician passphrase");
        await Assertions.Expect(clinician.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Dana Reyes, DPT" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(clinician);
        await ShotAsync(clinician, "04-home-clinician");

        // The admin's next sign-in asks for the authenticator code.
        await page.Context.ClearCookiesAsync();
        await SignInAsync(page, admin.Email, admin.Password);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("LoginWith2fa"));
        await AssertAccessibleAsync(page);
    });
}
