using HepBuilder.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace HepBuilder.Web.Infrastructure.Hosting;

/// <summary>The key ring: shared by every instance through PostgreSQL, encrypted by a certificate kept outside it.</summary>
public static class DataProtectionSetup
{
    public static void AddHepDataProtection(this IServiceCollection services, IConfiguration config)
    {
        var builder = services.AddDataProtection().SetApplicationName("HepBuilder").PersistKeysToDbContext<HepDbContext>();
        if (config[HostingChecks.KeyCertificateSetting] is { Length: > 0 } path)
        {
            builder.ProtectKeysWithCertificate(KeyRingCertificate.Load(path, config["Hep:DataProtection:CertificatePassword"]));
        }
    }

    /// <summary>
    /// Before serving: a key ring that exists but cannot be read with this certificate (a wrong or missing file,
    /// a volume not mounted) would make the app create new keys silently, and every protected value — sessions,
    /// patient links, two-factor secrets — would stop working. Refused instead, naming the setting.
    /// </summary>
    public static void CheckKeyRingReadable(IServiceProvider services, IConfiguration config)
    {
        var keys = services.GetRequiredService<IKeyManager>().GetAllKeys();
        if (keys.Count == 0 || keys.Any(Readable)) return;
        var path = config[HostingChecks.KeyCertificateSetting];
        throw new StartupRefusedException("HepBuilder will not start: the Data Protection key ring in the database cannot be "
            + (path is null ? "read without a certificate; set Hep__DataProtection__CertificatePath to the certificate file that encrypted it."
                : $"decrypted with the certificate {path} (Hep__DataProtection__CertificatePath). Restore the certificate that encrypted it."));
    }

    private static bool Readable(IKey key)
    {
        try
        {
            return key.Descriptor is not null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
