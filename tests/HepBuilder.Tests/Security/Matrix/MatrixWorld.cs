using System.Security.Cryptography;
using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using HepBuilder.Tests.Pages.Library;
using HepBuilder.Tests.Pages.Programs;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Tests.Security.Matrix;

/// <summary>Clinic A with one record of every kind, clinic B with its own users, and a signed-in client per caller.</summary>
public sealed class MatrixWorld
{
    public required TestUser AdminA { get; init; }
    public required TestUser ClinicianA { get; init; }
    public required TestUser AdminB { get; init; }
    public required TestUser ClinicianB { get; init; }
    public required Guid PatientA { get; init; }
    public required Guid ProgramA { get; init; }
    public required Guid VersionA { get; init; }
    public required Guid ExerciseA { get; init; }
    public required string PhotoShaA { get; init; }
    public required Guid TemplateA { get; init; }
    public required Guid PersonalTemplateOfAdminA { get; init; }

    /// <param name="suffix">Added to the clinics' names (which are unique), for a test that needs several worlds.</param>
    public static async Task<MatrixWorld> CreateAsync(AppFixture app, string suffix = "")
    {
        var kit = new ProgramKit(app);
        var (clinicA, adminA) = await app.Data.ClinicAsync("Matrix Clinic A" + suffix);
        var clinicianA = await app.Data.UserAsync(clinicA, fullName: "Alex Able");
        var (clinicB, adminB) = await app.Data.ClinicAsync("Matrix Clinic B" + suffix);
        var clinicianB = await app.Data.UserAsync(clinicB, fullName: "Blair Baker");

        var patient = await kit.PatientAsync(clinicA, "Pat", "Matrix");
        using var clinician = app.Client();
        await clinician.SignInAsync(clinicianA.Email, clinicianA.Password);
        var program = await kit.IssuedProgramAsync(clinician, patient, "Bridge");
        await clinician.PostFormAsync($"/Programs/{program}", [], $"/Programs/{program}?handler=Revise");

        using var admin = app.Client();
        await admin.SignInAsync(adminA.Email, adminA.Password);
        var exercise = await LibraryKit.CopyAsync(admin, await LibraryKit.ShippedIdAsync(app, "Bridge"));

        var (version, sha, template, personal) = await app.WithDbAsync(async db =>
        {
            var png = LibraryKit.Image(40, 30, SkiaSharp.SKEncodedImageFormat.Png);
            var hash = Convert.ToHexStringLower(SHA256.HashData(png));
            // Images are stored once by content; a second world in the same database reuses the first one's.
            if (!await db.StoredImages.AnyAsync(i => i.Sha256 == hash)) db.StoredImages.Add(new StoredImage { Sha256 = hash, ContentType = "image/png", Data = png, Width = 40, Height = 30 });
            db.Add(new ExercisePicture { ExerciseId = exercise, SortOrder = 9, Caption = "Photo", ImageSha256 = hash });
            var bridge = await db.Exercises.Where(e => e.Name == "Bridge" && e.ClinicId == null).Select(e => e.Id).SingleAsync();
            var t = new Template { ClinicId = clinicA, Title = "Matrix protocol", Items = [new TemplateItem { ExerciseId = bridge, Position = 0 }] };
            var mine = new Template { ClinicId = clinicA, OwnerId = adminA.Id, Title = "Admin's own", Items = [new TemplateItem { ExerciseId = bridge, Position = 0 }] };
            db.Templates.AddRange(t, mine);
            var clinic = await db.Clinics.SingleAsync(c => c.Id == clinicA);
            clinic.Logo = png;
            clinic.LogoContentType = "image/png";
            await db.SaveChangesAsync();
            var v = await db.ProgramVersions.Where(x => x.ProgramId == program && x.Number == 1).Select(x => x.Id).SingleAsync();
            return (v, hash, t.Id, mine.Id);
        }, clinicA);

        return new MatrixWorld
        {
            AdminA = adminA, ClinicianA = clinicianA, AdminB = adminB, ClinicianB = clinicianB, PatientA = patient,
            ProgramA = program, VersionA = version, ExerciseA = exercise, PhotoShaA = sha, TemplateA = template,
            PersonalTemplateOfAdminA = personal,
        };
    }

    /// <summary>The concrete URL of a handler, with clinic A's records in its route values and query.</summary>
    public string Url(EndpointHandler h)
    {
        var route = h.Route;
        var id = route switch
        {
            _ when route.StartsWith("Admin/Users/Edit/", StringComparison.Ordinal) => ClinicianA.Id,
            _ when route.StartsWith("Library/", StringComparison.Ordinal) => ExerciseA.ToString(),
            _ when route.StartsWith("Patients/", StringComparison.Ordinal) => PatientA.ToString(),
            _ when route.StartsWith("Programs/", StringComparison.Ordinal) => ProgramA.ToString(),
            _ when route.StartsWith("Templates/", StringComparison.Ordinal) =>
                (h.Handler == "Share" ? PersonalTemplateOfAdminA : TemplateA).ToString(),
            _ => "",
        };
        var path = "/" + route
            .Replace("{exerciseId:guid}", ExerciseA.ToString()).Replace("{sha:length(64)}", PhotoShaA)
            .Replace("{id:guid?}", id).Replace("{id:guid}", id).Replace("{id}", id)
            .Replace("{n:int}", "1").Replace("{code:int}", "404").Replace("{token}", "not-a-real-token");
        var query = route switch
        {
            "Programs/New" => $"patientId={PatientA}",
            "Templates/New" => $"fromVersionId={VersionA}",
            _ => null,
        };
        if (h.Handler is not null) query = (query is null ? "" : query + "&") + "handler=" + h.Handler;
        return query is null ? path : path + "?" + query;
    }
}
