using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Tests.Foundation;

/// <summary>The global query filter is the last line of defence: these tests talk to the DbContext directly.</summary>
public sealed class TenantIsolationTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Clinic_owned_rows_are_visible_only_to_their_clinic()
    {
        var (clinicA, _) = await App.Data.ClinicAsync("Clinic A");
        var (clinicB, _) = await App.Data.ClinicAsync("Clinic B");
        await App.WithDbAsync(async db =>
        {
            db.Patients.Add(new Patient { ClinicId = clinicA, FirstName = "Ana", LastName = "Alpha", DateOfBirth = new DateOnly(1960, 1, 2) });
            db.Patients.Add(new Patient { ClinicId = clinicB, FirstName = "Ben", LastName = "Beta", DateOfBirth = new DateOnly(1970, 3, 4) });
            return await db.SaveChangesAsync();
        });

        var seenByA = await App.WithDbAsync(db => db.Patients.Select(p => p.LastName).ToListAsync(), clinicA);
        var seenByB = await App.WithDbAsync(db => db.Patients.Select(p => p.LastName).ToListAsync(), clinicB);
        var seenByNobody = await App.WithDbAsync(db => db.Patients.CountAsync());

        Assert.Equal(["Alpha"], seenByA);
        Assert.Equal(["Beta"], seenByB);
        Assert.Equal(0, seenByNobody);
    }

    [Fact]
    public async Task Shipped_exercises_are_shared_and_a_clinics_own_exercises_are_private()
    {
        var (clinicA, _) = await App.Data.ClinicAsync("Clinic A");
        var (clinicB, _) = await App.Data.ClinicAsync("Clinic B");
        await App.WithDbAsync(async db =>
        {
            var own = new Exercise { ClinicId = clinicA, Name = "Clinic A special" };
            own.RefreshSearchText();
            db.Exercises.Add(own);
            return await db.SaveChangesAsync();
        });

        var shipped = await App.WithDbAsync(db => db.Exercises.IgnoreQueryFilters().CountAsync(e => e.ClinicId == null));
        var seenByA = await App.WithDbAsync(db => db.Exercises.CountAsync(), clinicA);
        var seenByB = await App.WithDbAsync(db => db.Exercises.CountAsync(), clinicB);

        Assert.True(shipped >= 40);
        Assert.Equal(shipped + 1, seenByA);
        Assert.Equal(shipped, seenByB);
    }

    [Fact]
    public async Task Created_and_modified_stamps_come_from_the_clock_in_one_place()
    {
        var (clinic, _) = await App.Data.ClinicAsync();
        var stamps = await App.WithDbAsync(async db =>
        {
            var patient = new Patient { ClinicId = clinic, FirstName = "Tim", LastName = "Stamp", DateOfBirth = new DateOnly(1980, 5, 6) };
            db.Patients.Add(patient);
            await db.SaveChangesAsync();
            var created = patient.CreatedAt;
            patient.Notes = "changed";
            await db.SaveChangesAsync();
            return (created, patient.CreatedAt, patient.ModifiedAt);
        }, clinic);

        Assert.NotEqual(default, stamps.created);
        Assert.Equal(stamps.created, stamps.Item2);
        Assert.True(stamps.ModifiedAt >= stamps.created);
    }
}
