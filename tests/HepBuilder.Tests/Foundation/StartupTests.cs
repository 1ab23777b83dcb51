using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HepBuilder.Tests.Foundation;

/// <summary>Each test starts its own app against its own empty database, as a first run on a fresh machine does.</summary>
[Collection(AppCollection.Name)]
public sealed class StartupTests(AppFixture app)
{
    [Fact]
    public async Task First_start_migrates_an_empty_database_seeds_and_creates_the_first_admin()
    {
        await using var factory = new HepWebFactory(app.Server.ForDatabase("hep_fresh_" + Guid.NewGuid().ToString("N")[..8]));
        using var client = factory.CreateClient();

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HepBuilder.Data.HepDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        var clinic = Assert.Single(await db.Clinics.ToListAsync());
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = await users.FindByEmailAsync("first.admin@test.example");
        Assert.NotNull(admin);
        Assert.Equal(clinic.Id, admin.ClinicId);
        Assert.True(await users.IsInRoleAsync(admin, Roles.Admin));
        Assert.True(await users.CheckPasswordAsync(admin, HepWebFactory.AdminPassword));
        Assert.True(await db.Exercises.IgnoreQueryFilters().AnyAsync(e => e.ClinicId == null));
    }

    [Fact]
    public async Task Health_is_ok_when_the_database_answers()
    {
        using var client = app.Factory.CreateClient();
        var response = await client.GetAsync("/healthz");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_is_503_with_a_reason_when_the_database_is_unreachable()
    {
        // The app refuses to start without its database, so the health check is probed directly.
        var check = new HepBuilder.Web.Infrastructure.Health.DatabaseHealthCheck(
            new PooledFactory("Host=127.0.0.1;Port=1;Database=nothing;Username=x;Password=y;Timeout=2"),
            new HepBuilder.Web.Infrastructure.Health.HealthCache(TimeProvider.System));
        var result = await check.CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext());
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, result.Status);
        Assert.Contains("database unreachable", result.Description);
    }

    private sealed class PooledFactory(string cs) : IDbContextFactory<HepBuilder.Data.HepDbContext>
    {
        public HepBuilder.Data.HepDbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<HepBuilder.Data.HepDbContext>();
            HepBuilder.Data.HepDbOptions.Configure(options, cs);
            return new HepBuilder.Data.HepDbContext(options.Options);
        }
    }
}
