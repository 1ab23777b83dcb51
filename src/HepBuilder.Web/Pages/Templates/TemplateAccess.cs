using System.Security.Claims;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Auth;

namespace HepBuilder.Web.Pages.Templates;

/// <summary>
/// Who sees and changes which template. The rules, kept simple on purpose:
/// shipped templates (no clinic) are seen by everyone and changed by no one (copy one to change it);
/// clinic-wide templates are seen by the whole clinic and changed or deleted by its Admins;
/// personal templates are seen, changed and deleted by their owner only. Any clinician may save or copy a template as
/// personal; only an Admin may save one clinic-wide or share their own personal template with the clinic.
/// </summary>
public static class TemplateAccess
{
    /// <summary>Templates this user sees (the tenant filter has already removed other clinics').</summary>
    public static IQueryable<Template> VisibleTo(this IQueryable<Template> templates, ClaimsPrincipal user)
    {
        var userId = user.UserId();
        return templates.Where(t => t.ClinicId == null || t.OwnerId == null || t.OwnerId == userId);
    }

    public static bool CanEdit(ClaimsPrincipal user, Guid? clinicId, string? ownerId) =>
        clinicId is not null && (ownerId is null ? user.IsInRole(Roles.Admin) : ownerId == user.UserId());

    public static bool CanShare(ClaimsPrincipal user, Guid? clinicId, string? ownerId) =>
        clinicId is not null && ownerId is not null && ownerId == user.UserId() && user.IsInRole(Roles.Admin);

    public static string BadgeClass(string scope) => scope switch
    {
        "Shipped" => "text-bg-light border",
        "Clinic-wide" => "text-bg-info",
        _ => "text-bg-secondary",
    };

    public static string Scope(Guid? clinicId, string? ownerId) =>
        clinicId is null ? "Shipped" : ownerId is null ? "Clinic-wide" : "Personal";
}
