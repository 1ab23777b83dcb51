using System.Collections.Concurrent;
using System.Net;
using System.Text;
using HepBuilder.Tests.Infrastructure;
using HepBuilder.Tests.Pages.Programs;

namespace HepBuilder.Tests.Security.Hostile;

/// <summary>A form found on a page, who posts it, and whether it gets the whole corpus or a sample.</summary>
public sealed record FormTarget(string Page, HtmlForm Form, bool Anonymous, bool FullCorpus)
{
    public string Name => HostileWorld.Path(Form.Action) == HostileWorld.Path(Page) ? Page : $"{Page} → {Form.Action}";
}

/// <summary>Where a probe value posted to a field shows up: which views (by index; -1 the redirect target) and the handout.</summary>
public sealed record FieldProbe(bool Text, HashSet<int> ShownOn, bool InHandout);

/// <summary>
/// Posts every hostile value to every field of the forms given to it, one case at a time, and checks each answer:
/// never 5xx, never live markup, and either refused with a message and nothing stored, or stored and then shown
/// escaped on every page that shows it and printed literally on the handout, which still renders.
/// </summary>
public sealed class FormAttack(HostileWorld world, ConcurrentBag<string> failures)
{
    public int Cases { get; private set; }
    public int Accepted { get; private set; }
    public int HandoutsRead { get; private set; }
    public TimeSpan HandoutTime { get; private set; }
    public List<string> Summary { get; } = [];

    public async Task RunAsync(FormTarget target)
    {
        var client = target.Anonymous ? world.Anonymous : world.Admin;
        var action = target.Form.Action;
        var views = world.Views(action);
        var (cases, accepted, clock) = (Cases, Accepted, System.Diagnostics.Stopwatch.StartNew());
        var probes = new Dictionary<string, FieldProbe>();
        foreach (var field in target.Form.Targets) probes[field] = await ProbeAsync(client, target, field, views);
        foreach (var (field, corpus) in Plan(target, probes))
        {
            var state = await world.FingerprintAsync();
            _hidden = null;
            foreach (var value in corpus)
            {
                var form = await CurrentAsync(client, target);
                var response = await PostAsync(client, target.Form, form, field, value);
                if (!target.Anonymous && SignedOut(response))
                {
                    // The session can end under the suite (the security stamp is checked every few minutes, and the
                    // account page's own stored cases renew it): sign in again and repeat the case; only a case that
                    // signs out the fresh session too is a finding.
                    await client.SignInAsync(world.Matrix.AdminA.Email, world.Matrix.AdminA.Password);
                    _hidden = null;
                    response = await PostAsync(client, target.Form, await CurrentAsync(client, target), field, value);
                }
                var after = await CheckAsync(client, target, field, value, probes[field], views, response, state);
                // Only a stored value moves the row version on; until then the form's hidden state stays valid.
                if (after != state) _hidden = null;
                state = after;
            }
        }
        if (Creates(target))
        {
            foreach (var url in views)
            {
                var page = await client.GetAsync(url);
                if ((int)page.StatusCode >= 500) failures.Add($"{target.Name}: GET {url} → {(int)page.StatusCode} with every record stored");
                foreach (var live in LiveMarkup.Find(await page.Content.ReadAsStringAsync())) failures.Add($"{target.Name}: GET {url} shows live markup {live}");
            }
        }
        Summary.Add($"{target.Name}: {target.Form.Targets.Count()} fields, {Cases - cases} cases, {Accepted - accepted} stored, {clock.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>
    /// Which values each field gets. A main data-entry form gets the whole corpus: every value goes to one of its
    /// free-text fields in turn (so each value meets each main form), and every field also gets the sample; a field
    /// that takes no free text gets all the values aimed at typed fields. Other forms, and rows after the first,
    /// get the sample. (Every value in every free-text field of every main form would multiply the posts several
    /// times over, for a CI budget of minutes, and make no kind of check that this plan does not make.)
    /// </summary>
    private static IEnumerable<(string Field, IReadOnlyList<HostileValue> Values)> Plan(FormTarget target, Dictionary<string, FieldProbe> probes)
    {
        var sample = HostileCorpus.Sample(40);
        var text = probes.Where(p => p.Value.Text && !IsRepeatedRow(p.Key)).Select(p => p.Key).ToList();
        foreach (var (field, probe) in probes)
        {
            if (!target.FullCorpus || IsRepeatedRow(field)) { yield return (field, sample); continue; }
            if (!probe.Text) { yield return (field, HostileCorpus.ForTypedField); continue; }
            var share = text.IndexOf(field);
            yield return (field, HostileCorpus.Values.Where((v, i) => i % text.Count == share || sample.Contains(v)).ToList());
        }
    }

    private Dictionary<string, string?>? _hidden;

    /// <summary>
    /// The form to post: the baseline's visible fields, and the hidden ones (row versions) as the page renders them
    /// now, read again whenever something was stored.
    /// </summary>
    private async Task<List<KeyValuePair<string, string?>>> CurrentAsync(AppClient client, FormTarget target)
    {
        var fields = Baseline(target.Form, Cases);
        // Hidden state only: a checkbox's hidden "false" companion shares the checkbox's name and is not state.
        var hiddenNames = target.Form.Fields.GroupBy(f => f.Name)
            .Where(g => g.Key != HtmlForm.TokenName && g.All(f => f.Kind == "hidden")).Select(g => g.Key).ToHashSet();
        if (hiddenNames.Count == 0) return fields;
        if (_hidden is null)
        {
            var fresh = await FindFormAsync(client, target);
            _hidden = fresh?.Fields.Where(f => f.Kind == "hidden").GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.First().Value) ?? [];
        }
        return fields.Select(f => hiddenNames.Contains(f.Key) && _hidden.TryGetValue(f.Key, out var v) ? new KeyValuePair<string, string?>(f.Key, v) : f).ToList();
    }

    private static async Task<HtmlForm?> FindFormAsync(AppClient client, FormTarget target)
    {
        var response = await client.GetAsync(target.Page);
        if (response.StatusCode != HttpStatusCode.OK) return null;
        var forms = HtmlForms.PostForms(await response.Content.ReadAsStringAsync(), target.Page);
        return forms.FirstOrDefault(f => f.Action == target.Form.Action);
    }

    /// <summary>
    /// Posts a harmless marker to the field first, to learn whether the field takes free text and where it shows it:
    /// hostile values are then looked for exactly there.
    /// </summary>
    private async Task<FieldProbe> ProbeAsync(AppClient client, FormTarget target, string field, IReadOnlyList<string> views)
    {
        var marker = "Hbxprobe" + (char)('a' + Cases % 26) + (char)('a' + Cases / 26 % 26);
        var value = new HostileValue("probe", marker, Encoding.UTF8.GetBytes(marker));
        _hidden = null;
        var response = await PostAsync(client, target.Form, await CurrentAsync(client, target), field, value);
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.SeeOther)) return new FieldProbe(false, [], false);
        var shown = new HashSet<int>();
        var pages = Pages(views, response);
        for (var i = 0; i < pages.Count; i++)
        {
            var html = await (await client.GetAsync(pages[i].Url)).Content.ReadAsStringAsync();
            if (LiveMarkup.PageText(html).Contains(marker, StringComparison.Ordinal)) shown.Add(pages[i].Index);
        }
        var inHandout = world.ReachesHandout(target.Form.Action)
            && (await ReadHandoutAsync(client, target.Form.Action, field, value)) is { } glyphs && glyphs.Contains(marker, StringComparison.Ordinal);
        return new FieldProbe(true, shown, inHandout);
    }

    /// <returns>The fingerprint of what is stored after the case.</returns>
    private async Task<string> CheckAsync(AppClient client, FormTarget target, string field, HostileValue value, FieldProbe probe,
        IReadOnlyList<string> views, HttpResponseMessage response, string before)
    {
        Cases++;
        var where = $"{target.Name} [{field}] {value}";
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status >= 500) { failures.Add($"{where}: {status}"); return await world.FingerprintAsync(); }
        foreach (var live in LiveMarkup.Find(body)) failures.Add($"{where}: the answer ({status}) has live markup {live}");
        if (!target.Anonymous && SignedOut(response))
        {
            failures.Add($"{where}: signed the user out ({response.Headers.Location})");
            await client.SignInAsync(world.Matrix.AdminA.Email, world.Matrix.AdminA.Password);
            return await world.FingerprintAsync();
        }

        var after = await world.FingerprintAsync();
        var stored = status is 301 or 302 or 303 || (status == 200 && after != before);
        if (!stored)
        {
            if (after != before) failures.Add($"{where}: refused with {status} but stored data changed (half-saved)");
            // A typed entry gets its message next to the field. Hidden fields, checkboxes, choices, and fields left
            // out or sent twice can only be forged, and a 400 with the form again is answer enough for those.
            var kind = target.Form.Fields.First(f => f.Name == field).Kind;
            if (status == 400 && kind is not ("hidden" or "checkbox" or "radio" or "select") && value.Mode == HostileMode.Replace && !HasMessage(body))
            {
                failures.Add($"{where}: 400 without a message on the page");
            }
            return after;
        }

        Accepted++;
        // A page can only show the value if it shows the field: pages where the probe did not appear are skipped
        // (a field that takes no free text is still checked on the page the post leads to).
        // A form that creates a record is checked on the record's own page; its lists once, at the end, with every
        // record on them (see RunAsync).
        var creates = Creates(target);
        var shown = probe.Text && value.Mode == HostileMode.Replace ? Shown(value.Text) : "";
        foreach (var (url, index) in Pages(views, response)
            .Where(p => p.Index == -1 || !creates && (probe.ShownOn.Contains(p.Index) || !probe.Text && p.Index == 0)))
        {
            var page = await client.GetAsync(url);
            var html = await page.Content.ReadAsStringAsync();
            if ((int)page.StatusCode >= 500) { failures.Add($"{where}: GET {url} → {(int)page.StatusCode} after the value was stored"); continue; }
            foreach (var live in LiveMarkup.Find(html)) failures.Add($"{where}: GET {url} shows live markup {live}");
            // A new record is looked for on its own page: lists page and sort, so it need not be on their first page.
            if (!probe.ShownOn.Contains(index) || page.StatusCode != HttpStatusCode.OK || shown.Length == 0) continue;
            if (!LiveMarkup.Squeeze(LiveMarkup.PageText(html)).Contains(shown, StringComparison.Ordinal))
            {
                failures.Add($"{where}: GET {url} does not show the stored value as text (looked for \"{shown}\")");
            }
        }
        // The handout is read when the field is printed on it, or takes no free text (a number changes the dose
        // printed); and only when what is stored changed since the last one read.
        if (world.ReachesHandout(target.Form.Action) && (probe.InHandout || !probe.Text) && after != _lastHandoutState)
        {
            _lastHandoutState = after;
            var glyphs = await ReadHandoutAsync(client, target.Form.Action, field, value);
            if (glyphs is null || !probe.InHandout) return after;
            var printed = Ascii(shown);
            if (printed.Length > 0 && !Ascii(glyphs).Contains(printed, StringComparison.Ordinal))
            {
                failures.Add($"{where}: the handout does not print the value literally (looked for \"{printed}\")");
            }
        }
        return after;
    }

    private string? _lastHandoutState;

    private static bool SignedOut(HttpResponseMessage r) =>
        r.Headers.Location?.OriginalString.Contains("/Identity/Account/Login", StringComparison.Ordinal) == true;

    /// <summary>
    /// What of a stored value a page must show: the start of its first line or list item (lists and summaries show
    /// items apart, and may shorten long text), up to the first character a browser cannot show as itself: U+FFFD
    /// (where an invalid byte was; decoders differ on how much they swallow) or a C1 control (which HTML maps to
    /// Windows-1252 letters: U+0085 shows as "…").
    /// </summary>
    private static string Shown(string value)
    {
        var first = value.Split(['\r', '\n', ',', ';', '\u2028', '\u2029'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        var cut = first.IndexOfAny(['\uFFFD', .. Enumerable.Range(0x80, 32).Select(c => (char)c)]);
        return LiveMarkup.Visible(cut < 0 ? first : first[..cut]);
    }

    private static bool Creates(FormTarget target) =>
        HostileWorld.Path(target.Form.Action) is var p && (p.EndsWith("/New", StringComparison.Ordinal) || p.EndsWith("/Invite", StringComparison.Ordinal));

    /// <summary>The draft's handout, rendered now; a failure is recorded and null returned when it does not render.</summary>
    private async Task<string?> ReadHandoutAsync(AppClient client, string action, string field, HostileValue value)
    {
        HandoutsRead++;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var response = await client.GetAsync(world.PreviewPdf);
        HandoutTime += clock.Elapsed;
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "application/pdf")
        {
            failures.Add($"{action} [{field}] {value}: the handout preview answered {(int)response.StatusCode} {response.Content.Headers.ContentType}");
            return null;
        }
        try
        {
            return string.Concat(PdfWords.Glyphs(bytes));
        }
        catch (Exception e)
        {
            failures.Add($"{action} [{field}] {value}: the handout does not open: {e.GetType().Name} {e.Message}");
            return null;
        }
    }

    /// <summary>
    /// What the handout must print, compared in printable ASCII only: control and format characters are dropped by
    /// the renderer by design, glyph order of other scripts follows the bidi and shaping rules (the Handouts tests
    /// cover those), spaces are not glyphs, and long words are broken with a hyphen.
    /// </summary>
    private static string Ascii(string s) => new(s.Where(c => c is > ' ' and < '\u007F' and not '-').ToArray());

    /// <summary>
    /// A message on the page: next to a field or in a summary, or the app's own error page (the framework refuses
    /// a URL-encoded body holding NUL with 400 before any page runs, and the app then answers with that page).
    /// </summary>
    private static bool HasMessage(string html)
    {
        var document = HtmlForms.Parse(html);
        return document.QuerySelectorAll(".field-validation-error, .validation-summary-errors, [role=alert], .alert-danger, .text-danger, .auth-card h1")
            .Any(e => !string.IsNullOrWhiteSpace(e.TextContent) && e.TextContent.Trim() != "Something went wrong");
    }

    private static List<(string Url, int Index)> Pages(IReadOnlyList<string> views, HttpResponseMessage response)
    {
        var pages = views.Select((v, i) => (v, i)).ToList();
        var location = response.Headers.Location?.OriginalString;
        if (location is not null && location.StartsWith('/') && !views.Contains(location)) pages.Insert(0, (location, -1));
        return pages;
    }

    private static Task<HttpResponseMessage> PostAsync(AppClient client, HtmlForm form, List<KeyValuePair<string, string?>> fields,
        string field, HostileValue value) =>
        client.Http.PostAsync(form.Action, FormPost.Body(FormPost.With(fields, field, value), form.Multipart));

    // Rows after the first (precautions, items) repeat the first row's fields: they get the sample.
    private static bool IsRepeatedRow(string field) => System.Text.RegularExpressions.Regex.IsMatch(field, @"\[[1-9]\d*\]");

    /// <summary>The form's fields as rendered, with the values a valid post needs where the page leaves them blank.</summary>
    private List<KeyValuePair<string, string?>> Baseline(HtmlForm form, int n)
    {
        var path = HostileWorld.Path(form.Action);
        var fields = form.Fields.Select(f => new KeyValuePair<string, string?>(f.Name, f.Value)).ToList();
        void Set(string name, string value)
        {
            var i = fields.FindIndex(f => f.Key == name);
            if (i >= 0) fields[i] = new(name, value);
        }
        switch (path)
        {
            case "/Patients/New":
                Set("Input.FirstName", "Ada"); Set("Input.LastName", "Baseline"); Set("Input.DateOfBirth", "1960-01-01");
                break;
            case "/Admin/Users/Invite":
                Set("Input.Email", $"invite{n}.{world.ClinicId.ToString("N")[..8]}@test.example"); Set("Input.FullName", "Ivy Invite");
                break;
            case "/Programs/New":
                Set("Input.Title", "Hostile program");
                break;
            case "/Templates/New":
                Set("Input.Title", "Hostile template");
                break;
            case "/Identity/Account/Login" or "/Identity/Account/ForgotPassword":
                // Never the real account: failed sign-ins would lock it.
                Set("Input.Email", "nobody@test.example"); Set("Input.Password", "wrong password");
                break;
        }
        return fields;
    }
}
