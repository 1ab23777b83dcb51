using System.Net;
using System.Security.Cryptography;
using HepBuilder.Tests.Infrastructure;
using HepBuilder.Tests.Pages.Programs;
using Microsoft.EntityFrameworkCore;
using static HepBuilder.Tests.Pages.Programs.ProgramKit;

namespace HepBuilder.Tests.Pages.PatientView;

public sealed class PatientLinkTests(AppFixture app) : AppTest(app)
{
    private readonly PatientViewKit _kit = new(app);

    [Fact]
    public async Task Issued_program_link_opens_without_sign_in_and_shows_only_what_the_handout_shows()
    {
        var issued = await _kit.IssuedAsync("Bridge", "Bird-dog");
        using var phone = _kit.Phone();

        var response = await phone.GetAsync($"/p/{issued.Token}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Text(html);
        Assert.Contains("Hello Ada", text);
        Assert.Contains("Bridge", text);
        Assert.Contains("Bird-dog", text);
        Assert.Contains("Do it 10 times. Hold each one for 5 seconds. Rest 10 seconds between each one.", text);
        Assert.Contains("555-0142", text);
        Assert.Contains("<svg", html);
        Assert.DoesNotContain("Okafor", text);
        Assert.DoesNotContain("1961", text);
        Assert.Equal("noindex, nofollow", response.Headers.GetValues("X-Robots-Tag").Single());
        Assert.Contains("<meta name=\"robots\" content=\"noindex, nofollow\" />", html);
        Assert.Contains("<meta name=\"referrer\" content=\"no-referrer\" />", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", ""));
        Assert.DoesNotContain("https://", html);

        Assert.Equal(22, issued.Token.Length);
        var hash = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(issued.Token)));
        var link = await App.WithDbAsync(db => db.PatientLinks.SingleAsync(), issued.Clinic.Id);
        Assert.Equal(hash, link.TokenHash);
        Assert.DoesNotContain(issued.Token, link.ProtectedToken);
        var created = await App.WithDbAsync(db => db.AuditEvents.SingleAsync(a => a.Action == "patient_link.created"), issued.Clinic.Id);
        Assert.Equal(issued.Clinic.PatientId, created.PatientId);
        Assert.DoesNotContain(issued.Token, created.Details);
    }

    [Fact]
    public async Task A_link_stays_open_for_the_clinics_chosen_period_from_the_next_issue()
    {
        var issued = await _kit.IssuedAsync("Bridge");
        var first = await App.WithDbAsync(db => db.PatientLinks.SingleAsync(), issued.Clinic.Id);
        Assert.Equal(180, (first.ExpiresAt - first.LastIssuedAt).TotalDays, 3);

        await App.WithDbAsync(db => db.Clinics.Where(c => c.Id == issued.Clinic.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.PatientLinkDays, 30)));
        var revise = await issued.Clinician.PostFormAsync($"/Programs/{issued.ProgramId}", [], $"/Programs/{issued.ProgramId}?handler=Revise");
        Assert.Equal(HttpStatusCode.Redirect, revise.StatusCode);
        var html = await _kit.Programs.AddAsync(issued.Clinician, issued.ProgramId, await issued.Clinician.GetPageAsync(EditUrl(issued.ProgramId)), "Bird-dog");
        Assert.Equal(HttpStatusCode.Redirect, (await IssueAsync(issued.Clinician, issued.ProgramId, html)).StatusCode);

        var link = await App.WithDbAsync(db => db.PatientLinks.SingleAsync(), issued.Clinic.Id);
        Assert.Equal(first.Id, link.Id);
        Assert.Equal(30, (link.ExpiresAt - link.LastIssuedAt).TotalDays, 3);
        Assert.Contains("30 days after the last issue", await issued.Clinician.GetPageAsync($"/Programs/{issued.ProgramId}"));
    }

    [Fact]
    public async Task Handout_QR_code_encodes_the_patient_link_of_that_version()
    {
        var issued = await _kit.IssuedAsync("Bridge");
        var pdf = await App.WithDbAsync(db => db.ProgramVersions.Where(v => v.ProgramId == issued.ProgramId).Select(v => v.HandoutPdf!).SingleAsync(), issued.Clinic.Id);

        var url = $"http://localhost/p/{issued.Token}?v=1";
        Assert.True(QrInPdf.Encodes(pdf, url), "The handout's QR code does not encode the patient link.");
        Assert.False(QrInPdf.Encodes(pdf, $"http://localhost/p/{issued.Token}?v=2"));
        using var phone = _kit.Phone();
        Assert.Contains("Hello Ada", await phone.GetPageAsync(new Uri(url).PathAndQuery));

        // The address printed under the code, typed as printed (a browser adds the scheme), opens the same page.
        var page1 = PdfWords.Pages(pdf)[0];
        var typed = System.Text.RegularExpressions.Regex.Match(page1, @"Scan or type this address: (\S+)").Groups[1].Value;
        Assert.Equal($"localhost/p/{issued.Token}", typed);
        Assert.Contains("Hello Ada", await phone.GetPageAsync(new Uri("http://" + typed).PathAndQuery));
    }

    [Fact]
    public async Task Reissued_program_keeps_its_link_and_an_older_handout_says_it_was_updated()
    {
        var issued = await _kit.IssuedAsync("Bridge");
        var revise = await issued.Clinician.PostFormAsync($"/Programs/{issued.ProgramId}", [], $"/Programs/{issued.ProgramId}?handler=Revise");
        Assert.Equal(HttpStatusCode.Redirect, revise.StatusCode);
        var html = await _kit.Programs.AddAsync(issued.Clinician, issued.ProgramId, await issued.Clinician.GetPageAsync(EditUrl(issued.ProgramId)), "Bird-dog");
        Assert.Equal(HttpStatusCode.Redirect, (await IssueAsync(issued.Clinician, issued.ProgramId, html)).StatusCode);

        Assert.Equal(issued.Token, await _kit.TokenAsync(issued.ProgramId));
        Assert.Equal(1, await App.WithDbAsync(db => db.PatientLinks.CountAsync(), issued.Clinic.Id));
        using var phone = _kit.Phone();
        var old = Text(await phone.GetPageAsync($"/p/{issued.Token}?v=1"));
        Assert.Contains($"This program was updated on {DateTime.UtcNow:d MMMM yyyy}", old);
        Assert.Contains("Bird-dog", old);
        var current = Text(await phone.GetPageAsync($"/p/{issued.Token}?v=2"));
        Assert.DoesNotContain("updated on", current);
        Assert.Contains("Bird-dog", current);
    }

    [Fact]
    public async Task Revoked_link_says_it_is_no_longer_active_with_the_clinic_phone_and_a_new_link_works()
    {
        var issued = await _kit.IssuedAsync();
        var revoke = await issued.Clinician.PostFormAsync($"/Programs/{issued.ProgramId}", [], $"/Programs/{issued.ProgramId}/patient-link?handler=Revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);

        using var phone = _kit.Phone();
        var locked = await phone.GetAsync($"/p/{issued.Token}");
        Assert.Equal(HttpStatusCode.NotFound, locked.StatusCode);
        var text = Text(await locked.Content.ReadAsStringAsync());
        Assert.Contains("This link is no longer active", text);
        Assert.Contains("555-0142", text);
        Assert.DoesNotContain("Bridge", text);
        Assert.DoesNotContain("Ada", text);
        Assert.True(await App.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "patient_link.revoked"), issued.Clinic.Id));
        Assert.Contains("Create a new link", await issued.Clinician.GetPageAsync($"/Programs/{issued.ProgramId}"));

        var renew = await issued.Clinician.PostFormAsync($"/Programs/{issued.ProgramId}", [], $"/Programs/{issued.ProgramId}/patient-link?handler=New");
        Assert.Equal(HttpStatusCode.Redirect, renew.StatusCode);
        var fresh = await _kit.TokenAsync(issued.ProgramId);
        Assert.NotEqual(issued.Token, fresh);
        Assert.Contains("Hello Ada", await phone.GetPageAsync($"/p/{fresh}"));
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync($"/p/{issued.Token}")).StatusCode);
        Assert.Contains($"/p/{fresh}", await issued.Clinician.GetPageAsync($"/Programs/{issued.ProgramId}"));
    }

    [Fact]
    public async Task Without_a_clinic_phone_the_patient_pages_read_right()
    {
        var issued = await _kit.IssuedAsync();
        await App.WithDbAsync(db => db.Clinics.Where(c => c.Id == issued.Clinic.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Phone, (string?)null)));
        using var phone = _kit.Phone();

        var open = Text(await phone.GetPageAsync($"/p/{issued.Token}"));
        Assert.DoesNotContain("Questions? Call", open);
        Assert.DoesNotMatch(@"call\s*\.", open);

        await issued.Clinician.PostFormAsync($"/Programs/{issued.ProgramId}", [], $"/Programs/{issued.ProgramId}/patient-link?handler=Revoke");
        var locked = Text(await (await phone.GetAsync($"/p/{issued.Token}")).Content.ReadAsStringAsync());
        Assert.Matches(@"Please call [^.]+ for your current exercises\.", locked);
        Assert.DoesNotContain(" at  ", locked);
        Assert.DoesNotMatch(@"call\s+at\s+for", locked);
    }

    [Fact]
    public async Task Expired_link_says_it_is_no_longer_active_and_takes_no_entries()
    {
        var issued = await _kit.IssuedAsync();
        using var phone = _kit.Phone();
        var form = await phone.GetPageAsync($"/p/{issued.Token}");
        await App.WithDbAsync(db => db.PatientLinks.IgnoreQueryFilters()
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));

        var response = await phone.GetAsync($"/p/{issued.Token}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This link is no longer active", Text(await response.Content.ReadAsStringAsync()));
        var post = await phone.PostAsync($"/p/{issued.Token}", [new("__RequestVerificationToken", AppClient.AntiforgeryToken(form)),
            new("Input.Day", PatientViewKit.Today.ToString("yyyy-MM-dd")), new("Input.Pain", "3")]);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Empty(await _kit.EntriesAsync(issued.Clinic.Id, issued.ProgramId));
    }

    [Fact]
    public async Task Patient_link_pages_send_no_referrer_and_other_pages_keep_same_origin()
    {
        var issued = await _kit.IssuedAsync();
        using var phone = _kit.Phone();

        foreach (var path in new[] { $"/p/{issued.Token}", $"/p/{issued.Token}?v=1", "/p/AAAAAAAAAAAAAAAAAAAAAA", "/p/short" })
        {
            var response = await phone.GetAsync(path);
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        }
        var saved = await PatientViewKit.PostEntryAsync(phone, issued.Token, f => PatientViewKit.Set(f, "Input.Pain", "2"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("no-referrer", Assert.Single(saved.Headers.GetValues("Referrer-Policy")));

        var signIn = await phone.GetAsync("/Identity/Account/Login");
        Assert.Equal("same-origin", Assert.Single(signIn.Headers.GetValues("Referrer-Policy")));
        var program = await issued.Clinician.GetAsync($"/Programs/{issued.ProgramId}");
        Assert.Equal("same-origin", Assert.Single(program.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Unknown_and_malformed_tokens_get_the_same_404_page()
    {
        await _kit.IssuedAsync();
        using var phone = _kit.Phone();
        var bodies = new List<string>();
        foreach (var token in new[] { "AAAAAAAAAAAAAAAAAAAAAA", "zzzzzzzzzzzzzzzzzzzzzz", "short", "<script>" })
        {
            var response = await phone.GetAsync($"/p/{Uri.EscapeDataString(token)}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }
        Assert.Single(bodies.Distinct());
        Assert.Contains("Page not found", bodies[0]);
    }

    [Fact]
    public async Task Patient_link_requests_from_one_address_are_rate_limited()
    {
        var issued = await _kit.IssuedAsync();
        using var phone = _kit.ClientWith("RateLimits:PatientLinkRequestsPerMinutePerIp", "3", out var owner);
        using (owner)
        {
            var statuses = new List<HttpStatusCode>();
            foreach (var token in new[] { "AAAAAAAAAAAAAAAAAAAAAA", "BBBBBBBBBBBBBBBBBBBBBB", "CCCCCCCCCCCCCCCCCCCCCC", issued.Token })
            {
                statuses.Add((await phone.GetAsync($"/p/{token}")).StatusCode);
            }
            Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
        }
    }
}
