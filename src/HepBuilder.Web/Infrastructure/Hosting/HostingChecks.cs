using System.Net;

namespace HepBuilder.Web.Infrastructure.Hosting;

/// <summary>
/// What must be configured before the app serves anyone: a public base URL always; outside Development and beyond
/// loopback, TLS (a certificate for Kestrel, or a declared TLS-terminating proxy) and a key file for the Data
/// Protection key ring. The app refuses to start, naming every missing setting, rather than run half-protected.
/// </summary>
public static class HostingChecks
{
    public const string TrustedProxiesSetting = "Hep:TrustedProxies";
    public const string KeyCertificateSetting = "Hep:DataProtection:CertificatePath";

    public static PublicOrigin Validate(IConfiguration config, IHostEnvironment env)
    {
        var problems = new List<string>();
        var origin = PublicOrigin.From(config, out var originProblem);
        if (originProblem is not null) problems.Add(originProblem);

        if (!env.IsDevelopment())
        {
            if (string.IsNullOrWhiteSpace(config[KeyCertificateSetting]))
            {
                problems.Add("Hep__DataProtection__CertificatePath (a certificate file that encrypts the key ring; "
                    + "scripts/run and docker compose create one) is not set");
            }
            var exposed = ListenAddresses(config).Where(a => !IsLoopback(a)).ToList();
            if (exposed.Count > 0)
            {
                var where = string.Join(", ", exposed);
                if (origin is { IsHttps: false })
                {
                    problems.Add($"Hep__PublicBaseUrl must start with https:// when the app listens on {where}");
                }
                var proxy = config.GetSection(TrustedProxiesSetting).Get<string[]>() is { Length: > 0 };
                var kestrelTls = exposed.All(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                    && !string.IsNullOrWhiteSpace(config["Kestrel:Certificates:Default:Path"]);
                if (!proxy && !kestrelTls)
                {
                    problems.Add($"the app listens on {where} without TLS: set Hep__TrustedProxies__0 to the address (or "
                        + "network, e.g. 172.28.0.0/24) of the TLS-terminating proxy, or serve https:// URLs with "
                        + "Kestrel__Certificates__Default__Path");
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new StartupRefusedException("HepBuilder will not start: " + string.Join("; ", problems) + ".");
        }
        return origin!;
    }

    /// <summary>The addresses Kestrel will bind, from the same settings it reads (ASPNETCORE_URLS, _HTTP_PORTS, endpoints).</summary>
    private static IEnumerable<string> ListenAddresses(IConfiguration config)
    {
        var urls = (config["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        urls.AddRange(config.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        if (urls.Count == 0)
        {
            urls.AddRange(Ports(config["http_ports"]).Select(p => $"http://*:{p}"));
            urls.AddRange(Ports(config["https_ports"]).Select(p => $"https://*:{p}"));
        }
        return urls.Count == 0 ? ["http://localhost:5000"] : urls;
    }

    private static string[] Ports(string? list) => (list ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool IsLoopback(string url)
    {
        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var host = rest.StartsWith('[') ? rest[1..rest.IndexOf(']')] : rest.Split(':', '/')[0];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
