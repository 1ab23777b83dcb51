using System.Globalization;
using System.Text.Json;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Handouts;
using HepBuilder.Poses;
using Microsoft.EntityFrameworkCore;
using DataSide = HepBuilder.Data.Entities.DoseSide;
using HandoutSide = HepBuilder.Handouts.DoseSide;

namespace HepBuilder.Web.Pages.Programs;

/// <summary>A picture as it was when a version was issued: a pose drawing or the hash of an immutable stored photo.</summary>
public sealed record FrozenPicture(string? Caption, string? PoseJson, string? ImageSha256);

/// <summary>
/// The one mapping from the app's data to the handout engine's <see cref="HandoutModel"/>: the clinic profile, the
/// patient, the clinician, the version and its items as frozen. Issuing and the draft preview both come through here,
/// so a preview shows exactly what issuing would print.
/// </summary>
public sealed class HandoutFactory(HepDbContext db, PatientView.PatientLinks links)
{
    /// <summary>Copies the exercise's text and pictures onto the item as they are now; later library edits never reach it.</summary>
    public static void Freeze(ProgramItem item, Exercise exercise)
    {
        item.FrozenName = exercise.Name;
        item.FrozenSteps = [.. exercise.Steps];
        item.FrozenCues = [.. exercise.Cues];
        item.FrozenPrecautions = [.. exercise.Precautions];
        item.FrozenPicturesJson = JsonSerializer.Serialize(exercise.Pictures.OrderBy(p => p.SortOrder)
            .Select(p => new FrozenPicture(p.Caption, p.PoseJson, p.ImageSha256)).ToList());
    }

    /// <summary>Loads the exercises (with pictures) of the given ids that the current clinic may see.</summary>
    public Task<Dictionary<Guid, Exercise>> ExercisesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return db.Exercises.AsNoTracking().Include(e => e.Pictures)
            .Where(e => list.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
    }

    /// <summary>Builds the handout of a version whose items carry their frozen copies (see <see cref="Freeze"/>).</summary>
    public async Task<HandoutModel> BuildAsync(Guid patientId, ProgramVersion version, int number, bool draft, DateOnly issuedOn,
        string clinicianUserId, CancellationToken ct, string? qrUrl = null)
    {
        var clinicId = db.CurrentClinicId;
        var clinic = await db.Clinics.AsNoTracking().SingleAsync(c => c.Id == clinicId, ct);
        var patient = await db.Patients.AsNoTracking().Where(p => p.Id == patientId)
            .Select(p => new { p.FirstName, p.LastName }).SingleAsync(ct);
        // Identity's users have no tenant filter, so the clinic is named explicitly.
        var clinician = await db.Users.AsNoTracking().Where(u => u.Id == clinicianUserId && u.ClinicId == clinicId)
            .Select(u => new { u.FullName, u.Credentials }).SingleAsync(ct);

        var items = version.Items.OrderBy(i => i.Position).ToList();
        var pictures = items.ToDictionary(i => i, i => Pictures(i.FrozenPicturesJson));
        var hashes = pictures.Values.SelectMany(p => p).Select(p => p.ImageSha256).OfType<string>().Distinct().ToList();
        var images = hashes.Count == 0 ? [] : await db.StoredImages.AsNoTracking()
            .Where(s => hashes.Contains(s.Sha256)).ToDictionaryAsync(s => s.Sha256, s => s.Data, ct);

        return new HandoutModel
        {
            Clinic = new HandoutClinic
            {
                Name = clinic.Name,
                Phone = clinic.Phone ?? "",
                Address = clinic.Address ?? "",
                Logo = clinic.Logo,
                SafetyText = clinic.SafetyText,
                FooterText = clinic.HandoutFooter ?? "",
            },
            PatientName = $"{patient.FirstName} {patient.LastName}",
            IssuedOn = issuedOn,
            Clinician = new HandoutClinician(clinician.FullName, clinician.Credentials ?? ""),
            Version = number,
            IsDraft = draft,
            ProgramTitle = version.Title,
            Instructions = Instructions(version),
            Options = new HandoutOptions
            {
                Paper = version.PaperSize == Data.Entities.PaperSize.A4 ? Handouts.PaperSize.A4 : Handouts.PaperSize.Letter,
                LargePrint = version.LargePrint,
                Pictures = version.ShowPictures,
            },
            // Issuing passes the link it just made or kept; a preview prints the program's live link, if it has one.
            QrUrl = qrUrl ?? await links.CurrentUrlAsync(version.ProgramId, number, ct) ?? "",
            Exercises = items.Select((item, n) => new HandoutExercise
            {
                Number = n + 1,
                Name = item.FrozenName ?? "",
                Steps = item.FrozenSteps ?? [],
                Cues = item.FrozenCues ?? [],
                Precautions = item.FrozenPrecautions ?? [],
                Dose = ToHandoutDose(item.Dose),
                ClinicianNote = item.Dose.Note ?? "",
                Pictures = pictures[item].Select(p => ToPicture(p, images)).OfType<HandoutPicture>().ToList(),
            }).ToList(),
        };
    }

    /// <summary>The engine has no start-date field, so the date leads the instructions, where the patient reads first.</summary>
    private static string Instructions(ProgramVersion v)
    {
        var start = v.StartDate is { } d ? $"Start on {d.ToString("dddd, MMMM d, yyyy", CultureInfo.InvariantCulture)}." : "";
        return string.Join(" ", new[] { start, v.Instructions?.Trim() ?? "" }.Where(t => t.Length > 0));
    }

    public static HandoutDose ToHandoutDose(Dose d) => new()
    {
        Sets = d.Sets,
        Reps = d.Reps,
        HoldSeconds = d.HoldSeconds,
        Side = d.Side switch
        {
            DataSide.Left => HandoutSide.Left,
            DataSide.Right => HandoutSide.Right,
            DataSide.Alternating => HandoutSide.Alternating,
            DataSide.EachSide => HandoutSide.EachSide,
            _ => HandoutSide.Both,
        },
        TimesPerDay = d.TimesPerDay,
        DaysPerWeek = d.DaysPerWeek,
        Load = d.Load ?? "",
        RestSeconds = d.RestSeconds,
    };

    /// <summary>The dose sentence exactly as the handout prints it.</summary>
    public static string DoseSentence(Dose d) => DoseText.Describe(ToHandoutDose(d));

    public static IReadOnlyList<FrozenPicture> Pictures(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<FrozenPicture>>(json) ?? [];

    private static HandoutPicture? ToPicture(FrozenPicture p, Dictionary<string, byte[]> images)
    {
        if (p.ImageSha256 is { } hash && images.TryGetValue(hash, out var bytes)) return HandoutPicture.Photo(bytes, p.Caption ?? "");
        if (!string.IsNullOrEmpty(p.PoseJson)) return HandoutPicture.Drawn(PoseJson.Deserialize(p.PoseJson), p.Caption ?? "");
        return null;
    }
}
