using System.Text.Json;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Data.Seeding;
using HepBuilder.Poses;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages.Library;

public sealed record ImportChange(Guid Id, string Name, bool Added, Dictionary<string, object?> Changes);

public sealed record ImportOutcome(IReadOnlyList<ImportProblem> Problems, IReadOnlyList<ImportChange> Changes, int Added, int Updated, int Unchanged);

/// <summary>
/// Checks a whole import file against the library's rules and stages its changes on the context without saving:
/// the caller saves once if there are no problems, so a file is imported entirely or not at all.
/// </summary>
public sealed class LibraryImport(HepDbContext db)
{
    public const int MaxExercises = 5000;

    public async Task<ImportOutcome> PrepareAsync(byte[] content, CancellationToken ct)
    {
        var problems = new List<ImportProblem>();
        var seeds = LibraryFile.Read(content, problems);
        if (seeds.Count == 0 && problems.Count == 0) problems.Add(new(0, null, "File", "The file has no exercises."));
        if (seeds.Count > MaxExercises) problems.Add(new(0, null, "File", $"A file can hold at most {MaxExercises} exercises."));
        if (problems.Any(p => p.Row == 0)) return new(problems, [], 0, 0, 0);

        var existing = await db.Exercises.Include(e => e.Pictures)
            .Where(e => e.ClinicId == db.CurrentClinicId).AsSplitQuery().ToListAsync(ct);
        var byName = existing.ToDictionary(e => e.Name.ToLowerInvariant());
        var seen = new Dictionary<string, int>();
        var staged = new List<(int Row, ExerciseSeed Seed, List<ExercisePicture>? Pictures)>();

        for (var i = 0; i < seeds.Count; i++)
        {
            var row = i + 1;
            var seed = seeds[i];
            seed.Name = seed.Name?.Trim() ?? "";
            foreach (var p in ExerciseRules.Check(seed)) problems.Add(new(row, seed.Name, p.Field, p.Message));
            if (!Enum.IsDefined(seed.Status)) problems.Add(new(row, seed.Name, "Status", "Status must be Active or Archived."));
            var key = seed.Name.ToLowerInvariant();
            if (key.Length > 0 && !seen.TryAdd(key, row))
                problems.Add(new(row, seed.Name, "Name", $"Row {seen[key]} has the same name; names must be unique."));
            var pictures = await PicturesAsync(seed, row, problems, ct);
            staged.Add((row, seed, pictures));
        }
        if (problems.Count > 0) return new(problems, [], 0, 0, 0);

        var changes = new List<ImportChange>();
        int added = 0, updated = 0, unchanged = 0;
        foreach (var (_, seed, pictures) in staged)
        {
            var isNew = !byName.TryGetValue(seed.Name.ToLowerInvariant(), out var exercise);
            exercise ??= db.Exercises.Add(new Exercise { Name = seed.Name, ClinicId = db.CurrentClinicId }).Entity;
            var before = isNew ? new Dictionary<string, object?>() : ExerciseRules.Snapshot(exercise);
            var picturesBefore = PictureKeys(exercise.Pictures);
            ExerciseRules.ApplyText(seed, exercise);
            exercise.Status = seed.Status;
            // CSV carries no pictures: an update from CSV keeps the exercise's pictures as they are.
            if (pictures is not null && (isNew || picturesBefore != PictureKeys(pictures)))
            {
                db.RemoveRange(exercise.Pictures);
                exercise.Pictures.Clear();
                exercise.Pictures.AddRange(pictures);
            }
            var diff = ExerciseRules.Changes(before, ExerciseRules.Snapshot(exercise));
            if (!isNew && picturesBefore != PictureKeys(exercise.Pictures))
                diff["PictureContent"] = new { old = picturesBefore, @new = PictureKeys(exercise.Pictures) };
            if (isNew) added++;
            else if (diff.Count > 0) updated++;
            else unchanged++;
            if (isNew || diff.Count > 0) changes.Add(new(exercise.Id, exercise.Name, isNew, diff));
        }
        return new(problems, changes, added, updated, unchanged);
    }

    public static PictureSeed ToPictureSeed(ExercisePicture p) => new()
    {
        Caption = p.Caption,
        Pose = p.PoseJson is null ? null : JsonDocument.Parse(p.PoseJson).RootElement.Clone(),
        Image = p.Image is null ? null : Convert.ToBase64String(p.Image.Data),
        ContentType = p.Image?.ContentType,
    };

    private static string PictureKeys(IEnumerable<ExercisePicture> pictures) => string.Join("|", pictures.OrderBy(p => p.SortOrder)
        .Select(p => (p.ImageSha256 ?? (p.PoseJson is null ? "" : PoseJson.Serialize(PoseJson.Deserialize(p.PoseJson)))) + "#" + p.Caption));

    /// <summary>The file's pictures, verified: poses must be valid drawings, photos must pass the upload checks.</summary>
    private async Task<List<ExercisePicture>?> PicturesAsync(ExerciseSeed seed, int row, List<ImportProblem> problems, CancellationToken ct)
    {
        if (seed.Pictures.Count == 0) return null;
        var result = new List<ExercisePicture>();
        for (var i = 0; i < seed.Pictures.Count; i++)
        {
            var p = seed.Pictures[i];
            var field = $"Pictures[{i + 1}]";
            if (p.Caption?.Length > 80) problems.Add(new(row, seed.Name, field, "A caption must be at most 80 characters."));
            if (p.Pose is { } pose)
            {
                try
                {
                    var picture = PoseJson.Deserialize(pose);
                    if (picture.Validate() is { Count: > 0 } bad) problems.Add(new(row, seed.Name, field, "The drawing is not valid: " + bad[0]));
                    else result.Add(new ExercisePicture { SortOrder = i, Caption = p.Caption, PoseJson = PoseJson.Serialize(picture) });
                }
                catch (JsonException)
                {
                    problems.Add(new(row, seed.Name, field, "The drawing is not valid pose data."));
                }
            }
            else if (p.Image is { } base64)
            {
                var sha = await PhotoAsync(base64, row, seed.Name, field, problems, ct);
                if (sha is not null) result.Add(new ExercisePicture { SortOrder = i, Caption = p.Caption, ImageSha256 = sha });
            }
            else
            {
                problems.Add(new(row, seed.Name, field, "A picture needs either a pose or an image."));
            }
        }
        return result;
    }

    private async Task<string?> PhotoAsync(string base64, int row, string name, string field, List<ImportProblem> problems, CancellationToken ct)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            problems.Add(new(row, name, field, "The image is not valid base64."));
            return null;
        }
        // Bytes we already hold were verified when first stored; reusing them keeps a re-import byte-identical.
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        if (await db.StoredImages.AnyAsync(i => i.Sha256 == sha, ct) || db.ChangeTracker.Entries<StoredImage>().Any(e => e.Entity.Sha256 == sha))
            return sha;
        var (photo, problem) = await PhotoProcessor.ProcessAsync(bytes, ct);
        if (photo is null)
        {
            problems.Add(new(row, name, field, problem!));
            return null;
        }
        if (!await db.StoredImages.AnyAsync(i => i.Sha256 == photo.Sha256, ct)
            && !db.ChangeTracker.Entries<StoredImage>().Any(e => e.Entity.Sha256 == photo.Sha256))
        {
            db.StoredImages.Add(new StoredImage
            {
                Sha256 = photo.Sha256, ContentType = photo.ContentType, Data = photo.Data, Width = photo.Width, Height = photo.Height,
            });
        }
        return photo.Sha256;
    }
}
