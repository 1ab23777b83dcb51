using HepBuilder.Tests.Pages.Programs;
using Microsoft.Playwright;

namespace HepBuilder.Tests.Browser;

/// <summary>
/// Flow 2: a clinician builds, issues and revises a program in the real builder, with the mouse where a clinician
/// drags and with the keyboard for adding, moving and dosing.
/// </summary>
public sealed class BuilderFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public Task Clinician_builds_a_program_with_drag_keyboard_and_a_precaution_override_issues_downloads_and_revises() => FlowAsync("builder", async () =>
    {
        var (clinicId, _) = await Browser.Data.ClinicAsync("Builder Spine Clinic");
        var clinician = await Browser.Data.UserAsync(clinicId, fullName: "Dana Reyes");
        var page = await NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await SignInAsync(page, clinician.Email, clinician.Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Dana Reyes, DPT" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        // A new patient with a "no lumbar flexion" precaution.
        await page.GetByRole(AriaRole.Link, new() { Name = "Patients", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Patients", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "New patient" }).ClickAsync();
        await page.GetByLabel("First name").FillAsync("Maria");
        await page.GetByLabel("Last name").FillAsync("Lopez");
        await page.GetByLabel("Date of birth").FillAsync("1968-03-14");
        await page.GetByLabel("Diagnosis or procedure").FillAsync("L4–L5 microdiscectomy");
        await page.GetByLabel("Kind (precaution 1)").SelectOptionAsync(new SelectOptionValue { Label = "No lumbar flexion (bending forward)" });
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add patient" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Maria Lopez", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".precautions-active")).ToContainTextAsync("No lumbar flexion");
        await AssertAccessibleAsync(page);
        await ShotAsync(page, "30-patient-with-precaution");

        // A program, started empty.
        await page.GetByRole(AriaRole.Link, new() { Name = "New program" }).ClickAsync();
        await page.GetByLabel("Program title").FillAsync("Back to work after microdiscectomy");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create program and open the builder" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Build the program" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#builder-root.js-builder")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await AddFromLibraryAsync(page, "dead bug", "Dead bug");

        // The typo still finds Bridge; added with the keyboard, focus lands on the new item.
        await SearchLibraryAsync(page, "brige");
        var addBridge = page.GetByRole(AriaRole.Button, new() { Name = "Add Bridge", Exact = true });
        await addBridge.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await ExpectOrderAsync(page, "Dead bug", "Bridge");
        await Assertions.Expect(page.Locator("#item-1")).ToBeFocusedAsync();
        await AssertAccessibleAsync(page);

        await AddFromLibraryAsync(page, "crunch", "Abdominal crunch");

        // Drag Bridge by its handle above Dead bug, with a real mouse; the server renumbers.
        await DragAsync(page, page.Locator("#item-1 .drag-handle"), page.Locator("#item-0"));
        await ExpectOrderAsync(page, "Bridge", "Dead bug", "Abdominal crunch");

        // Move the crunch up with the keyboard: the focus stays on its Up button, visibly.
        await page.GetByRole(AriaRole.Button, new() { Name = "Move Up Abdominal crunch" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await ExpectOrderAsync(page, "Bridge", "Abdominal crunch", "Dead bug");
        await Assertions.Expect(page.Locator("#up-1")).ToBeFocusedAsync();
        Assert.Equal("up-1", await AssertFocusVisibleAsync(page));

        // 3 sets of 12 with a 10 s hold, typed and tabbed through as a keyboard user does.
        await page.GetByLabel("Sets for Bridge").FocusAsync();
        await TypeOverAsync(page, "3");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Reps for Bridge", await FocusedLabelAsync(page));
        await TypeOverAsync(page, "12");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Hold (s) for Bridge", await FocusedLabelAsync(page));
        await AssertFocusVisibleAsync(page);
        await TypeOverAsync(page, "10");
        await Assertions.Expect(page.Locator("#summary .summary-list li").First)
            .ToContainTextAsync("Bridge. Do 3 sets of 12. Hold each one for 10 seconds.");

        // Onwards through the rest of the items with Tab alone: every stop shows where the focus is.
        for (var stop = 0; stop < 25; stop++)
        {
            await page.Keyboard.PressAsync("Tab");
            await AssertFocusVisibleAsync(page);
        }

        // The crunch flexes the lumbar spine: the builder says so, and issuing without a reason is refused.
        var crunch = page.Locator("#item-1");
        await Assertions.Expect(crunch.GetByText("Conflicts with: No lumbar flexion")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#summary")).ToContainTextAsync("1 precaution conflict needs a reason before issuing.");
        await AssertAccessibleAsync(page);
        await ShotAsync(page, "31-builder-precaution-warning");
        await TourShotAsync(page, "tour-builder", 1600);
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue version 1" }).ClickAsync();
        // Refused: the summary at the top takes focus and links to the reason field; no "frozen once issued" question came.
        var summary = page.Locator("#issue-errors");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary).ToContainTextAsync("Abdominal crunch conflicts with “No lumbar flexion”");
        await summary.GetByRole(AriaRole.Link).First.ClickAsync();
        var reason = page.GetByLabel("Reason to prescribe despite “No lumbar flexion”", new() { Exact = false });
        await Assertions.Expect(reason).ToBeFocusedAsync();
        await Assertions.Expect(reason).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Sets for Bridge")).ToHaveValueAsync("3");
        await AssertAccessibleAsync(page);
        await ShotAsync(page, "32-builder-issue-refused");

        await reason.FillAsync("Surgeon cleared gentle partial crunches at the 6-week review");
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue version 1" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Back to work after microdiscectomy" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".history")).ToContainTextAsync("Abdominal crunch despite “No lumbar flexion”: Surgeon cleared");
        await AssertAccessibleAsync(page);
        await ShotAsync(page, "33-program-issued");

        // The handout, downloaded as the clinician would, says what was prescribed.
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download version 1" }).ClickAsync());
        var pdfPath = Path.Combine(ShotsDir, "handout-v1.pdf");
        await download.SaveAsAsync(pdfPath);
        var text = PdfWords.All(await File.ReadAllBytesAsync(pdfPath));
        Assert.Contains("Maria Lopez", text);
        Assert.Contains("Bridge", text);
        Assert.Contains("Do 3 sets of 12. Hold each one for 10 seconds.", text);
        Assert.Contains("Abdominal crunch", text);

        // Revise: one dose changes, and the program page shows what changed, before and after issuing.
        await page.GetByRole(AriaRole.Button, new() { Name = "Revise (new draft from version 1)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Build the program" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#builder-root.js-builder")).ToBeVisibleAsync();
        await page.GetByLabel("Reps for Dead bug").FillAsync("8");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Draft saved." })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Versions and history" }).ClickAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby=draft-heading]"))
            .ToContainTextAsync("Dead bug: reps 10 → 8");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Continue the draft" }).ClickAsync();
        await Assertions.Expect(page.Locator("#builder-root.js-builder")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue version 2" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Version 2", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".history-changes").First).ToHaveTextAsync("Dead bug: reps 10 → 8");
        await AssertAccessibleAsync(page);
        await ShotAsync(page, "34-program-version-diff");
        await TourShotAsync(page, "tour-program", 1500);
    });

    /// <summary>Types in the builder's library search (it searches as you type) and waits for the hit.</summary>
    private static async Task SearchLibraryAsync(IPage page, string query)
    {
        var search = page.GetByLabel("Search the library");
        await search.FillAsync(query);
        await Assertions.Expect(page.Locator("#library-count")).ToContainTextAsync("match");
    }

    private static async Task AddFromLibraryAsync(IPage page, string query, string name)
    {
        await SearchLibraryAsync(page, query);
        var before = await page.Locator("#program-items > li").CountAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add " + name, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator($"#item-{before} h3")).ToHaveTextAsync($"{before + 1}. {name}");
    }

    /// <summary>The items as the server numbered them: a reorder has made the round trip when these match.</summary>
    private static async Task ExpectOrderAsync(IPage page, params string[] names) =>
        await Assertions.Expect(page.Locator("#program-items > li h3"))
            .ToHaveTextAsync(names.Select((n, i) => $"{i + 1}. {n}").ToArray());

    /// <summary>
    /// A mouse drag in small steps: SortableJS starts a drag only after the pointer moves, and decides the drop
    /// position from where the pointer passes, as with a hand on a mouse.
    /// </summary>
    private static async Task DragAsync(IPage page, ILocator handle, ILocator target)
    {
        // Both ends on screen at once, as a clinician would scroll before dragging ('instant': Bootstrap scrolls
        // smoothly, and the handle's position must not move between measuring it and pressing the mouse).
        await target.EvaluateAsync("e => e.scrollIntoView({ block: 'center', behavior: 'instant' })");
        var from = await handle.BoundingBoxAsync() ?? throw new InvalidOperationException("drag handle not visible");
        var to = await target.BoundingBoxAsync() ?? throw new InvalidOperationException("drop target not visible");
        await page.Mouse.MoveAsync(from.X + from.Width / 2, from.Y + from.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(from.X + from.Width / 2, from.Y + from.Height / 2 - 10, new() { Steps = 5 });
        await page.Mouse.MoveAsync(to.X + to.Width / 2, to.Y + to.Height / 3, new() { Steps = 20 });
        await page.Mouse.MoveAsync(to.X + to.Width / 2, to.Y + to.Height / 4, new() { Steps = 5 });
        await page.Mouse.UpAsync();
    }

    private static async Task TypeOverAsync(IPage page, string text)
    {
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(text);
    }

    private static Task<string> FocusedLabelAsync(IPage page) =>
        page.EvaluateAsync<string>("() => [...document.activeElement.labels].map(l => l.textContent.trim()).join(' ')");
}
