using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Tests.Performance;

/// <summary>How much one clinic holds: the SQL-count tests build a small and a large clinic and compare their pages.</summary>
public sealed record WorldSize(int Patients, int ProgramsPerPatient, int IssuedVersions, int Items, int OwnExercises, int Templates,
    int AuditEvents)
{
    public static readonly WorldSize Small = new(Patients: 2, ProgramsPerPatient: 1, IssuedVersions: 1, Items: 2, OwnExercises: 0,
        Templates: 0, AuditEvents: 3);

    public static readonly WorldSize Large = new(Patients: 25, ProgramsPerPatient: 5, IssuedVersions: 3, Items: 10, OwnExercises: 25,
        Templates: 5, AuditEvents: 200);
}

/// <summary>A clinic with a signed-in clinician and admin, patients named Smith, and one patient's programs with a draft.</summary>
public sealed record CountClinic(Guid Id, AppClient Clinician, AppClient Admin, Guid PatientId, Guid ProgramId);

/// <summary>
/// Writes the clinic's data straight through the DbContext (the pages under test only read it): patients with
/// precautions, programs whose versions are issued (frozen items, a stored PDF) and end in a draft, the clinic's own
/// exercises and templates, and audit rows.
/// </summary>
public static class SqlCountWorld
{
    public static async Task<CountClinic> BuildAsync(AppFixture app, string name, WorldSize size)
    {
        var (clinicId, admin) = await app.Data.ClinicAsync(name);
        var clinician = await app.Data.UserAsync(clinicId, fullName: "Dana Reyes", credentials: "DPT");
        var (patientId, programId) = await app.WithDbAsync(db => FillAsync(db, clinicId, clinician.Id, size), clinicId);
        var clinicianClient = app.Client();
        await clinicianClient.SignInAsync(clinician.Email, clinician.Password);
        var adminClient = app.Client();
        await adminClient.SignInAsync(admin.Email, admin.Password);
        return new CountClinic(clinicId, clinicianClient, adminClient, patientId, programId);
    }

    private static async Task<(Guid PatientId, Guid ProgramId)> FillAsync(HepDbContext db, Guid clinicId, string userId, WorldSize size)
    {
        var shipped = await db.Exercises.Include(e => e.Pictures).Where(e => e.ClinicId == null && e.Status == ExerciseStatus.Active)
            .OrderBy(e => e.Name).Take(12).AsNoTracking().ToListAsync();
        for (var i = 0; i < size.OwnExercises; i++)
        {
            var own = new Exercise
            {
                ClinicId = clinicId, Name = $"Clinic bridge variant {i}", Steps = ["Lie on your back.", "Lift your hips."],
                BodyRegion = BodyRegion.Lumbar, Category = ExerciseCategory.Strengthening, Position = BodyPosition.Supine,
            };
            own.RefreshSearchText();
            db.Exercises.Add(own);
        }
        for (var t = 0; t < size.Templates; t++)
        {
            db.Templates.Add(new Template
            {
                ClinicId = clinicId, Title = $"Protocol {t}",
                Items = shipped.Take(size.Items).Select((e, n) => new TemplateItem { Position = n, ExerciseId = e.Id }).ToList(),
            });
        }

        var patients = Enumerable.Range(0, size.Patients).Select(i => new Patient
        {
            ClinicId = clinicId, FirstName = $"Pat{i}", LastName = "Smith", DateOfBirth = new DateOnly(1960, 1, 1).AddDays(i),
            Mrn = $"MRN{i:D4}", Precautions = [new PatientPrecaution { Kind = PrecautionKind.NoLumbarFlexion }],
        }).ToList();
        db.Patients.AddRange(patients);
        var first = patients[0];
        Data.Entities.Program? opened = null;
        foreach (var patient in patients.Take(2))
        {
            for (var p = 0; p < size.ProgramsPerPatient; p++)
            {
                var program = Program(clinicId, patient.Id, userId, shipped, size);
                db.Programs.Add(program);
                opened ??= program;
            }
        }
        for (var a = 0; a < size.AuditEvents; a++)
        {
            db.AuditEvents.Add(new AuditEvent
            {
                ClinicId = clinicId, UserId = userId, UserName = "dana@test.example", Action = a % 2 == 0 ? "program.saved" : "patient.edited",
                EntityType = "Program", EntityId = opened!.Id.ToString(), PatientId = first.Id,
                At = DateTimeOffset.UtcNow.AddMinutes(-a), Details = """{"items":2}""",
            });
        }
        await db.SaveChangesAsync();
        return (first.Id, opened!.Id);
    }

    private static Data.Entities.Program Program(Guid clinicId, Guid patientId, string userId, List<Exercise> shipped, WorldSize size)
    {
        var program = new Data.Entities.Program { ClinicId = clinicId, PatientId = patientId, Title = "Back program", CreatedById = userId };
        var pdf = "%PDF-1.4 test"u8.ToArray();
        for (var n = 1; n <= size.IssuedVersions + 1; n++)
        {
            var draft = n > size.IssuedVersions;
            var version = new ProgramVersion
            {
                ClinicId = clinicId, Title = "Back program", Number = draft ? null : n,
                State = draft ? VersionState.Draft : n == size.IssuedVersions ? VersionState.Issued : VersionState.Superseded,
                IssuedAt = draft ? null : DateTimeOffset.UtcNow.AddDays(n - 10), IssuedById = draft ? null : userId,
                IssuedByName = draft ? null : "Dana Reyes, DPT", HandoutPdf = draft ? null : pdf,
                HandoutSha256 = draft ? null : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)),
            };
            // Each version changes a dose, so the program page has differences to show.
            version.Items = shipped.Skip(n % 2).Take(size.Items).Select((e, i) =>
            {
                var item = new ProgramItem { ClinicId = clinicId, Position = i, ExerciseId = e.Id, Dose = new Dose { Reps = 10 + n } };
                if (!draft) item.Freeze(e);
                return item;
            }).ToList();
            program.Versions.Add(version);
        }
        return program;
    }
}
