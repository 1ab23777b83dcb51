using HepBuilder.Data;
using HepBuilder.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages.Library;

/// <summary>One exercise as the patient will see it, with its catalogue facts; admins get the actions that fit it.</summary>
public sealed class DetailsModel(HepDbContext db) : PageModel
{
    public ExerciseCard Card { get; private set; } = null!;
    public ExerciseFacts Facts { get; private set; } = null!;
    public bool IsAdmin => User.IsInRole(Roles.Admin);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        // The tenant filter hides another clinic's exercises: they are "not found", never "forbidden".
        var exercise = await db.Exercises.AsNoTracking().Include(e => e.Pictures)
            .FirstOrDefaultAsync(e => e.Id == id, ct);
        if (exercise is null) return NotFound();
        Card = ExerciseCard.From(exercise);
        Facts = new ExerciseFacts(exercise.Id, exercise.ClinicId is null, exercise.Status, exercise.Aliases, exercise.BodyRegion,
            exercise.Category, exercise.Position, exercise.Equipment, exercise.Difficulty, exercise.MovementTags, exercise.VideoUrl,
            exercise.Pictures.Count);
        return Page();
    }
}

public sealed record ExerciseFacts(Guid Id, bool IsShipped, ExerciseStatus Status, IReadOnlyList<string> Aliases,
    BodyRegion Region, ExerciseCategory Category, BodyPosition Position, IReadOnlyList<Equipment> Equipment, int Difficulty,
    IReadOnlyList<MovementTag> Tags, string? VideoUrl, int PictureCount);
