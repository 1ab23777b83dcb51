using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HepBuilder.Web.Pages.Status;

/// <summary>Friendly pages for error status codes (re-executed by the status-code middleware).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class IndexModel : PageModel
{
    public int Code { get; private set; }

    // The code is read from the route by hand: a bound parameter makes MVC read the re-executed POST's form first,
    // and a form it cannot read (one holding NUL, a broken multipart body: the very reason for a 400) left the
    // code 0 and the page saying "Something went wrong" instead of "Request not accepted".
    public void OnGet() => Code = RouteCode();

    public void OnPost() => Code = RouteCode();

    private int RouteCode() => int.TryParse(RouteData.Values["code"]?.ToString(), out var code) ? code : 0;

    public (string Title, string Text) Message => Code switch
    {
        404 => ("Page not found", "We could not find that page. It may have been moved, or the link may be wrong."),
        403 => ("Not allowed", "Your account does not have permission to do that. Ask your clinic administrator if you need it."),
        400 => ("Request not accepted", "The request could not be accepted. Go back, reload the page and try again."),
        409 => ("Changed by someone else", "Someone else changed this while you had it open, so your change was not saved. Go back, reload the page to see the latest version, and make your change again."),
        413 => ("File too large", "That file is larger than HepBuilder accepts. Go back and choose a smaller file."),
        429 => ("Too many requests", "Too many requests in a short time, so HepBuilder is pausing them for a moment. Wait a minute, then try again; nothing you already saved is lost."),
        503 => ("Temporarily unavailable", "HepBuilder cannot reach its database right now. Please try again in a moment."),
        _ => ("Something went wrong", "We could not finish that request. Please try again."),
    };
}
