using System.Diagnostics;
using System.Net;
using HepBuilder.Tests.Infrastructure;
using HepBuilder.Web.Infrastructure.Health;
using Npgsql;

namespace HepBuilder.Tests.Reliability;

/// <summary>
/// PostgreSQL stopped under a running app: every request gets the plain 503 page with a reference (never a hang, a
/// stack trace or an empty 500), and the app serves again by itself once the database is back. Needs a cluster of
/// its own to stop, so it always uses a throwaway local one. The bounds here only tell "answered" from "hung" (well
/// under Npgsql's 15 s connect and 30 s command timeouts) so a loaded CI machine cannot fail it; the 2 s and 5 s
/// budgets are measured under load by scripts/load db-fault (bench/README.md).
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private LocalPostgres _pg = null!;
    private KestrelApp _app = null!;

    public async Task InitializeAsync()
    {
        _pg = await LocalPostgres.StartAsync();
        _app = KestrelApp.Start(new NpgsqlConnectionStringBuilder(_pg.ConnectionString) { Database = "hep_outage" }.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _pg.DisposeAsync();
    }

    [Fact]
    public async Task Database_outage_answers_503_with_a_reference_at_once_and_the_app_recovers_by_itself()
    {
        var (clinicId, admin) = await _app.Data.ClinicAsync("Harbour Spine");
        var patientId = await _app.PatientAsync(clinicId, "Okafor");
        using var client = _app.Client(new CookieContainer());
        await client.SignInAsync(admin.Email, admin.Password);
        var form = await client.GetPageAsync($"/Programs/New?patientId={patientId}");
        string[] urls = ["/Patients", $"/Patients/{patientId}", "/Library?q=bridge", "/Admin/Audit"];
        foreach (var url in urls) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);

        await _pg.StopAsync();
        var post = client.PostAsync($"/Programs/New?patientId={patientId}",
            [new("Input.PatientId", patientId.ToString()), new("Input.Title", "Back program"),
             new("__RequestVerificationToken", AppClient.AntiforgeryToken(form))]);
        foreach (var request in urls.Select(client.GetAsync).Append(post))
        {
            var clock = Stopwatch.StartNew();
            var response = await request;
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"503 took {clock.Elapsed.TotalMilliseconds:F0} ms");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("5", response.Headers.RetryAfter?.ToString());
            Assert.Contains("Temporarily unavailable", html);
            Assert.Matches("reference: <code>[0-9a-f-]{20,}</code>", html);
            Assert.DoesNotContain("Npgsql", html);
            Assert.DoesNotContain("Exception", html);
            Assert.DoesNotContain("   at ", html);
        }

        await _pg.RestartAsync();
        var back = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            status = (await client.GetAsync($"/Patients/{patientId}")).StatusCode;
            if (status != HttpStatusCode.OK) await Task.Delay(100);
        } while (status != HttpStatusCode.OK && back.Elapsed < TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var url in urls) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }

    [Theory]
    [InlineData("Host=db;Database=hep", "5")]
    [InlineData("Host=db;Database=hep;Timeout=9", "9")]
    public void Connect_timeout_defaults_to_5_s_unless_the_connection_string_sets_one(string given, string expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(DatabaseOutage.WithConnectTimeout(given)).Timeout.ToString());

    [Fact]
    public void Only_unreachable_database_errors_count_as_an_outage()
    {
        Assert.True(DatabaseOutage.IsOutage(new InvalidOperationException("wrapped",
            new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111)))));
        Assert.True(DatabaseOutage.IsOutage(new NpgsqlException("pool exhausted", new TimeoutException())));
        Assert.False(DatabaseOutage.IsOutage(new InvalidOperationException("a bug")));
        Assert.False(DatabaseOutage.IsOutage(null));
    }
}
