using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace HepBuilder.Load;

/// <summary>What one simulated clinician knows about their own program: the basis of the reconciliation.</summary>
public sealed class ProgramState
{
    public Guid PatientId { get; set; }
    public Guid ProgramId { get; set; }
    public int LastIssued { get; set; }
    public bool HasDraft { get; set; } = true;
    /// <summary>The instructions of the last save or issue the client saw confirmed; null once a write's fate is unknown.</summary>
    public string? Instructions { get; set; }
    public HashSet<int> ConfirmedIssues { get; } = [];
}

/// <summary>
/// One clinician with their own browser session (cookies and antiforgery token), working on their own patient and
/// program through the real pages, as a browser without JavaScript would: every write is a form post.
/// </summary>
public sealed partial class Clinician(int number, Uri baseUrl, Recorder recorder, int items = 3) : IDisposable
{
    private static readonly string[] Searches = ["bridge", "brige", "hamstring", "plank", "wall sit", "heels", "clam", "band", "knee to chest", "neck"];

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    })
    { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    private readonly Random _random = new(number);
    private string _token = "";
    private List<Guid> _exercises = [];
    private int _edits;
    private bool _troubled;

    public int Number { get; } = number;
    public ProgramState State { get; } = new();

    public async Task<bool> SignInAsync(string email, string password)
    {
        var (outcome, page, _) = await SendAsync("sign-in page", HttpMethod.Get, "/Identity/Account/Login", null, HttpStatusCode.OK);
        if (outcome != Outcome.Ok) return false;
        var (signedIn, _, _) = await SendAsync("sign-in", HttpMethod.Post, "/Identity/Account/Login",
            [new("Input.Email", email), new("Input.Password", password), new("__RequestVerificationToken", Token(page!))], HttpStatusCode.Redirect);
        return signedIn == Outcome.Ok;
    }

    /// <summary>Opens an invite link, chooses a password and is signed in by it.</summary>
    public async Task<bool> AcceptInviteAsync(string link, string password)
    {
        var (outcome, page, _) = await SendAsync("invite page", HttpMethod.Get, link, null, HttpStatusCode.OK);
        if (outcome != Outcome.Ok) return false;
        var (accepted, _, _) = await SendAsync("accept invite", HttpMethod.Post, link,
        [
            new("Input.UserId", Form.Field(page!, "Input.UserId")), new("Input.Code", Form.Field(page!, "Input.Code")),
            new("Input.Password", password), new("Input.ConfirmPassword", password), new("__RequestVerificationToken", Token(page!)),
        ], HttpStatusCode.Redirect);
        return accepted == Outcome.Ok;
    }

    /// <summary>GETs a form page for its token and posts the fields to it: the redirect target on success, else the page shown.</summary>
    public async Task<(string? Location, string? Page)> SubmitAsync(string op, string url, params (string Key, string Value)[] fields)
    {
        if (await PageAsync(op + " page", url) is not { } form) return (null, null);
        _token = Token(form);
        var (outcome, body, location) = await SendAsync(op, HttpMethod.Post, url,
            [.. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)), new("__RequestVerificationToken", _token)], HttpStatusCode.Redirect);
        return outcome == Outcome.Ok ? (location, null) : (null, body);
    }

    public async Task<string?> PageAsync(string op, string url)
    {
        var (outcome, page, _) = await SendAsync(op, HttpMethod.Get, url, null, HttpStatusCode.OK);
        return outcome == Outcome.Ok ? page : null;
    }

    /// <summary>A patient and a draft program with three exercises from the library: the clinician's own work for the run.</summary>
    public async Task<bool> PrepareAsync()
    {
        var (got, form, _) = await SendAsync("new patient page", HttpMethod.Get, "/Patients/New", null, HttpStatusCode.OK);
        if (got != Outcome.Ok) return false;
        _token = Token(form!);
        var patient = await PostAsync("new patient", "/Patients/New", HttpStatusCode.Redirect, "patient.created",
            ("Input.FirstName", "Load"), ("Input.LastName", $"Clinician{Number:D3}"), ("Input.DateOfBirth", "1961-04-02"));
        if (patient.Outcome != Outcome.Ok) return false;
        State.PatientId = Guid.Parse(patient.Location!.Split('/')[2]);
        var program = await PostAsync("new program", $"/Programs/New?patientId={State.PatientId}", HttpStatusCode.Redirect, "program.created",
            ("Input.PatientId", State.PatientId.ToString()), ("Input.Title", $"Load program {Number}"), ("Input.TemplateId", ""));
        if (program.Outcome != Outcome.Ok) return false;
        State.ProgramId = Guid.Parse(program.Location!.Split('/')[2]);
        // Up to 20 library hits are on the page: "bridge" for the usual three, the whole library's first page for more.
        var search = items <= 3 ? "?Library.Q=bridge" : "";
        var (opened, builder, _) = await SendAsync("builder", HttpMethod.Get, $"/Programs/{State.ProgramId}/Edit{search}", null, HttpStatusCode.OK);
        if (opened != Outcome.Refused) recorder.Write("program.viewed", opened == Outcome.Ok);
        if (opened != Outcome.Ok) return false;
        _token = Token(builder!);
        foreach (var exercise in ExerciseIds().Matches(builder!).Select(m => m.Groups[1].Value).Distinct().Take(items).ToList())
        {
            var (added, page, _) = await SendAsync("add exercise", HttpMethod.Post, $"/Programs/{State.ProgramId}/Edit?handler=Add&exerciseId={exercise}",
                Form.Fields(builder!), HttpStatusCode.OK);
            if (added != Outcome.Ok) return false;
            builder = page!;
        }
        return await SaveAsync(builder);
    }

    /// <summary>One step of the workload, picked by the mix's weights.</summary>
    public async Task StepAsync(string mix)
    {
        _troubled = false;
        var roll = _random.Next(100);
        await (mix == "issue" ? (roll < 70 ? IssueAsync() : SaveAsync()) : roll switch
        {
            < 30 => SearchAsync(),
            < 50 => OpenPatientAsync(),
            < 80 => SaveAsync(),
            < 90 => IssueAsync(),
            _ => DownloadAsync(),
        });
        // Someone whose page did not load waits a moment before trying again; without it a down app is hammered in a tight loop.
        if (_troubled) await Task.Delay(250);
    }

    private async Task SearchAsync() =>
        await SendAsync("search", HttpMethod.Get, "/Library?q=" + Uri.EscapeDataString(Searches[_random.Next(Searches.Length)]), null, HttpStatusCode.OK);

    private async Task OpenPatientAsync()
    {
        var (outcome, _, _) = await SendAsync("open patient", HttpMethod.Get, $"/Patients/{State.PatientId}", null, HttpStatusCode.OK);
        if (outcome != Outcome.Refused) recorder.Write("patient.viewed", outcome == Outcome.Ok);
    }

    /// <summary>Opens the builder (for the draft's current stamp) and saves new instructions and doses.</summary>
    private async Task<bool> SaveAsync(string? builder = null)
    {
        if ((builder ?? await OpenBuilderAsync()) is not { } page) return false;
        var instructions = $"Clinician {Number}, edit {++_edits}";
        var (outcome, _) = await PostAsync("save draft", $"/Programs/{State.ProgramId}/Edit?handler=Save", HttpStatusCode.Redirect, "program.saved",
            Edited(page, instructions));
        State.Instructions = outcome == Outcome.Ok ? instructions : null;
        return outcome == Outcome.Ok;
    }

    /// <summary>Issues the draft as the next version, then revises it to have a draft again.</summary>
    private async Task IssueAsync()
    {
        if (await OpenBuilderAsync() is not { } page) return;
        var instructions = $"Clinician {Number}, issued after edit {_edits}";
        var (issued, _) = await PostAsync("issue", $"/Programs/{State.ProgramId}/Edit?handler=Issue", HttpStatusCode.Redirect, "program.issued",
            Edited(page, instructions));
        if (issued != Outcome.Ok)
        {
            await ResyncAsync();
            return;
        }
        State.LastIssued++;
        State.ConfirmedIssues.Add(State.LastIssued);
        State.Instructions = instructions;
        State.HasDraft = false;
        var (revised, _) = await PostAsync("revise", $"/Programs/{State.ProgramId}?handler=Revise", HttpStatusCode.Redirect, "program.revised");
        if (revised == Outcome.Ok) State.HasDraft = true;
        else await ResyncAsync();
    }

    private async Task DownloadAsync()
    {
        if (State.LastIssued == 0) return;
        var n = _random.Next(1, State.LastIssued + 1);
        var (outcome, _, _) = await SendAsync("download handout", HttpMethod.Get, $"/Programs/{State.ProgramId}/versions/{n}/handout.pdf",
            null, HttpStatusCode.OK, bytes => bytes.AsSpan().StartsWith("%PDF"u8));
        if (outcome != Outcome.Refused) recorder.Write("handout.downloaded", outcome == Outcome.Ok);
    }

    /// <summary>The builder page (its form carries the draft's stamp); revises first when there is no draft.</summary>
    private async Task<string?> OpenBuilderAsync()
    {
        if (!State.HasDraft)
        {
            var (revised, _) = await PostAsync("revise", $"/Programs/{State.ProgramId}?handler=Revise", HttpStatusCode.Redirect, "program.revised");
            if (revised != Outcome.Ok) { await ResyncAsync(); return null; }
            State.HasDraft = true;
        }
        var (outcome, page, location) = await SendAsync("builder", HttpMethod.Get, $"/Programs/{State.ProgramId}/Edit", null, HttpStatusCode.OK,
            orElse: HttpStatusCode.Redirect);
        // The builder's view is audited (issue 19); its redirect (no draft) is not.
        if (outcome != Outcome.Refused && location is null) recorder.Write("program.viewed", outcome == Outcome.Ok);
        if (outcome != Outcome.Ok) return null;
        if (location is not null)
        {
            // No draft after all (an issue whose answer was lost did happen): revise next time, as the page suggests.
            State.HasDraft = false;
            return null;
        }
        _token = Token(page!);
        return page;
    }

    /// <summary>After a write whose fate is unknown: what the program's page says now (issued versions, draft or not).</summary>
    private async Task ResyncAsync()
    {
        var (outcome, page, _) = await SendAsync("program page", HttpMethod.Get, $"/Programs/{State.ProgramId}", null, HttpStatusCode.OK);
        if (outcome != Outcome.Refused) recorder.Write("program.viewed", outcome == Outcome.Ok);
        if (outcome != Outcome.Ok) return;
        State.LastIssued = HandoutLinks().Matches(page!).Select(m => int.Parse(m.Groups[1].Value)).DefaultIfEmpty(0).Max();
        State.HasDraft = page!.Contains($"/Programs/{State.ProgramId}/Edit", StringComparison.Ordinal);
    }

    /// <summary>The builder form as the page has it, with new instructions and doses typed in: what a browser would post.</summary>
    private IEnumerable<KeyValuePair<string, string>> Edited(string page, string instructions)
    {
        var fields = Form.Fields(page);
        fields["Input.Instructions"] = instructions;
        foreach (var key in fields.Keys.Where(k => k.EndsWith("].Sets", StringComparison.Ordinal)).ToList()) fields[key] = _random.Next(1, 5).ToString();
        foreach (var key in fields.Keys.Where(k => k.EndsWith("].Reps", StringComparison.Ordinal)).ToList()) fields[key] = _random.Next(5, 16).ToString();
        return fields;
    }

    private Task<(Outcome Outcome, string? Location)> PostAsync(string op, string url, HttpStatusCode expected, string? audited,
        params (string Key, string Value)[] fields) =>
        PostAsync(op, url, expected, audited, fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private async Task<(Outcome Outcome, string? Location)> PostAsync(string op, string url, HttpStatusCode expected, string? audited,
        IEnumerable<KeyValuePair<string, string>> fields)
    {
        var (outcome, _, location) = await SendAsync(op, HttpMethod.Post, url,
            [.. fields.Where(f => f.Key != "__RequestVerificationToken"), new("__RequestVerificationToken", _token)], expected);
        // A 4xx or a refused connection wrote nothing; a 503 or a broken connection leaves the write's fate unknown.
        if (audited is not null && outcome is not (Outcome.Failed or Outcome.Refused)) recorder.Write(audited, outcome == Outcome.Ok);
        return (outcome, location);
    }

    /// <summary>Sends one request, records it, and returns its outcome with the page text (or the redirect target).</summary>
    private async Task<(Outcome Outcome, string? Body, string? Location)> SendAsync(string op, HttpMethod method, string url,
        IEnumerable<KeyValuePair<string, string>>? form, HttpStatusCode expected, Func<byte[], bool>? valid = null, HttpStatusCode? orElse = null)
    {
        var start = recorder.Now;
        try
        {
            using var request = new HttpRequestMessage(method, url) { Content = form is null ? null : new FormUrlEncodedContent(form) };
            using var response = await _http.SendAsync(request);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var status = (int)response.StatusCode;
            var ok = (response.StatusCode == expected && (valid is null || (valid(bytes) && EtagMatches(response, bytes))))
                || response.StatusCode == orElse;
            var outcome = ok ? Outcome.Ok : response.StatusCode == HttpStatusCode.ServiceUnavailable ? Outcome.Unavailable : Outcome.Failed;
            var body = valid is null ? System.Text.Encoding.UTF8.GetString(bytes) : null;
            recorder.Add(new Sample(op, start, recorder.Now, outcome, status,
                outcome == Outcome.Ok ? null : $"{method} {url} → {status} {response.Headers.Location} {Snippet(body)}"));
            _troubled |= outcome != Outcome.Ok;
            return (outcome, body, response.Headers.Location?.OriginalString);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or SocketException)
        {
            // Refused: the request never reached the app, so it cannot have written anything.
            var outcome = e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError, InnerException: SocketException
                { SocketErrorCode: SocketError.ConnectionRefused } } ? Outcome.Refused : Outcome.Transport;
            recorder.Add(new Sample(op, start, recorder.Now, outcome, 0, $"{method} {url} → {e.GetType().Name}: {e.Message}"));
            _troubled = true;
            return (outcome, null, null);
        }
    }

    /// <summary>A handout is served byte for byte as issued: its ETag is the SHA-256 stored at issue.</summary>
    private static bool EtagMatches(HttpResponseMessage response, byte[] bytes) =>
        response.Headers.ETag?.Tag.Trim('"') == Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The page's heading and its first validation message: enough to tell why a request was refused.</summary>
    private static string Snippet(string? body) =>
        body is null ? "" : string.Join(" | ", new[]
        {
            Regex.Match(body, "<h1[^>]*>(.*?)</h1>", RegexOptions.Singleline).Groups[1].Value,
            Regex.Match(body, "(?:field-validation-error|validation-summary-errors)[^>]*>\\s*(?:<ul>\\s*<li>)?([^<]+)").Groups[1].Value,
        }.Select(t => t.Trim()).Where(t => t.Length > 0));

    private static string Token(string html) => Form.Field(html, "__RequestVerificationToken");

    [GeneratedRegex("exerciseId=([0-9a-f-]{36})")]
    private static partial Regex ExerciseIds();

    [GeneratedRegex("/versions/(\\d+)/handout\\.pdf")]
    private static partial Regex HandoutLinks();

    public void Dispose() => _http.Dispose();
}
