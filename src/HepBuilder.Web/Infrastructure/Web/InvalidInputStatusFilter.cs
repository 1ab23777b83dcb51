using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HepBuilder.Web.Infrastructure.Web;

/// <summary>
/// A form posted with invalid input is answered with its page (messages next to the fields) and status 400, so
/// clients and tests can tell a rejected post from an accepted one. Done once here instead of in every handler.
/// </summary>
public sealed class InvalidInputStatusFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (HttpMethods.IsPost(context.HttpContext.Request.Method)
            && !executed.ModelState.IsValid
            && executed.Result is PageResult page)
        {
            page.StatusCode ??= StatusCodes.Status400BadRequest;
        }
    }
}
