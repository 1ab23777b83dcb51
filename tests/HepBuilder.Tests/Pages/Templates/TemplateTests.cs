using System.Net;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Data.Seeding;
using HepBuilder.Tests.Infrastructure;
using HepBuilder.Web.Pages.Templates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static HepBuilder.Tests.Pages.Patients.PatientForms;

namespace HepBuilder.Tests.Pages.Templates;

public sealed class TemplateTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Template_round_trip_never_changes_programs_made_from_it()
    {
        var (client, user) = await ClinicianAsync(App);
        var patientId = await CreateAsync(client, Fields());
        var versionId = await DraftAsync(user.ClinicId, patientId, ("bridge", 3, 12, 10), ("abdominal-crunch", 2, 10, 2));

        // Save the program version as a template through the page.
        var saved = await client.PostFormAsync($"/Templates/New?fromVersionId={versionId}", Fields2(("Input.Title", "My back basics")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var templateId = Guid.Parse(saved.Headers.Location!.OriginalString.Split('/').Last());
        var details = await client.GetPageAsync($"/Templates/{templateId}");
        Assert.Contains("Bridge", details);
        Assert.Contains("Do 3 sets of 12. Hold each one for 10 seconds.", details);

        // Start a new program from it, as the builder does.
        var items = await WithTemplateItemsAsync(user.ClinicId, t => t.ForNewProgramAsync(templateId, default));
        Assert.NotNull(items);
        Assert.Equal([(3, 12, 10), (2, 10, 2)], items!.Select(i => (i.Dose.Sets, i.Dose.Reps, i.Dose.HoldSeconds)));
        var newVersionId = await App.WithDbAsync(async db =>
        {
            var program = new Data.Entities.Program { ClinicId = user.ClinicId, PatientId = patientId, Title = "From template" };
            var version = new ProgramVersion
            {
                ClinicId = user.ClinicId, Program = program, Title = "From template",
                Items = items.Select((x, n) => new ProgramItem { ClinicId = user.ClinicId, Position = n, ExerciseId = x.ExerciseId, Dose = x.Dose }).ToList(),
            };
            db.Add(version);
            await db.SaveChangesAsync();
            return version.Id;
        }, user.ClinicId);

        // Edit the template: new dose on the bridge, remove the crunch.
        var version = await App.WithDbAsync(db => db.Templates.Where(t => t.Id == templateId).Select(t => t.Version).SingleAsync(), user.ClinicId);
        var itemIds = await App.WithDbAsync(db => db.Templates.Where(t => t.Id == templateId)
            .SelectMany(t => t.Items).OrderBy(i => i.Position).Select(i => i.Id).ToListAsync(), user.ClinicId);
        var edit = await client.PostFormAsync($"/Templates/{templateId}/Edit", Fields2(
            ("Input.Title", "My back basics v2"), ("Input.Version", version.ToString()),
            ("Input.Items[0].Id", itemIds[0].ToString()), ("Input.Items[0].Sets", "1"), ("Input.Items[0].Reps", "5"), ("Input.Items[0].HoldSeconds", "30"),
            ("Input.Items[0].Side", "Both"), ("Input.Items[0].TimesPerDay", "1"), ("Input.Items[0].DaysPerWeek", "7"), ("Input.Items[0].RestSeconds", "0"),
            ("Input.Items[1].Id", itemIds[1].ToString()), ("Input.Items[1].Sets", "2"), ("Input.Items[1].Reps", "10"), ("Input.Items[1].HoldSeconds", "2"),
            ("Input.Items[1].Side", "Both"), ("Input.Items[1].TimesPerDay", "1"), ("Input.Items[1].DaysPerWeek", "7"), ("Input.Items[1].RestSeconds", "0"),
            ("Input.Items[1].Remove", "true")));
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);

        var template = await App.WithDbAsync(db => db.Templates.Include(t => t.Items).SingleAsync(t => t.Id == templateId), user.ClinicId);
        Assert.Equal("My back basics v2", template.Title);
        Assert.Equal((1, 5, 30), (template.Items.Single().Dose.Sets, template.Items.Single().Dose.Reps, template.Items.Single().Dose.HoldSeconds));

        foreach (var programVersion in new[] { versionId, newVersionId })
        {
            var doses = await App.WithDbAsync(db => db.ProgramItems.Where(i => i.VersionId == programVersion).OrderBy(i => i.Position)
                .Select(i => i.Dose).ToListAsync(), user.ClinicId);
            Assert.Equal([(3, 12, 10), (2, 10, 2)], doses.Select(d => (d.Sets, d.Reps, d.HoldSeconds)));
        }
    }

    [Fact]
    public async Task A_clinician_cannot_save_a_clinic_wide_template_but_an_admin_can()
    {
        var (clinicId, admin) = await App.Data.ClinicAsync();
        var clinician = await App.Data.UserAsync(clinicId);
        var patientId = await App.WithDbAsync(async db =>
        {
            var p = new Patient { ClinicId = clinicId, FirstName = "Ann", LastName = "Lee", DateOfBirth = new DateOnly(1980, 1, 1) };
            db.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        }, clinicId);
        var versionId = await DraftAsync(clinicId, patientId, ("bridge", 1, 10, 5));

        using var c = App.Client();
        await c.SignInAsync(clinician.Email, clinician.Password);
        var refused = await c.PostFormAsync($"/Templates/New?fromVersionId={versionId}", Fields2(("Input.Title", "Shared"), ("Input.ClinicWide", "true")));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Only an Admin can save a template for the whole clinic.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await App.WithDbAsync(db => db.Templates.CountAsync(t => t.ClinicId == clinicId), clinicId));

        using var a = App.Client();
        await a.SignInAsync(admin.Email, admin.Password);
        var accepted = await a.PostFormAsync($"/Templates/New?fromVersionId={versionId}", Fields2(("Input.Title", "Shared"), ("Input.ClinicWide", "true")));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var shared = await App.WithDbAsync(db => db.Templates.SingleAsync(t => t.ClinicId == clinicId), clinicId);
        Assert.Null(shared.OwnerId);

        // The clinician sees it but may not change or delete it.
        Assert.Contains("Shared", await c.GetPageAsync("/Templates"));
        Assert.Equal(HttpStatusCode.Forbidden, (await c.GetAsync($"/Templates/{shared.Id}/Edit")).StatusCode);
        var delete = await c.PostFormAsync("/Templates", [], $"/Templates/{shared.Id}?handler=Delete");
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(1, await App.WithDbAsync(db => db.Templates.CountAsync(t => t.ClinicId == clinicId), clinicId));
    }

    [Fact]
    public async Task Personal_templates_are_private_and_other_clinics_get_404()
    {
        var (clinicId, _) = await App.Data.ClinicAsync("Clinic A");
        var owner = await App.Data.UserAsync(clinicId);
        var colleague = await App.Data.UserAsync(clinicId);
        var (otherClinic, _) = await App.Data.ClinicAsync("Clinic B");
        var stranger = await App.Data.UserAsync(otherClinic);
        var bridge = await ShippedIdAsync("bridge");
        var templateId = await App.WithDbAsync(async db =>
        {
            var t = new Template
            {
                ClinicId = clinicId, OwnerId = owner.Id, Title = "Owner's secret protocol",
                Items = [new TemplateItem { Position = 0, ExerciseId = bridge, Dose = new Dose() }],
            };
            db.Add(t);
            await db.SaveChangesAsync();
            return t.Id;
        }, clinicId);
        var patientId = await App.WithDbAsync(async db =>
        {
            var p = new Patient { ClinicId = clinicId, FirstName = "Ann", LastName = "Lee", DateOfBirth = new DateOnly(1980, 1, 1) };
            db.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        }, clinicId);
        var versionId = await DraftAsync(clinicId, patientId, ("bridge", 1, 10, 5));

        using var o = App.Client();
        await o.SignInAsync(owner.Email, owner.Password);
        Assert.Contains("Owner&#x27;s secret protocol", await o.GetPageAsync("/Templates"));

        foreach (var user in new[] { colleague, stranger })
        {
            using var c = App.Client();
            await c.SignInAsync(user.Email, user.Password);
            Assert.DoesNotContain("secret protocol", await c.GetPageAsync("/Templates?q=secret"));
            Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync($"/Templates/{templateId}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync($"/Templates/{templateId}/Edit")).StatusCode);
            foreach (var action in new[] { "Copy", "Delete", "Share" })
            {
                var response = await c.PostFormAsync("/Templates", [], $"/Templates/{templateId}?handler={action}");
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            }
            foreach (var action in new[] { $"/Templates/{templateId}/Edit", $"/Templates/{templateId}/Edit?handler=Move&index=0&by=1" })
            {
                var edit = await c.PostFormAsync("/Templates", Fields2(("Input.Title", "Taken")), action);
                Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
            }
        }

        using var s = App.Client();
        await s.SignInAsync(stranger.Email, stranger.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await s.GetAsync($"/Templates/New?fromVersionId={versionId}")).StatusCode);
        var post = await s.PostFormAsync("/Templates", Fields2(("Input.Title", "Stolen")), $"/Templates/New?fromVersionId={versionId}");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Null(await WithTemplateItemsAsync(otherClinic, t => t.ForNewProgramAsync(templateId, default)));
        Assert.Equal("Owner's secret protocol", await App.WithDbAsync(db => db.Templates.Where(t => t.Id == templateId).Select(t => t.Title).SingleAsync(), clinicId));

        // The owner may delete it.
        var deleted = await o.PostFormAsync("/Templates", [], $"/Templates/{templateId}?handler=Delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await App.WithDbAsync(db => db.Templates.AnyAsync(t => t.Id == templateId), clinicId));
    }

    [Fact]
    public async Task Starting_from_a_template_skips_archived_exercises()
    {
        var (clinicId, _) = await App.Data.ClinicAsync();
        var (bridge, plank) = (await ShippedIdAsync("bridge"), await ShippedIdAsync("plank"));
        var templateId = await App.WithDbAsync(async db =>
        {
            var archived = new Exercise { ClinicId = clinicId, Name = "Old move", Status = ExerciseStatus.Archived };
            var t = new Template
            {
                ClinicId = clinicId, Title = "Mixed",
                Items =
                [
                    new TemplateItem { Position = 0, ExerciseId = bridge, Dose = new Dose { Reps = 8 } },
                    new TemplateItem { Position = 1, Exercise = archived, Dose = new Dose() },
                    new TemplateItem { Position = 2, ExerciseId = plank, Dose = new Dose { Reps = 3 } },
                ],
            };
            db.Add(t);
            await db.SaveChangesAsync();
            return t.Id;
        }, clinicId);

        var items = await WithTemplateItemsAsync(clinicId, t => t.ForNewProgramAsync(templateId, default));
        Assert.Equal([(bridge, 8), (plank, 3)], items!.Select(i => (i.ExerciseId, i.Dose.Reps)));
    }

    [Fact]
    public async Task Starter_templates_are_seeded_once_with_the_source_doses()
    {
        async Task<List<Template>> ShippedAsync() => await App.WithDbAsync(db => db.Templates.IgnoreQueryFilters().AsNoTracking()
            .Include(t => t.Items.OrderBy(i => i.Position)).ThenInclude(i => i.Exercise)
            .Where(t => t.ClinicId == null).OrderBy(t => t.ShippedKey).ToListAsync());
        var first = await ShippedAsync();

        await using (var scope = App.Factory.Services.CreateAsyncScope())
        {
            var result = await new TemplateSeeder(scope.ServiceProvider.GetRequiredService<HepDbContext>())
                .SeedAsync(SeedFiles.Directory(App.Factory.Services.GetRequiredService<IWebHostEnvironment>().ContentRootPath));
            Assert.Equal(new SeedResult(0, 0, 3), result);
        }
        var again = await ShippedAsync();

        Assert.Equal(3, first.Count);
        Assert.Equal(first.Select(t => (t.Id, t.Items.Count)), again.Select(t => (t.Id, t.Items.Count)));
        var lumbar = first.Single(t => t.Title == "Lumbar strengthening — beginner");
        Assert.Equal(
            [("supine-pelvic-tilt", 10, 5), ("bridge", 10, 30), ("alternating-superman", 5, 5)],
            lumbar.Items.Select(i => (i.Exercise!.ShippedKey!, i.Dose.Reps, i.Dose.HoldSeconds)));
        var postOp = first.Single(t => t.ShippedKey == "post-op-lumbar-week-0-2");
        Assert.All(postOp.Items, i => Assert.DoesNotContain(i.Exercise!.MovementTags,
            tag => tag is MovementTag.LumbarFlexion or MovementTag.Rotation or MovementTag.Lifting));
        Assert.Contains(first, t => t.Title == "Core stability" && t.Items.Count == 5);
    }

    [Fact]
    public async Task Shipped_templates_are_read_only_and_can_be_copied_to_the_clinic()
    {
        var (client, user) = await ClinicianAsync(App);
        var shippedId = await App.WithDbAsync(db => db.Templates.Where(t => t.ShippedKey == "core-stability").Select(t => t.Id).SingleAsync(), user.ClinicId);

        var list = await client.GetPageAsync("/Templates?q=core");
        Assert.Contains("Core stability", list);
        var details = await client.GetPageAsync($"/Templates/{shippedId}");
        Assert.Contains("Bird-dog", details);
        Assert.DoesNotContain($"/Templates/{shippedId}/Edit", details);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Templates/{shippedId}/Edit")).StatusCode);

        var copy = await client.PostFormAsync($"/Templates/{shippedId}", [], $"/Templates/{shippedId}?handler=Copy");
        Assert.Equal(HttpStatusCode.Redirect, copy.StatusCode);
        var mine = await App.WithDbAsync(db => db.Templates.Include(t => t.Items).SingleAsync(t => t.ClinicId == user.ClinicId), user.ClinicId);
        Assert.Equal(("Core stability (copy)", user.Id, 5), (mine.Title, mine.OwnerId, mine.Items.Count));
    }

    [Fact]
    public async Task Out_of_bounds_doses_are_refused_and_nothing_is_saved()
    {
        var (client, user) = await ClinicianAsync(App);
        var bridge = await ShippedIdAsync("bridge");
        var (templateId, itemId, version) = await App.WithDbAsync(async db =>
        {
            var t = new Template { ClinicId = user.ClinicId, OwnerId = user.Id, Title = "Mine", Items = [new TemplateItem { ExerciseId = bridge, Dose = new Dose() }] };
            db.Add(t);
            await db.SaveChangesAsync();
            return (t.Id, t.Items[0].Id, t.Version);
        }, user.ClinicId);

        var response = await client.PostFormAsync($"/Templates/{templateId}/Edit", Fields2(
            ("Input.Title", "Mine"), ("Input.Version", version.ToString()), ("Input.Items[0].Id", itemId.ToString()),
            ("Input.Items[0].Sets", "11"), ("Input.Items[0].Reps", "10"), ("Input.Items[0].TimesPerDay", "1"), ("Input.Items[0].DaysPerWeek", "7")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Sets must be a whole number from 1 to 10.", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, await App.WithDbAsync(db => db.Templates.Where(t => t.Id == templateId).SelectMany(t => t.Items).Select(i => i.Dose.Sets).SingleAsync(), user.ClinicId));
    }

    [Fact]
    public async Task Reordering_saves_the_new_order_and_a_stale_form_is_refused()
    {
        var (client, user) = await ClinicianAsync(App);
        var (bridge, plank) = (await ShippedIdAsync("bridge"), await ShippedIdAsync("plank"));
        var (templateId, ids, version) = await App.WithDbAsync(async db =>
        {
            var t = new Template
            {
                ClinicId = user.ClinicId, OwnerId = user.Id, Title = "Mine",
                Items = [new TemplateItem { Position = 0, ExerciseId = bridge }, new TemplateItem { Position = 1, ExerciseId = plank }],
            };
            db.Add(t);
            await db.SaveChangesAsync();
            return (t.Id, t.Items.Select(i => i.Id).ToList(), t.Version);
        }, user.ClinicId);
        List<KeyValuePair<string, string>> Form(uint v) => Fields2(
            ("Input.Title", "Mine"), ("Input.Version", v.ToString()),
            ("Input.Items[0].Id", ids[1].ToString()), ("Input.Items[0].Sets", "1"), ("Input.Items[0].Reps", "3"), ("Input.Items[0].TimesPerDay", "1"), ("Input.Items[0].DaysPerWeek", "7"),
            ("Input.Items[1].Id", ids[0].ToString()), ("Input.Items[1].Sets", "1"), ("Input.Items[1].Reps", "10"), ("Input.Items[1].TimesPerDay", "1"), ("Input.Items[1].DaysPerWeek", "7"));

        // The Move button re-shows the form in the new order without saving.
        var moved = await client.PostFormAsync($"/Templates/{templateId}/Edit", Form(version), $"/Templates/{templateId}/Edit?handler=Move&index=0&by=1");
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Contains("Order changed.", await moved.Content.ReadAsStringAsync());

        var saved = await client.PostFormAsync($"/Templates/{templateId}/Edit", Form(version));
        await ExpectAsync(HttpStatusCode.Redirect, saved);
        var order = await App.WithDbAsync(db => db.Templates.Where(t => t.Id == templateId).SelectMany(t => t.Items)
            .OrderBy(i => i.Position).Select(i => i.ExerciseId).ToListAsync(), user.ClinicId);
        Assert.Equal([plank, bridge], order);

        var stale = await client.PostFormAsync($"/Templates/{templateId}/Edit", Form(version));
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Contains("Someone else changed this template", await stale.Content.ReadAsStringAsync());
    }

    private static List<KeyValuePair<string, string>> Fields2(params (string Key, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();

    private Task<Guid> ShippedIdAsync(string key) =>
        App.WithDbAsync(db => db.Exercises.IgnoreQueryFilters().Where(e => e.ShippedKey == key).Select(e => e.Id).SingleAsync());

    private async Task<T> WithTemplateItemsAsync<T>(Guid clinicId, Func<TemplateItems, Task<T>> work)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HepDbContext>().CurrentClinicId = clinicId;
        return await work(scope.ServiceProvider.GetRequiredService<TemplateItems>());
    }

    /// <summary>A program with a draft version, inserted directly (the builder pages belong to another feature).</summary>
    private async Task<Guid> DraftAsync(Guid clinicId, Guid patientId, params (string Key, int Sets, int Reps, int Hold)[] items)
    {
        var ids = new List<Guid>();
        foreach (var item in items) ids.Add(await ShippedIdAsync(item.Key));
        return await App.WithDbAsync(async db =>
        {
            var program = new Data.Entities.Program { ClinicId = clinicId, PatientId = patientId, Title = "Back program" };
            var version = new ProgramVersion
            {
                ClinicId = clinicId, Program = program, Title = "Back program", Instructions = "Go slowly.",
                Items = items.Select((x, n) => new ProgramItem
                {
                    ClinicId = clinicId, Position = n, ExerciseId = ids[n], Dose = new Dose { Sets = x.Sets, Reps = x.Reps, HoldSeconds = x.Hold },
                }).ToList(),
            };
            db.Add(version);
            await db.SaveChangesAsync();
            return version.Id;
        }, clinicId);
    }
}
