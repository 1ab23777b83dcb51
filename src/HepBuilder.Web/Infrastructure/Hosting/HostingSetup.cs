using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;

namespace HepBuilder.Web.Infrastructure.Hosting;

/// <summary>Host filtering from the public base URL, and which proxies' X-Forwarded-* headers are believed.</summary>
public static class HostingSetup
{
    public static void AddHepHosting(this IServiceCollection services, IConfiguration config, PublicOrigin origin)
    {
        services.AddSingleton(origin);
        // The framework's own host filtering (always in the pipeline) refuses any other Host with 400.
        services.Configure<HostFilteringOptions>(o =>
        {
            o.AllowedHosts = [origin.Host];
            o.AllowEmptyHosts = false;
        });

        // Behind a TLS-terminating proxy the original scheme and client address arrive in X-Forwarded-* headers;
        // only the declared proxies (addresses or networks, e.g. a compose network) are believed. The client address
        // they report is the one audit rows and rate limits use.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in config.GetSection(HostingChecks.TrustedProxiesSetting).Get<string[]>() ?? ["127.0.0.1", "::1"])
            {
                if (proxy.Contains('/')) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
                else o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
    }
}
