using HepBuilder.Data;
using HepBuilder.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Infrastructure.Auth;

/// <summary>
/// When a clinic requires two-factor sign-in for admins (the default) or for everyone, a user it applies to who has
/// not set it up is sent to set up an authenticator app and can reach nothing else (except signing out) until it is
/// on. For admins it is checked on every page request rather than only at sign-in, so turning the setting on applies
/// to admins already signed in; for everyone else the clinic's rule travels in the cookie
/// (<see cref="HepClaimsPrincipalFactory.TwoFactorRequiredClaim"/>), which keeps their pages free of the query.
/// </summary>
public sealed class RequireAdminTwoFactor(HepDbContext db, ITempDataDictionaryFactory tempDataFactory) : IAsyncPageFilter
{
    public const string SetupPath = "/Identity/Account/Manage/EnableAuthenticator";
    public const string Message =
        "Your clinic requires two-factor sign-in for administrators. Set up an authenticator app to continue.";
    public const string EveryoneMessage =
        "Your clinic requires two-factor sign-in. Set up an authenticator app to continue.";

    // The pages an admin needs to set two-factor up, sign out, or see an error.
    private static readonly HashSet<string> IdentityPagesAllowed = new(StringComparer.OrdinalIgnoreCase)
    {
        "/Account/Manage/TwoFactorAuthentication", "/Account/Manage/EnableAuthenticator", "/Account/Manage/ShowRecoveryCodes",
        "/Account/Manage/ResetAuthenticator", "/Account/Logout", "/Account/AccessDenied", "/Account/Lockout",
    };

    private static readonly HashSet<string> AppPagesAllowed = new(StringComparer.OrdinalIgnoreCase)
    {
        "/Status/Index", "/Error", "/Account/AcceptInvite",
    };

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        var admin = user.IsInRole(Roles.Admin);
        if (user.Identity?.IsAuthenticated == true && (admin || user.HasClaim(HepClaimsPrincipalFactory.TwoFactorRequiredClaim, "true"))
            && !IsAllowed(context) && await MustSetUpAsync(user.UserId(), admin, context.HttpContext.RequestAborted))
        {
            var tempData = tempDataFactory.GetTempData(context.HttpContext);
            tempData["StatusMessage"] = admin ? Message : EveryoneMessage;
            tempData.Save();
            context.Result = new RedirectResult(SetupPath);
            return;
        }
        await next();
    }

    private static bool IsAllowed(PageHandlerExecutingContext context)
    {
        var page = context.ActionDescriptor;
        return page.AreaName == "Identity" ? IdentityPagesAllowed.Contains(page.ViewEnginePath)
            : string.IsNullOrEmpty(page.AreaName) && AppPagesAllowed.Contains(page.ViewEnginePath);
    }

    private Task<bool> MustSetUpAsync(string? userId, bool admin, CancellationToken ct) =>
        db.Users.AsNoTracking()
            .Where(u => u.Id == userId && !u.TwoFactorEnabled)
            .AnyAsync(u => u.Clinic!.RequireTwoFactorForEveryone || (admin && u.Clinic.RequireAdminTwoFactor), ct);
}

public static class RequireAdminTwoFactorSetup
{
    /// <summary>Runs <see cref="RequireAdminTwoFactor"/> on every Razor page, Identity UI's included.</summary>
    public static IServiceCollection AddAdminTwoFactorRequirement(this IServiceCollection services) =>
        services.Configure<MvcOptions>(o => o.Filters.Add<RequireAdminTwoFactor>());
}
