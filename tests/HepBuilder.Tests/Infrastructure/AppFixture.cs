using HepBuilder.Data;
using HepBuilder.Web.Infrastructure.Startup;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Respawn;
using Respawn.Graph;

namespace HepBuilder.Tests.Infrastructure;

/// <summary>
/// Owns one real PostgreSQL database and the app under test. The app migrates and seeds it at start, exactly as
/// scripts/run does; <see cref="ResetAsync"/> empties it between tests and seeds it again.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    private Respawner? _respawner;

    public TestDatabaseServer Server { get; private set; } = null!;
    public HepWebFactory Factory { get; private set; } = null!;
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Server = await TestDatabaseServer.StartAsync();
        ConnectionString = Server.ForDatabase("hep_test_" + Guid.NewGuid().ToString("N")[..10]);
        Factory = new HepWebFactory(ConnectionString);
        _ = Factory.Server; // starts the app: migrations, seed, first-run bootstrap
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = [new Table("__ef_migrations_history"), new Table("data_protection_keys")],
        });
    }

    public async Task ResetAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            // The audit table refuses TRUNCATE (its trigger); a superuser's replica mode skips triggers for the reset.
            await using (var replica = new NpgsqlCommand("SET session_replication_role = replica", connection)) await replica.ExecuteNonQueryAsync();
            await _respawner!.ResetAsync(connection);
        }
        await using var scope = Factory.Services.CreateAsyncScope();
        await DatabaseStartup.SeedAsync(scope.ServiceProvider, Factory.Services.GetRequiredService<IWebHostEnvironment>());
    }

    public AppClient Client() => new(Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

    public TestData Data => new(Factory.Services);

    public async Task<T> WithDbAsync<T>(Func<HepDbContext, Task<T>> work, Guid? clinicId = null)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HepDbContext>();
        db.CurrentClinicId = clinicId ?? Guid.Empty;
        return await work(db);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}

/// <summary>Base for HTTP tests: a clean, seeded database before every test.</summary>
[Collection(AppCollection.Name)]
public abstract class AppTest(AppFixture app) : IAsyncLifetime
{
    protected AppFixture App { get; } = app;

    public Task InitializeAsync() => App.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
