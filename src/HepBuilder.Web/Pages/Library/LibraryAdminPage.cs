using HepBuilder.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HepBuilder.Web.Pages.Library;

/// <summary>
/// Base of every page that changes the library: admins only. A signed-in clinician gets a plain 403 (the cookie
/// scheme's default would redirect to an access-denied page, which hides the refusal from clients and tests).
/// Signed-out users never get here: the fallback policy sends them to sign in first.
/// </summary>
public abstract class LibraryAdminPage : PageModel
{
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (!User.IsInRole(Roles.Admin))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
        }
    }
}
