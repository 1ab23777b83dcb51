using HepBuilder.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HepBuilder.Tests.Security.Hardening;

/// <summary>Production outside loopback starts only with TLS (or a declared proxy), a public URL and the key-ring certificate.</summary>
[Collection(AppCollection.Name)]
public sealed class StartupRefusalTests(AppFixture app)
{
    [Fact]
    public async Task Production_on_a_public_address_without_tls_settings_refuses_to_start_naming_each_missing_setting()
    {
        var result = await AppProcess.RunAsync([new("ASPNETCORE_ENVIRONMENT", "Production"), new("ASPNETCORE_URLS", "http://0.0.0.0:8080")]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("HepBuilder will not start", result.Error);
        Assert.Contains("Hep__PublicBaseUrl", result.Error);
        Assert.Contains("Hep__TrustedProxies__0", result.Error);
        Assert.Contains("Kestrel__Certificates__Default__Path", result.Error);
        Assert.Contains("Hep__DataProtection__CertificatePath", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task Production_behind_a_declared_proxy_still_needs_an_https_public_url()
    {
        var result = await AppProcess.RunAsync([new("ASPNETCORE_ENVIRONMENT", "Production"), new("ASPNETCORE_URLS", "http://+:8080"),
            new("Hep__PublicBaseUrl", "http://hep.example.org"), new("Hep__TrustedProxies__0", "172.28.0.0/24"),
            new("Hep__DataProtection__CertificatePath", TestKeyCertificate.Path)]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("must start with https://", result.Error);
        Assert.DoesNotContain("Hep__TrustedProxies__0", result.Error);
        Assert.DoesNotContain("CertificatePath", result.Error);
    }

    [Fact]
    public void Production_behind_a_declared_proxy_with_an_https_public_url_starts_and_so_does_loopback()
    {
        using (var proxied = Production(("urls", "http://+:8080"), ("Hep:PublicBaseUrl", "https://hep.example.org"), ("Hep:TrustedProxies:0", "172.28.0.0/24")))
        {
            Assert.NotNull(proxied.Server);
        }
        // scripts/run: plain HTTP, but on 127.0.0.1 only.
        using var local = Production(("urls", "http://127.0.0.1:5080"), ("Hep:PublicBaseUrl", "http://127.0.0.1:5080"));
        Assert.NotNull(local.Server);
    }

    private WebApplicationFactory<HepBuilder.Web.WebApp> Production(params (string Key, string Value)[] settings) =>
        app.Factory.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            foreach (var (key, value) in settings) b.UseSetting(key, value);
        });
}
