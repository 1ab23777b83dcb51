using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HepBuilder.Web.Infrastructure.Hosting;

/// <summary>
/// The certificate that encrypts the Data Protection key ring stored in PostgreSQL. It lives outside the database
/// (a file named by Hep:DataProtection:CertificatePath), so a copy of the database alone cannot decrypt session
/// cookies, patient-link tokens or the two-factor secrets protected with those keys.
/// </summary>
public static class KeyRingCertificate
{
    public const string Command = "create-key-certificate";

    public static X509Certificate2 Load(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new StartupRefusedException($"HepBuilder will not start: the key-ring certificate {path} "
                + $"(Hep__DataProtection__CertificatePath) does not exist. Restore it from your backup, or on a first run "
                + $"create one with: dotnet HepBuilder.Web.dll {Command} {path}");
        }
        return X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
    }

    /// <summary>Writes a new self-signed RSA certificate with its private key (PKCS#12, readable by its owner only).</summary>
    public static int Create(string path)
    {
        if (File.Exists(path))
        {
            Console.Error.WriteLine($"{path} already exists; it was left as it is.");
            return 1;
        }
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=HepBuilder key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(100));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            file.Write(certificate.Export(X509ContentType.Pfx));
        }
        Console.WriteLine($"Created {path}. Back it up apart from the database backups: without it the key ring cannot be read.");
        return 0;
    }
}
