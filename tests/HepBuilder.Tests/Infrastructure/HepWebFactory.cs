using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace HepBuilder.Tests.Infrastructure;

/// <summary>
/// The app under test, configured as scripts/run configures it: the owner role migrates, the app role serves
/// (<paramref name="connectionString"/> is a superuser's; the roles come from <see cref="TestDatabaseServer"/>), links
/// come from <paramref name="publicBaseUrl"/>, and the key ring is encrypted with the test certificate.
/// </summary>
public sealed class HepWebFactory(string connectionString, string publicBaseUrl = HepWebFactory.TestOrigin,
    IEnumerable<KeyValuePair<string, string>>? settings = null)
    : WebApplicationFactory<HepBuilder.Web.WebApp>
{
    public const string AdminPassword = "first-admin-password-for-tests";

    /// <summary>The host TestServer's clients send.</summary>
    public const string TestOrigin = "http://localhost";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development is the environment in which the test host serves the app's static web assets (CSS, scripts,
        // Identity UI's files) for the browser tests; the app shows no developer pages in any environment.
        builder.UseEnvironment("Development");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "None");
        builder.UseSetting("HEP_DB", TestDatabaseServer.As(connectionString, TestDatabaseServer.AppRole));
        builder.UseSetting("HEP_DB_OWNER", TestDatabaseServer.As(connectionString, TestDatabaseServer.OwnerRole));
        builder.UseSetting("Hep:PublicBaseUrl", publicBaseUrl);
        builder.UseSetting("Hep:DataProtection:CertificatePath", TestKeyCertificate.Path);
        builder.UseSetting("HEP_ADMIN_EMAIL", "first.admin@test.example");
        builder.UseSetting("HEP_ADMIN_PASSWORD", AdminPassword);
        // Every test client shares one (absent) address; the limits themselves are tested with their own app.
        builder.UseSetting("RateLimits:AccountPostsPerMinutePerIp", "100000");
        builder.UseSetting("RateLimits:HandoutsPerMinutePerUser", "100000");
        builder.UseSetting("RateLimits:ThumbnailsPerMinutePerUser", "100000");
        builder.UseSetting("RateLimits:HealthChecksPerMinutePerIp", "100000");
        builder.UseSetting("RateLimits:PatientLinkRequestsPerMinutePerIp", "100000");
        foreach (var (key, value) in settings ?? []) builder.UseSetting(key, value);
        // Counts SQL commands only for requests marked with its header (Performance/SqlCountTests).
        builder.ConfigureTestServices(Performance.SqlCommandCounter.Register);
    }
}
