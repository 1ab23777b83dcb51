using HepBuilder.Web.Infrastructure.Hosting;

namespace HepBuilder.Tests.Infrastructure;

/// <summary>
/// One key-ring certificate for the whole test run, made by the app's own command, so every app instance (two
/// instances on one database, a restored backup) reads the same key ring, as a deployment's instances would.
/// </summary>
public static class TestKeyCertificate
{
    private static readonly Lazy<string> Created = new(() =>
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"hep-test-keyring-{Environment.ProcessId}-{Guid.NewGuid():N}.pfx");
        if (KeyRingCertificate.Create(path) != 0) throw new InvalidOperationException("Could not create " + path);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    });

    public static string Path => Created.Value;
}
