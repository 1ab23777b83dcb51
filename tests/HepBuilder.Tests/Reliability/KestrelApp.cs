using System.Net;
using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HepBuilder.Tests.Reliability;

/// <summary>One app instance as a real Kestrel server on a free loopback port, against the given database.</summary>
public sealed class KestrelApp : IAsyncDisposable
{
    public HepWebFactory Factory { get; }
    public Uri BaseUrl { get; }

    private KestrelApp(HepWebFactory factory, Uri baseUrl)
    {
        Factory = factory;
        BaseUrl = baseUrl;
    }

    public static KestrelApp Start(string connectionString, IEnumerable<KeyValuePair<string, string>>? settings = null)
    {
        // The port is chosen first: the public base URL (every absolute link, and host filtering) must name it.
        var port = LocalPostgres.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var factory = new HepWebFactory(connectionString, baseUrl, settings);
        factory.UseKestrel(port);
        factory.StartServer();
        return new KestrelApp(factory, new Uri(baseUrl));
    }

    /// <summary>
    /// A browser-like client of this instance. Clients made from one <paramref name="cookies"/> share their cookies,
    /// as one browser behind a load balancer would (cookies are per host, not per port).
    /// </summary>
    public AppClient Client(CookieContainer cookies) =>
        new(new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = BaseUrl });

    public TestData Data => new(Factory.Services);

    public async Task<Guid> PatientAsync(Guid clinicId, string lastName)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HepBuilder.Data.HepDbContext>();
        db.CurrentClinicId = clinicId;
        var patient = new Patient { ClinicId = clinicId, FirstName = "Ada", LastName = lastName, DateOfBirth = new DateOnly(1961, 4, 2) };
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        return patient.Id;
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
