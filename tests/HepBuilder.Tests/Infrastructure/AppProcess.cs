using System.Diagnostics;

namespace HepBuilder.Tests.Infrastructure;

/// <summary>
/// The app as an operator runs it: `dotnet HepBuilder.Web.dll [command]` from the test output (which holds the app,
/// its settings and the seed), with the environment given, until it exits. For start-up refusals and commands.
/// </summary>
public static class AppProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(IEnumerable<KeyValuePair<string, string>> environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "HepBuilder.Web.dll"));
        foreach (var arg in args) psi.ArgumentList.Add(arg);
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("HEP_", StringComparison.Ordinal) || k.StartsWith("Hep__", StringComparison.Ordinal)
                     || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
        {
            psi.Environment.Remove(key);
        }
        foreach (var (key, value) in environment) psi.Environment[key] = value;
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet HepBuilder.Web.dll {string.Join(' ', args)} did not exit: {await output}{await error}");
        }
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>The settings HepWebFactory gives, for a database of <paramref name="server"/> (owner and app roles).</summary>
    public static Dictionary<string, string> Settings(string superuserConnectionString) => new()
    {
        ["HEP_DB"] = TestDatabaseServer.As(superuserConnectionString, TestDatabaseServer.AppRole),
        ["HEP_DB_OWNER"] = TestDatabaseServer.As(superuserConnectionString, TestDatabaseServer.OwnerRole),
        ["Hep__PublicBaseUrl"] = HepWebFactory.TestOrigin,
        ["Hep__DataProtection__CertificatePath"] = TestKeyCertificate.Path,
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        ["Logging__LogLevel__Default"] = "Warning",
    };
}
