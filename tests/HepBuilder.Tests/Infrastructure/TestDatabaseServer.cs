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

    public static async Task<TestDatabaseServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("HEP_TEST_DB") is { Length: > 0 } given)
        {
            return new TestDatabaseServer(given, null);
        }
        if (DockerEngineAnswers())
        {
            var container = new PostgreSqlBuilder("postgres:16-alpine").Build();
            await container.StartAsync();
            return new TestDatabaseServer(container.GetConnectionString(), container);
        }
        var local = await LocalPostgres.StartAsync();
        return new TestDatabaseServer(local.ConnectionString, local);
    }

    /// <summary>A connection string to a database of that name on this server (created by the app's start-up).</summary>
    public string ForDatabase(string name) =>
        new Npgsql.NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;

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
