using HepBuilder.Data;
using HepBuilder.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages.Templates;

public sealed class IndexModel(HepDbContext db) : PageModel
{
    public const int MaxShown = 200;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public sealed record Row(Guid Id, string Title, string? Description, Guid? ClinicId, string? OwnerId, int Items, DateTimeOffset ModifiedAt)
    {
        public string Scope => TemplateAccess.Scope(ClinicId, OwnerId);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var templates = db.Templates.AsNoTracking().VisibleTo(User);
        var q = (Query ?? "").Trim();
        if (q.Length > 100) q = q[..100];
        if (q.Length > 0)
        {
            var like = "%" + q.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            templates = templates.Where(t => EF.Functions.ILike(t.Title, like) || (t.Description != null && EF.Functions.ILike(t.Description, like))
                || t.Items.Any(i => EF.Functions.ILike(i.Exercise!.Name, like)));
        }
        var me = User.UserId();
        Rows = await templates
            // Mine first, then the clinic's, then the shipped starters.
            .OrderByDescending(t => t.OwnerId == me).ThenByDescending(t => t.ClinicId != null).ThenBy(t => t.Title)
            .Take(MaxShown)
            .Select(t => new Row(t.Id, t.Title, t.Description, t.ClinicId, t.OwnerId, t.Items.Count, t.ModifiedAt))
            .ToListAsync(ct);
    }
}
