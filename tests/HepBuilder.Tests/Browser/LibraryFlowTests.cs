using HepBuilder.Data.Entities;
using HepBuilder.Tests.Pages.Library;
using Microsoft.Playwright;
using SkiaSharp;

namespace HepBuilder.Tests.Browser;

/// <summary>Flow 3: an admin adds an exercise with a photo and archives another; clinicians no longer find the archived one.</summary>
public sealed class LibraryFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public Task Admin_adds_an_exercise_with_a_photo_and_archives_another_which_clinicians_no_longer_find() => FlowAsync("library", async () =>
    {
        var (clinicId, admin) = await Browser.Data.ClinicAsync("Library Spine Clinic");
        var page = await NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await SignInAsync(page, admin.Email, admin.Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Ada Admin" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Exercise library", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Exercise library" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        // A new exercise of the clinic's own, then its photo (a real PNG, made here).
        await NewExerciseAsync(page, "Lumbar roll sitting", "Sit tall with the roll in the small of your back.\nRelax your shoulders and breathe.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Pictures (" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pictures" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a photo" }).First.ClickAsync();
        await page.GetByLabel("Photo", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "lumbar-roll.png", MimeType = "image/png", Buffer = LibraryKit.Image(640, 480, SKEncodedImageFormat.Png, SKColors.Teal),
        });
        await page.GetByLabel("Caption (optional)").FillAsync("Roll at belt height");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload photo" }).ClickAsync();
        var photo = page.GetByRole(AriaRole.Img, new() { Name = "Photo: Roll at belt height" });
        await Assertions.Expect(photo).ToBeVisibleAsync();
        Assert.True(await photo.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the uploaded photo does not load");
        await AssertAccessibleAsync(page);
        await ShotAsync(page, "40-library-photo");

        // Another exercise, then archived (after the confirmation).
        await page.GetByRole(AriaRole.Link, new() { Name = "Exercise library", Exact = true }).ClickAsync();
        await NewExerciseAsync(page, "Seated pelvic clock", "Sit on a firm chair.\nRock your pelvis around a clock face.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Archive" }).ClickAsync();
        await Assertions.Expect(page.Locator(".page-header .badge").GetByText("Archived")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Unarchive" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        // The admin still finds it when asking for archived exercises too: the search does match it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Exercise library", Exact = true }).ClickAsync();
        await page.GetByLabel("Include archived").CheckAsync();
        await SearchLibraryPageAsync(page, "pelvic clock");
        await Assertions.Expect(page.Locator(".library-hit").Filter(new() { HasText = "Seated pelvic clock" }).GetByText("Archived")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        // A clinician finds the new one (with its photo) and not the archived one, in the library and in the builder.
        var clinician = await Browser.Data.UserAsync(clinicId, fullName: "Sam Ortiz", credentials: "PT");
        var patientId = await WithDbAsync(clinicId, async db =>
        {
            var patient = new Patient { ClinicId = clinicId, FirstName = "Lee", LastName = "Park", DateOfBirth = new DateOnly(1975, 9, 30) };
            db.Patients.Add(patient);
            await db.SaveChangesAsync();
            return patient.Id;
        });
        var other = await NewPageAsync();
        await SignInAsync(other, clinician.Email, clinician.Password);
        await Assertions.Expect(other.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Sam Ortiz, PT" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(other);
        await other.GetByRole(AriaRole.Link, new() { Name = "Exercise library", Exact = true }).ClickAsync();
        await SearchLibraryPageAsync(other, "lumbar roll");
        var hit = other.Locator(".library-hit").Filter(new() { HasText = "Lumbar roll sitting" });
        await Assertions.Expect(hit).ToBeVisibleAsync();
        Assert.True(await hit.Locator("img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the photo thumbnail does not load");
        await AssertAccessibleAsync(other);
        await ShotAsync(other, "41-library-search-clinician");
        await SearchLibraryPageAsync(other, "pelvic clock");
        await Assertions.Expect(other.GetByText("Seated pelvic clock")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(other);

        await other.GotoAsync($"/Patients/{patientId}");
        await AssertAccessibleAsync(other);
        await other.GetByRole(AriaRole.Link, new() { Name = "New program" }).ClickAsync();
        await AssertAccessibleAsync(other);
        await other.GetByRole(AriaRole.Button, new() { Name = "Create program and open the builder" }).ClickAsync();
        await Assertions.Expect(other.Locator("#builder-root.js-builder")).ToBeVisibleAsync();
        await other.GetByLabel("Search the library").FillAsync("pelvic clock");
        await Assertions.Expect(other.Locator("#library-count")).ToContainTextAsync("match");
        await Assertions.Expect(other.GetByRole(AriaRole.Button, new() { Name = "Add Seated pelvic clock" })).ToHaveCountAsync(0);
        await other.GetByLabel("Search the library").FillAsync("lumbar roll");
        await Assertions.Expect(other.GetByRole(AriaRole.Button, new() { Name = "Add Lumbar roll sitting", Exact = true })).ToBeVisibleAsync();
        await AssertAccessibleAsync(other);
    });

    /// <summary>From the library page: New exercise, name and steps (the rest keeps its defaults), saved; lands on its page.</summary>
    private static async Task NewExerciseAsync(IPage page, string name, string steps)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "New exercise" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Body region").SelectOptionAsync(new SelectOptionValue { Label = "Lumbar" });
        await page.GetByLabel("Position", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Sitting" });
        await page.GetByLabel("Steps (one per line)").FillAsync(steps);
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add exercise" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }

    private static async Task SearchLibraryPageAsync(IPage page, string query)
    {
        await page.GetByLabel("Search", new() { Exact = true }).FillAsync(query);
        await page.GetByLabel("Search", new() { Exact = true }).PressAsync("Enter");
        await page.WaitForURLAsync(url => System.Web.HttpUtility.ParseQueryString(new Uri(url).Query)["q"] == query);
    }
}
