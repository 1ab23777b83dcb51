using System.Net;
using System.Text.RegularExpressions;

namespace HepBuilder.Load;

/// <summary>
/// The clinicians, made the way a clinic makes them: the admin signs in and invites each one under Admin → Users
/// (the invite link is shown once on screen), the clinician opens the link and chooses a password. Each simulated
/// clinician then signs in on the sign-in page with a fresh session.
/// </summary>
public static partial class Setup
{
    public static string Email(int n) => $"load.clinician.{n:D3}@load.test";

    public static string Password(int n) => $"load clinician password {n:D3}";

    /// <summary>Clinician n of a generated dataset: clinics 01–50 in turn, then the next user of each (users 1–9 are clinicians).</summary>
    public static string DatasetEmail(int n) => $"clinician.c{(n - 1) % 50 + 1:D2}.u{(n - 1) / 50 % 9 + 1}@perf.example";

    public static async Task<List<Clinician>> CliniciansAsync(Options options, Recorder recorder)
    {
        if (options.DatasetPassword is { } shared)
        {
            return [.. await Task.WhenAll(Enumerable.Range(1, options.Clinicians).Select(async n =>
            {
                var clinician = new Clinician(n, options.BaseUrl, recorder, options.Items);
                if (!await clinician.SignInAsync(DatasetEmail(n), shared)) throw new InvalidOperationException($"{DatasetEmail(n)} could not sign in.");
                if (!await clinician.PrepareAsync()) throw new InvalidOperationException($"Clinician {n} could not create a patient and a program.");
                return clinician;
            }))];
        }
        using var admin = new Clinician(0, options.BaseUrl, recorder, options.Items);
        if (!await admin.SignInAsync(options.AdminEmail, options.AdminPassword))
        {
            throw new InvalidOperationException($"The admin {options.AdminEmail} could not sign in (see the samples above).");
        }
        if (!await admin.SetUpTwoFactorAsync())
        {
            throw new InvalidOperationException($"The admin {options.AdminEmail} could not set up two-factor sign-in (see the samples above).");
        }
        var links = new List<(int, string?)>();
        for (var n = 1; n <= options.Clinicians; n++) links.Add((n, await admin.InviteAsync(Email(n), $"Load Clinician {n:D3}")));

        using var gate = new SemaphoreSlim(8);
        InvalidOperationException Failed(string what) =>
            new($"{what}: {recorder.Samples.LastOrDefault(s => s.Outcome != Outcome.Ok)?.Detail ?? "no failed request recorded"}");
        var clinicians = await Task.WhenAll(links.Select(async pair =>
        {
            var (n, link) = pair;
            await gate.WaitAsync();
            try
            {
                if (link is not null)
                {
                    using var invited = new Clinician(n, options.BaseUrl, recorder, options.Items);
                    if (!await invited.AcceptInviteAsync(link, Password(n))) throw Failed($"Clinician {n} could not accept the invite");
                }
                var clinician = new Clinician(n, options.BaseUrl, recorder, options.Items);
                if (!await clinician.SignInAsync(Email(n), Password(n))) throw Failed($"Clinician {n} could not sign in");
                if (!await clinician.PrepareAsync()) throw Failed($"Clinician {n} could not create a patient and a program");
                return clinician;
            }
            finally
            {
                gate.Release();
            }
        }));
        return [.. clinicians];
    }

    /// <summary>The invite link shown once to the admin; null when the account already exists (a second run on the same database).</summary>
    public static async Task<string?> InviteAsync(this Clinician admin, string email, string name)
    {
        var (location, page) = await admin.SubmitAsync("invite", "/Admin/Users/Invite",
            ("Input.FullName", name), ("Input.Email", email), ("Input.Credentials", "DPT"), ("Input.IsClinician", "true"));
        if (location is null)
        {
            return page?.Contains("Someone already has an account", StringComparison.Ordinal) == true ? null
                : throw new InvalidOperationException($"Inviting {email} failed.");
        }
        var edit = await admin.PageAsync("invited user page", location);
        var link = OnceLink().Match(edit ?? "");
        return link.Success ? WebUtility.HtmlDecode(link.Groups[1].Value) : throw new InvalidOperationException($"No invite link for {email}.");
    }

    [GeneratedRegex("id=\"once-link\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex OnceLink();
}
