using HepBuilder.Clinical.Audit;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HepBuilder.Web.Pages.Account;

/// <summary>
/// Ends every session of the user: a new security stamp invalidates all other cookies at their next check
/// (at most five minutes), and this one is signed out now.
/// </summary>
public sealed class SignOutEverywhereModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn,
    AuditLog audit, HepBuilder.Data.HepDbContext db) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is not null)
        {
            audit.Record(AuditActions.UserSignedOutEverywhere, "User", user.Id);
            await db.SaveChangesAsync();
            await users.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        return Redirect("/Identity/Account/Login");
    }
}
