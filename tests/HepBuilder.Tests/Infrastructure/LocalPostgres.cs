using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace HepBuilder.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster from the machine's server binaries: a temp folder, a free loopback port, removed at
/// the end. Used when neither HEP_TEST_DB nor a Docker engine is available. initdb and pg_ctl refuse to run as root,
/// so as root they run as the 'postgres' user.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _dir;

    public int Port { get; }
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Include Error Detail=true";

    private LocalPostgres(string bin, string dir, int port)
    {
        _bin = bin;
        _dir = dir;
        Port = port;
    }

    public static async Task<LocalPostgres> StartAsync()
    {
        var bin = FindBinaries();
        var dir = Path.Combine(Path.GetTempPath(), "hep-test-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        if (IsRoot) await RunAsync("chown", $"postgres:postgres {dir}");
        await RunAsOwnerAsync(Path.Combine(bin, "initdb"), $"-D {dir} -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync");
        var port = FreePort();
        var cluster = new LocalPostgres(bin, dir, port);
        await cluster.RestartAsync();
        await TestDatabaseServer.CreateRolesAsync(cluster.ConnectionString);
        return cluster;
    }

    public async ValueTask DisposeAsync()
    {
        try { await RunAsOwnerAsync(Path.Combine(_bin, "pg_ctl"), $"-D {_dir} -m immediate -w stop"); }
        finally { Directory.Delete(_dir, recursive: true); }
    }

    public Task StopAsync() => RunAsOwnerAsync(Path.Combine(_bin, "pg_ctl"), $"-D {_dir} -m fast -w stop");

    /// <summary>Starts the (stopped) cluster again on its port, with the same options as the first start.</summary>
    public Task RestartAsync()
    {
        // Durability is irrelevant for a throwaway test database; turning it off makes the suite much faster.
        var serverOptions = $"-p {Port} -c listen_addresses=127.0.0.1 -k {_dir} -c fsync=off -c synchronous_commit=off " +
                            "-c full_page_writes=off -c max_connections=200";
        return RunAsOwnerAsync(Path.Combine(_bin, "pg_ctl"), $"-D {_dir} -l {_dir}/server.log -w -t 60 -o \"{serverOptions}\" start");
    }

    private static string FindBinaries()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(p => Path.Combine(p, "initdb")).FirstOrDefault(File.Exists);
        if (onPath is not null)
        {
            return Path.GetDirectoryName(new FileInfo(onPath).ResolveLinkTarget(true)?.FullName ?? onPath)!;
        }
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderByDescending(d => d).FirstOrDefault()
            : null;
        return debian ?? throw new InvalidOperationException(
            "No PostgreSQL for the tests: set HEP_TEST_DB, start a Docker engine, or install PostgreSQL " +
            "(scripts/test installs Debian's postgresql package when run as root).");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static Task RunAsOwnerAsync(string file, string args) =>
        IsRoot ? RunAsync("runuser", $"-u postgres -- {file} {args}") : RunAsync(file, args);

    private static async Task RunAsync(string file, string args)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {args} failed ({process.ExitCode}): {await stderr}{await stdout}");
        }
    }
}
