using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using HepBuilder.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HepBuilder.Tests.Security.Matrix;

/// <summary>One handler of one endpoint: "GET Patients/{id:guid}", "POST Programs/{id:guid}/Edit?handler=Issue".</summary>
public sealed record EndpointHandler(string Method, string Route, string? Handler)
{
    public string Key => $"{Method} {Route}" + (Handler is null ? "" : "?handler=" + Handler);
}

/// <summary>
/// Everything the app answers, read from its endpoint data sources: every Razor Page handler (ours and Identity
/// UI's) and every other endpoint. A page added tomorrow appears here without anyone listing it.
/// </summary>
public static class EndpointCatalog
{
    public static async Task<IReadOnlyList<EndpointHandler>> DiscoverAsync(HepWebFactory factory)
    {
        // Routing builds its endpoint list when the app first serves a request.
        using (var client = factory.CreateClient()) await client.GetAsync("/healthz");
        var services = factory.Services;
        var loader = services.GetRequiredService<PageLoader>();
        var result = new List<EndpointHandler>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = endpoint.RoutePattern.RawText?.TrimStart('/') ?? "";
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                if (compiled.HandlerMethods.Count == 0) result.Add(new("GET", route, null));
                // Only HTTP verbs: a page model's own filter override (OnPageHandlerExecuting) looks like a "PAGE" handler.
                foreach (var handler in compiled.HandlerMethods.Where(h => h.HttpMethod.ToUpperInvariant() is "GET" or "POST" or "PUT" or "DELETE"))
                {
                    result.Add(new(handler.HttpMethod.ToUpperInvariant(), route, handler.Name));
                }
            }
            else if (!IsStaticAsset(endpoint))
            {
                var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                result.AddRange(methods.Select(m => new EndpointHandler(m, route, null)));
            }
        }
        return result.DistinctBy(h => h.Key).OrderBy(h => h.Key, StringComparer.Ordinal).ToList();
    }

    // Static files (CSS, scripts, fonts) are public by design and carry no data.
    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal))
        || endpoint.DisplayName?.Contains("StaticAsset", StringComparison.OrdinalIgnoreCase) == true
        || endpoint.RoutePattern.RawText?.Contains("{**path:file}", StringComparison.Ordinal) == true;
}
