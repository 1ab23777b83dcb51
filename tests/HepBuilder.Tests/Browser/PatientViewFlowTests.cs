using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace HepBuilder.Tests.Browser;

public sealed class PatientViewFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public Task Patient_opens_the_handout_link_on_a_phone_and_ticks_an_exercise() => FlowAsync("patient-view", async () =>
    {
        var (clinicId, _) = await Browser.Data.ClinicAsync("Phone Spine Clinic");
        var clinician = await Browser.Data.UserAsync(clinicId, fullName: "Dana Reyes");
        // The clinician issues a program; the handout's QR is the link.
        var (patientId, programId, http) = await IssuedProgramAsync(clinician, "Ada", "Okafor");
        var link = WebUtility.HtmlDecode(Regex.Match(await http.GetPageAsync($"/Programs/{programId}"), "patient-link-url\"[^>]*value=\"([^\"]+)\"").Groups[1].Value);
        Assert.StartsWith(Browser.BaseUrl + "/p/", link);

        var phone = await NewPageAsync(390, 844);
        await phone.GotoAsync(link + "?v=1");
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Hello Ada" })).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "1 Bridge" })).ToBeVisibleAsync();
        Assert.Equal(390, await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
        await AssertAccessibleAsync(phone);
        await ShotAsync(phone, "20-patient-view-phone");
        await TourShotAsync(phone, "tour-phone", 844);

        await phone.GetByLabel("Done today").First.CheckAsync();
        await phone.GetByText("3", new() { Exact = true }).ClickAsync();
        await phone.GetByLabel("A note for your care team (optional)").FillAsync("Easier than yesterday");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Save today" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("Saved. Thank you")).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByLabel("Done today").First).ToBeCheckedAsync();
        await AssertAccessibleAsync(phone);
        await ShotAsync(phone, "21-patient-view-saved");

        var clinicianPage = await NewPageAsync();
        await SignInAsync(clinicianPage, clinician.Email, clinician.Password);
        await clinicianPage.GotoAsync($"/Patients/{patientId}");
        await Assertions.Expect(clinicianPage.GetByText("“Easier than yesterday”")).ToBeVisibleAsync();
        Assert.Equal(1, await clinicianPage.Locator(".adherence-cell.done").CountAsync());
        await AssertAccessibleAsync(clinicianPage);
        await ShotAsync(clinicianPage, "22-patient-adherence");

        // The program page offers the link and its revocation; once revoked, the phone is told whom to call.
        await clinicianPage.GotoAsync($"/Programs/{programId}");
        await Assertions.Expect(clinicianPage.GetByLabel("Link to give the patient")).ToHaveValueAsync(link);
        await AssertAccessibleAsync(clinicianPage);
        await ShotAsync(clinicianPage, "23-program-link");
        clinicianPage.Dialog += (_, dialog) => dialog.AcceptAsync();
        await clinicianPage.GetByRole(AriaRole.Button, new() { Name = "Revoke link" }).ClickAsync();
        await Assertions.Expect(clinicianPage.GetByRole(AriaRole.Button, new() { Name = "Create a new link" })).ToBeVisibleAsync();
        await phone.ReloadAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "This link is no longer active" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(phone);
        await ShotAsync(phone, "24-patient-view-revoked");
    });
}
