using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;

namespace HepBuilder.Web.Infrastructure.Auth;

/// <summary>
/// Identity UI pages this product must not offer: accounts exist only by invitation, there are no external logins,
/// and a user's record is kept for the audit trail. They answer 404 as if they did not exist.
/// </summary>
public sealed class DisabledIdentityPages : IPageApplicationModelConvention
{
    private static readonly HashSet<string> Disabled = new(StringComparer.OrdinalIgnoreCase)
    {
        "/Account/Register", "/Account/RegisterConfirmation", "/Account/ResendEmailConfirmation",
        "/Account/ConfirmEmail", "/Account/ConfirmEmailChange", "/Account/ExternalLogin",
        "/Account/Manage/DeletePersonalData", "/Account/Manage/ExternalLogins",
    };

    public void Apply(PageApplicationModel model)
    {
        if (model.AreaName == "Identity" && Disabled.Contains(model.ViewEnginePath))
        {
            model.Filters.Add(new NotFoundFilter());
        }
    }

    private sealed class NotFoundFilter : IPageFilter
    {
        public void OnPageHandlerSelected(PageHandlerSelectedContext context) { }
        public void OnPageHandlerExecuting(PageHandlerExecutingContext context) => context.Result = new NotFoundResult();
        public void OnPageHandlerExecuted(PageHandlerExecutedContext context) { }
    }
}
