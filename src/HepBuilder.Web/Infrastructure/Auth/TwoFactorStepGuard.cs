using HepBuilder.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace HepBuilder.Web.Infrastructure.Auth;

/// <summary>
/// Identity UI's two-factor pages throw (a 500) when the user is not in the state they assume: the code pages when no
/// sign-in is waiting for a second step (an expired step, a bookmark, the back button), the recovery-code and disable
/// pages when two-factor sign-in is off. Those are ordinary user journeys, so they are sent where they can go on.
/// </summary>
public sealed class TwoFactorStepGuard : IPageApplicationModelConvention
{
    private static readonly HashSet<string> SecondStepPages = new(StringComparer.OrdinalIgnoreCase)
    {
        "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode",
    };

    private static readonly HashSet<string> TwoFactorOnPages = new(StringComparer.OrdinalIgnoreCase)
    {
        "/Account/Manage/GenerateRecoveryCodes", "/Account/Manage/Disable2fa",
    };

    public void Apply(PageApplicationModel model)
    {
        if (model.AreaName != "Identity") return;
        if (SecondStepPages.Contains(model.ViewEnginePath)) model.Filters.Add(new SecondStepFilter());
        if (TwoFactorOnPages.Contains(model.ViewEnginePath)) model.Filters.Add(new TwoFactorOnFilter());
    }

    private sealed class SecondStepFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<ApplicationUser>>();
            if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
            {
                SetMessage(context, "Your sign-in took too long to finish. Please sign in again.");
                context.Result = new RedirectResult("/Identity/Account/Login");
                return;
            }
            await next();
        }
    }

    private sealed class TwoFactorOnFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.GetUserAsync(context.HttpContext.User);
            if (user is not null && !await users.GetTwoFactorEnabledAsync(user))
            {
                SetMessage(context, "Two-factor sign-in is not on for your account. Set up an authenticator app first.");
                context.Result = new RedirectResult("/Identity/Account/Manage/TwoFactorAuthentication");
                return;
            }
            await next();
        }
    }

    private static void SetMessage(PageHandlerExecutingContext context, string message)
    {
        var tempData = context.HttpContext.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context.HttpContext);
        tempData["StatusMessage"] = message;
        tempData.Save();
    }
}
