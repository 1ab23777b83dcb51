using Microsoft.AspNetCore.Antiforgery;

namespace HepBuilder.Web.Pages.Library;

/// <summary>
/// Reads a multipart form by hand, refusing an oversized body before reading it, then checks the antiforgery token.
/// Used by the pages that take files, which opt out of model binding and the automatic antiforgery filter so that
/// a too-large file gets a message on the page (413) instead of failing inside the framework.
/// </summary>
public static class LimitedForm
{
    public sealed record Outcome(IFormCollection? Form, int Status);

    public static async Task<Outcome> ReadAsync(HttpContext http, IAntiforgery antiforgery, long maxBytes, CancellationToken ct)
    {
        if (http.Request.ContentLength > maxBytes) return new(null, StatusCodes.Status413PayloadTooLarge);
        if (!http.Request.HasFormContentType) return new(null, StatusCodes.Status400BadRequest);
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (Exception ex) when (ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException)
        {
            return new(null, StatusCodes.Status413PayloadTooLarge);
        }
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return new(null, StatusCodes.Status400BadRequest);
        }
        return new(form, StatusCodes.Status200OK);
    }
}
