using System.Net;
using System.Text.RegularExpressions;
using HepBuilder.Tests.Infrastructure;

namespace HepBuilder.Tests.Pages.Admin;

/// <summary>Reads what a person would read off the admin pages, and posts their multipart forms.</summary>
public static partial class AdminHtml
{
    /// <summary>The invite or password link shown once on the user's page, as a path and query.</summary>
    public static string? OnceLink(string html)
    {
        var match = OnceLinkRegex().Match(html);
        return match.Success ? new Uri(WebUtility.HtmlDecode(match.Groups[1].Value)).PathAndQuery : null;
    }

    /// <summary>The authenticator key Identity UI shows as text, without its grouping spaces.</summary>
    public static string SharedKey(string html)
    {
        var match = SharedKeyRegex().Match(html);
        return match.Success ? match.Groups[1].Value.Replace(" ", "").ToUpperInvariant()
            : throw new InvalidOperationException("No authenticator key on the page.\n" + html);
    }

    /// <summary>The value of a form field as the page renders it.</summary>
    public static string FieldValue(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No field {name} on the page.");
    }

    public static string UserIdFromLocation(HttpResponseMessage response) =>
        response.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0];

    public static async Task<HttpResponseMessage> PostMultipartAsync(this AppClient client, string formPage,
        IEnumerable<(string Name, string Value)> fields, (string Name, string FileName, string ContentType, byte[] Bytes)? file = null)
    {
        var token = AppClient.AntiforgeryToken(await client.GetPageAsync(formPage));
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        content.Add(new StringContent(token), "__RequestVerificationToken");
        if (file is { } f)
        {
            var bytes = new ByteArrayContent(f.Bytes);
            bytes.Headers.ContentType = new(f.ContentType);
            content.Add(bytes, f.Name, f.FileName);
        }
        return await client.Http.PostAsync(formPage, content);
    }

    [GeneratedRegex("id=\"once-link\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex OnceLinkRegex();

    [GeneratedRegex("<kbd[^>]*>([^<]+)</kbd>")]
    private static partial Regex SharedKeyRegex();
}
