using Microsoft.Playwright;

namespace HepBuilder.Tests.Browser;

/// <summary>Flow 4: a clinician of another clinic who has the URL of a patient or program is told the page is not there.</summary>
public sealed class OtherClinicFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public Task Clinician_of_another_clinic_pasting_a_patient_or_program_url_sees_the_not_found_page() => FlowAsync("other-clinic", async () =>
    {
        var (clinicA, _) = await Browser.Data.ClinicAsync("North Spine Clinic");
        var owner = await Browser.Data.UserAsync(clinicA, fullName: "Dana Reyes");
        var (patientId, programId, _) = await IssuedProgramAsync(owner, "Imani", "Whitfield");
        var urls = new[]
        {
            $"/Patients/{patientId}", $"/Patients/{patientId}/Edit", $"/Programs/{programId}", $"/Programs/{programId}/Edit",
            $"/Programs/{programId}/versions/1/handout.pdf",
        };

        // In clinic A these are real pages: the URLs are right, only the reader is wrong.
        var ownerPage = await NewPageAsync();
        await SignInAsync(ownerPage, owner.Email, owner.Password);
        var ownerView = await ownerPage.GotoAsync(urls[0]);
        Assert.Equal(200, ownerView!.Status);
        await Assertions.Expect(ownerPage.GetByRole(AriaRole.Heading, new() { Name = "Imani Whitfield", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(ownerPage);

        var (clinicB, _) = await Browser.Data.ClinicAsync("South Spine Clinic");
        var stranger = await Browser.Data.UserAsync(clinicB, fullName: "Chris Novak");
        var page = await NewPageAsync();
        await SignInAsync(page, stranger.Email, stranger.Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Chris Novak, DPT" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        foreach (var url in urls)
        {
            // Pasted into the address bar.
            var response = await page.GotoAsync(url);
            Assert.Equal(404, response!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("We could not find that page.")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Go to the home page" })).ToBeVisibleAsync();
            // Nothing of clinic A's patient shows through, not even in the title.
            Assert.DoesNotContain("Whitfield", await page.ContentAsync());
            await AssertAccessibleAsync(page);
        }
        await page.GotoAsync(urls[0]);
        await ShotAsync(page, "50-other-clinic-not-found");

        // The way out works.
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to the home page" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Chris Novak, DPT" })).ToBeVisibleAsync();
    });
}
