using System.Net;
using System.Text.RegularExpressions;

namespace HepBuilder.Tests.Infrastructure;

/// <summary>
/// A browser-like client for the real pages: keeps cookies, does not follow redirects (tests assert them), and posts
/// forms with the antiforgery token taken from the page, as a browser would.
/// </summary>
public sealed partial class AppClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    public async Task<string> GetPageAsync(string url)
    {
        var response = await Http.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} → {(int)response.StatusCode} {response.Headers.Location}\n{html}");
        }
        return html;
    }

    /// <summary>GETs <paramref name="formPage"/> for its antiforgery token, then posts the fields to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, IEnumerable<KeyValuePair<string, string>> fields,
        string? action = null)
    {
        var token = AntiforgeryToken(await GetPageAsync(formPage));
        return await PostAsync(action ?? formPage, fields.Append(new("__RequestVerificationToken", token)));
    }

    public Task<HttpResponseMessage> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        Http.PostAsync(url, new FormUrlEncodedContent(fields));

    public Task<HttpResponseMessage> PostFormAsync(string formPage, params (string Key, string Value)[] fields) =>
        PostFormAsync(formPage, fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    public async Task SignInAsync(string email, string password)
    {
        var response = await PostFormAsync("/Identity/Account/Login", ("Input.Email", email), ("Input.Password", password));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        }
    }

    public static string AntiforgeryToken(string html)
    {
        var match = TokenRegex().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("No antiforgery token on the page.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    public void Dispose() => Http.Dispose();
}
