using HepBuilder.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages.Library;

/// <summary>
/// Serves an uploaded photo, only through an exercise the user's clinic can see (the tenant filter on the exercise
/// decides), so knowing a hash is not enough to fetch another clinic's picture.
/// </summary>
public sealed class PhotoModel(HepDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid exerciseId, string sha, CancellationToken ct)
    {
        var image = await db.Exercises.AsNoTracking()
            .Where(e => e.Id == exerciseId)
            .SelectMany(e => e.Pictures)
            .Where(p => p.ImageSha256 == sha)
            .Select(p => new { p.Image!.Data, p.Image.ContentType })
            .FirstOrDefaultAsync(ct);
        if (image is null) return NotFound();
        Response.Headers.XContentTypeOptions = "nosniff";
        // Content-addressed bytes never change, but visibility can: cache privately, never in shared caches.
        Response.Headers.CacheControl = "private, max-age=86400";
        return File(image.Data, image.ContentType);
    }
}
