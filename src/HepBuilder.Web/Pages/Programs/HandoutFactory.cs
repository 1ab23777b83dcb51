using System.Globalization;
using HepBuilder.Clinical.Safety;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Handouts;
using HepBuilder.Poses;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages.Programs;

/// <summary>
/// The one mapping from the app's data to the handout engine's <see cref="HandoutModel"/>: the clinic profile, the
/// patient and their active precautions, the clinician, the version and its items as frozen, each dose worded by the
/// clinical core. Issuing and every preview come through here, so a preview shows exactly what issuing would print.
/// </summary>
public sealed class HandoutFactory(HepDbContext db, PatientView.PatientLinks links)
{
    /// <summary>Loads the exercises (with pictures) of the given ids that the current clinic may see.</summary>
    public Task<Dictionary<Guid, Exercise>> ExercisesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return db.Exercises.AsNoTracking().Include(e => e.Pictures)
            .Where(e => list.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
    }

    /// <summary>
    /// The handout a draft would print, from the form as it stands (not stored, not saved): frozen from the library as
    /// it is now and marked as a draft. The preview PDF and the builder's thumbnail both draw this.
    /// </summary>
    public Task<HandoutModel> DraftAsync(ProgramContext ctx, DraftContent content, IReadOnlyDictionary<Guid, Exercise> exercises,
        string clinicianUserId, DateOnly today, CancellationToken ct)
    {
        var version = new ProgramVersion
        {
            ProgramId = ctx.ProgramId, Title = content.Title, Instructions = content.Instructions, StartDate = content.StartDate,
            PaperSize = content.PaperSize, LargePrint = content.LargePrint, ShowPictures = content.ShowPictures,
            Items = content.Items.Where(i => exercises.ContainsKey(i.ExerciseId)).Select((i, n) =>
            {
                var item = new ProgramItem { Position = n, ExerciseId = i.ExerciseId, Dose = i.Dose.Copy() };
                item.Freeze(exercises[i.ExerciseId]);
                return item;
            }).ToList(),
        };
        return BuildAsync(ctx.PatientId, version, ctx.LatestNumber + 1, draft: true, today, clinicianUserId, ct);
    }

    /// <summary>Builds the handout of a version whose items carry their frozen copies (see <see cref="ProgramItem.Freeze"/>).</summary>
    public async Task<HandoutModel> BuildAsync(Guid patientId, ProgramVersion version, int number, bool draft, DateOnly issuedOn,
        string clinicianUserId, CancellationToken ct, string? qrUrl = null)
    {
        var clinicId = db.CurrentClinicId;
        var clinic = await db.Clinics.AsNoTracking().SingleAsync(c => c.Id == clinicId, ct);
        var patient = await db.Patients.AsNoTracking().Where(p => p.Id == patientId)
            .Select(p => new { p.FirstName, p.LastName, p.Precautions }).SingleAsync(ct);
        // Identity's users have no tenant filter, so the clinic is named explicitly.
        var clinician = await db.Users.AsNoTracking().Where(u => u.Id == clinicianUserId && u.ClinicId == clinicId)
            .Select(u => new { u.FullName, u.Credentials }).SingleAsync(ct);

        var items = version.Items.OrderBy(i => i.Position).ToList();
        var pictures = items.ToDictionary(i => i, i => i.FrozenPictures);
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
                EmergencyNumber = clinic.EmergencyNumber,
                EmergencySigns = SafetyDefaults.Lines(clinic.EmergencyText),
                CallUsSigns = SafetyDefaults.Lines(clinic.CallUsText),
                ExerciseAdvice = SafetyDefaults.ExerciseAdvice,
                FooterText = clinic.HandoutFooter ?? "",
            },
            PatientName = $"{patient.FirstName} {patient.LastName}",
            IssuedOn = issuedOn,
            Clinician = new HandoutClinician(clinician.FullName, clinician.Credentials ?? ""),
            Version = number,
            IsDraft = draft,
            ProgramTitle = version.Title,
            Instructions = Instructions(version),
            // Those that hold on the day of issue; one that ended before then is not the patient's to follow.
            Precautions = PrecautionWording.ForPatient(patient.Precautions.Select(p => p.Rule), issuedOn),
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
                Steps = item.PatientSteps,
                Cues = item.PatientCues,
                Precautions = item.PatientStopLines,
                Dose = DoseSentence.Describe(item.Dose),
                SessionsPerDay = item.Dose.TimesPerDay,
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

    private static HandoutPicture? ToPicture(FrozenPicture p, Dictionary<string, byte[]> images)
    {
        if (p.ImageSha256 is { } hash && images.TryGetValue(hash, out var bytes)) return HandoutPicture.Photo(bytes, p.Caption ?? "");
        if (!string.IsNullOrEmpty(p.PoseJson)) return HandoutPicture.Drawn(PoseJson.Deserialize(p.PoseJson), p.Caption ?? "");
        return null;
    }
}
