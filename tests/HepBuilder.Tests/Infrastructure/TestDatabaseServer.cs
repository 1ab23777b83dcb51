using System.Diagnostics;
using Testcontainers.PostgreSql;

namespace HepBuilder.Tests.Infrastructure;

/// <summary>
/// Where the tests' PostgreSQL comes from, in order: HEP_TEST_DB (a server connection string), a Testcontainers
/// container when a Docker engine answers, or a throwaway local cluster.
/// </summary>
public sealed class TestDatabaseServer : IAsyncDisposable
{
    private readonly IAsyncDisposable? _owned;

    public string ServerConnectionString { get; }
    public LocalPostgres? Local => _owned as LocalPostgres;

    private TestDatabaseServer(string cs, IAsyncDisposable? owned)
    {
        ServerConnectionString = cs;
        _owned = owned;
    }

    /// <summary>The two roles the app runs with, as scripts/run and docker compose create them (DatabaseRoles).</summary>
    public const string OwnerRole = "hep_test_owner";
    public const string AppRole = "hep_test_app";

    public static async Task<TestDatabaseServer> StartAsync()
    {
        TestDatabaseServer server;
        if (Environment.GetEnvironmentVariable("HEP_TEST_DB") is { Length: > 0 } given)
        {
            server = new TestDatabaseServer(given, null);
        }
        else if (DockerEngineAnswers())
        {
            var container = new PostgreSqlBuilder("postgres:16-alpine").Build();
            await container.StartAsync();
            server = new TestDatabaseServer(container.GetConnectionString(), container);
        }
        else
        {
            var local = await LocalPostgres.StartAsync();
            server = new TestDatabaseServer(local.ConnectionString, local);
        }
        await CreateRolesAsync(server.ServerConnectionString);
        return server;
    }

    /// <summary>A superuser connection string to a database of that name on this server (created by the app's start-up).</summary>
    public string ForDatabase(string name) =>
        new Npgsql.NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;

    /// <summary><paramref name="connectionString"/> with another role; the roles share the superuser's password.</summary>
    public static string As(string connectionString, string role) =>
        new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Username = role }.ConnectionString;

    /// <summary>Idempotent, and safe when several fixtures share one server (HEP_TEST_DB).</summary>
    public static async Task CreateRolesAsync(string superuserConnectionString)
    {
        var password = new Npgsql.NpgsqlConnectionStringBuilder(superuserConnectionString).Password ?? "";
        await using var connection = new Npgsql.NpgsqlConnection(superuserConnectionString);
        await connection.OpenAsync();
        foreach (var (role, rights) in new[] { (OwnerRole, "LOGIN CREATEDB"), (AppRole, "LOGIN") })
        {
            await using var exists = new Npgsql.NpgsqlCommand("SELECT 1 FROM pg_roles WHERE rolname = @r", connection);
            exists.Parameters.AddWithValue("r", role);
            if (await exists.ExecuteScalarAsync() is not null) continue;
            try
            {
                await using var create = new Npgsql.NpgsqlCommand($"CREATE ROLE {role} {rights} PASSWORD '{password.Replace("'", "''")}'", connection);
                await create.ExecuteNonQueryAsync();
            }
            catch (Npgsql.PostgresException e) when (e.SqlState is Npgsql.PostgresErrorCodes.DuplicateObject or Npgsql.PostgresErrorCodes.UniqueViolation)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_owned is not null) await _owned.DisposeAsync();
    }

    private static bool DockerEngineAnswers()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("docker", "info")
            { RedirectStandardOutput = true, RedirectStandardError = true });
            if (p is null) return false;
            if (!p.WaitForExit(5000)) { p.Kill(); return false; }
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
