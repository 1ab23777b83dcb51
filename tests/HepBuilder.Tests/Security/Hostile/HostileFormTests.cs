using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using HepBuilder.Tests.Infrastructure;
using HepBuilder.Tests.Security.Matrix;
using Xunit.Abstractions;

namespace HepBuilder.Tests.Security.Hostile;

/// <summary>
/// The hostile-input suite for forms: every POST form the app renders (found by reading its pages, not listed by
/// hand) gets the hostile corpus in each of its fields, the other fields kept valid.
/// </summary>
public sealed class HostileFormTests(AppFixture app, ITestOutputHelper output) : AppTest(app)
{
    // The main data-entry forms get every value of the corpus; the others a sample of about 40 per field.
    private static readonly string[] FullCorpusPages =
    [
        "Patients/New", "Patients/{id:guid}/Edit", "Programs/{id:guid}/Edit", "Library/Edit/{id:guid?}", "Admin/Clinic", "Admin/Users/Invite",
        "Admin/Users/Edit/{id}", "Templates/New", "Templates/{id:guid}/Edit", "p/{token}",
    ];

    // Pages that are the same page under a second route ("Patients" and "Patients/Index"): one of each is enough.
    private static bool IsAlias(string route) => route.EndsWith("/Index", StringComparison.Ordinal) || route == "Index";

    // Forms the suite leaves alone, and why: they end the session it works in.
    private static bool EndsTheSession(string action) =>
        action.Contains("Logout", StringComparison.Ordinal) || action.Contains("SignOutEverywhere", StringComparison.Ordinal);

    [Fact]
    public void The_corpus_has_at_least_500_distinct_values_in_every_category_the_issue_names()
    {
        var values = HostileCorpus.Values;
        Assert.True(values.Count >= 500, $"{values.Count} values");
        Assert.Equal(values.Count, values.Select(v => (v.Mode, Convert.ToHexString(v.Bytes))).Distinct().Count());
        var categories = values.Select(v => v.Category).ToHashSet();
        foreach (var c in new[] { "markup", "attribute breaker", "sql", "format string", "long", "control", "invalid UTF-8", "unicode", "number", "wrong type", "blank", "path traversal", "field" })
        {
            Assert.Contains(c, categories);
        }
        Assert.Contains(values, v => v.Bytes.Length >= 10_000);
        Assert.Contains(values, v => v.Text.Contains('\u202E'));
        Assert.Contains(values, v => v.Bytes.AsSpan().IndexOf([(byte)0xED, (byte)0xA0, (byte)0x80]) >= 0);
        output.WriteLine($"{values.Count} hostile values; sample of 40 has {HostileCorpus.Sample(40).Count}");
    }

    [Fact]
    public async Task Every_field_of_every_form_refuses_or_safely_stores_every_hostile_value()
    {
        var clock = Stopwatch.StartNew();
        var handlers = await EndpointCatalog.DiscoverAsync(App.Factory);
        // Two worlds (two clinics A) share the forms between them and run side by side; each checks only its own data.
        HostileWorld[] worlds = [await HostileWorld.CreateAsync(App, " 1"), await HostileWorld.CreateAsync(App, " 2")];
        var targets = await DiscoverAsync(worlds[0], handlers);
        output.WriteLine($"{targets.Count} forms found ({clock.Elapsed.TotalSeconds:F0} s)");
        Assert.True(targets.Count >= 10, "Too few forms found:\n" + string.Join("\n", targets.Select(t => t.Name)));

        var failures = new ConcurrentBag<string>();
        var attacks = worlds.Select(w => new FormAttack(w, failures)).ToArray();
        // Each form goes to the world with the least work so far (the builder alone is a fifth of all cases).
        var shares = new List<FormTarget>[attacks.Length];
        for (var i = 0; i < shares.Length; i++) shares[i] = [];
        foreach (var t in targets.OrderByDescending(Cost).ThenBy(t => t.Name, StringComparer.Ordinal))
        {
            shares.MinBy(s => s.Sum(Cost))!.Add(t);
        }
        await Task.WhenAll(attacks.Select(async (attack, i) =>
        {
            foreach (var t in shares[i]) await attack.RunAsync(await ForWorldAsync(t, worlds[0], worlds[i], handlers));
        }));

        foreach (var line in attacks.SelectMany(a => a.Summary).Order(StringComparer.Ordinal)) output.WriteLine(line);
        var cases = attacks.Sum(a => a.Cases);
        output.WriteLine($"HOSTILE FORM CASES RUN: {cases} ({attacks.Sum(a => a.Accepted)} stored and checked on their pages, " +
            $"{attacks.Sum(a => a.HandoutsRead)} handouts read back in {attacks.Sum(a => a.HandoutTime.TotalSeconds):F0} s) in {clock.Elapsed.TotalSeconds:F0} s");
        foreach (var w in worlds) w.Dispose();
        var list = failures.Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(list.Count == 0, $"{list.Count} of {cases} hostile cases failed:\n" + string.Join("\n", list.Take(200)));
    }

    // Roughly the posts a form takes: the main forms give each field about three times the sample.
    private static int Cost(FormTarget t) => t.Form.Targets.Count() * (t.FullCorpus ? 120 : 48);

    /// <summary>GETs every page the app answers, as a user allowed to see it, and keeps each POST form that has fields.</summary>
    private async Task<List<FormTarget>> DiscoverAsync(HostileWorld world, IReadOnlyList<EndpointHandler> handlers)
    {
        var targets = new List<FormTarget>();
        var seen = new HashSet<string>();
        foreach (var h in handlers.Where(h => h.Method == "GET" && h.Handler is null && !IsAlias(h.Route)))
        {
            var access = ExpectedAccess.Table.TryGetValue(h.Key, out var e) ? e.Access : Access.Disabled;
            if (access is Access.Disabled or Access.DisabledSignedIn or Access.SecondStep) continue;
            var anonymous = access == Access.Public;
            var url = world.Url(h);
            var response = await (anonymous ? world.Anonymous : world.Admin).GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            foreach (var form in HtmlForms.PostForms(await response.Content.ReadAsStringAsync(), url))
            {
                if (!form.Targets.Any() || EndsTheSession(form.Action) || form.Token is null) continue;
                if (!seen.Add(HostileWorld.Path(form.Action) + "|" + string.Join(",", form.Targets))) continue;
                targets.Add(new FormTarget(h.Route, form, anonymous, FullCorpusPages.Contains(h.Route)));
            }
        }
        return targets;
    }

    /// <summary>The same form in another world: its page and action carry that world's ids.</summary>
    private static async Task<FormTarget> ForWorldAsync(FormTarget t, HostileWorld first, HostileWorld world, IReadOnlyList<EndpointHandler> handlers)
    {
        var h = handlers.First(x => x.Method == "GET" && x.Handler is null && x.Route == t.Page);
        var url = world.Url(h);
        var client = t.Anonymous ? world.Anonymous : world.Admin;
        var forms = HtmlForms.PostForms(await client.GetPageAsync(url), url);
        var action = Translate(t.Form.Action, first, world);
        var form = forms.FirstOrDefault(f => f.Action == action && f.Targets.SequenceEqual(t.Form.Targets))
            ?? throw new InvalidOperationException($"{url} has no form posting to {action}");
        return t with { Page = url, Form = form };
    }

    private static string Translate(string url, HostileWorld from, HostileWorld to)
    {
        var (a, b) = (from.Matrix, to.Matrix);
        return url.Replace(a.PatientA.ToString(), b.PatientA.ToString()).Replace(a.ProgramA.ToString(), b.ProgramA.ToString())
            .Replace(a.ExerciseA.ToString(), b.ExerciseA.ToString()).Replace(a.TemplateA.ToString(), b.TemplateA.ToString())
            .Replace(a.VersionA.ToString(), b.VersionA.ToString()).Replace(a.ClinicianA.Id, b.ClinicianA.Id).Replace(from.Token, to.Token)
            .Replace(a.PersonalTemplateOfAdminA.ToString(), b.PersonalTemplateOfAdminA.ToString());
    }
}
