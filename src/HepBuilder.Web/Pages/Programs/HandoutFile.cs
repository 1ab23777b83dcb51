using System.Globalization;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace HepBuilder.Web.Pages.Programs;

/// <summary>How a handout PDF is named and served: "Lastname-HEP-v3-2026-11-23.pdf", opened inline in the browser's viewer.</summary>
public static class HandoutFile
{
    public static string Name(string lastName, string version, DateOnly date) =>
        $"{Safe(lastName)}-HEP-{version}-{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.pdf";

    public static void Inline(HttpResponse response, string fileName) =>
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline")
        {
            FileName = fileName,
            FileNameStar = fileName,
        }.ToString();

    /// <summary>Letters and digits of the name without accents, so every browser and file system keeps it intact.</summary>
    private static string Safe(string lastName)
    {
        var sb = new StringBuilder();
        foreach (var c in lastName.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(c);
            else if ((c == '-' || c == ' ' || c == '\'') && sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var safe = sb.ToString().Trim('-');
        return safe.Length == 0 ? "Patient" : safe.Length > 40 ? safe[..40] : safe;
    }
}
