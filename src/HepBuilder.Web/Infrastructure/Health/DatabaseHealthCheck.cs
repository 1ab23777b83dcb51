using HepBuilder.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HepBuilder.Web.Infrastructure.Health;

/// <summary>
/// Whether PostgreSQL answers. Probed at most once every <see cref="HealthCache.MaxAge"/> whatever the number of callers
/// (a load balancer, a monitor, a flood), so the public endpoint costs no database work per request.
/// </summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<HepDbContext> factory, HealthCache cache) : IHealthCheck
{
    public static readonly HealthCheckOptions Options = new()
    {
        ResponseWriter = async (context, report) =>
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            var entry = report.Entries.Values.FirstOrDefault();
            await context.Response.WriteAsync(report.Status == HealthStatus.Healthy
                ? "ok"
                : $"unavailable: {entry.Description ?? "database unreachable"}");
        },
    };

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        cache.GetAsync(() => ProbeAsync(cancellationToken));

    private async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await using var db = await factory.CreateDbContextAsync(timeout.Token);
            await db.Database.ExecuteSqlRawAsync("SELECT 1", timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || timeout.IsCancellationRequested)
        {
            // The reason names the failure class only; connection details stay in the server's log.
            return HealthCheckResult.Unhealthy("database unreachable (" + ex.GetType().Name + ")");
        }
    }
}

/// <summary>The last probe's result and when it was taken; one probe at a time.</summary>
public sealed class HealthCache(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _probe = new(1, 1);
    private (HealthCheckResult Result, DateTimeOffset At)? _last;

    public async Task<HealthCheckResult> GetAsync(Func<Task<HealthCheckResult>> probe)
    {
        if (Fresh() is { } cached) return cached;
        await _probe.WaitAsync();
        try
        {
            if (Fresh() is { } again) return again;
            var result = await probe();
            _last = (result, clock.GetUtcNow());
            return result;
        }
        finally
        {
            _probe.Release();
        }
    }

    private HealthCheckResult? Fresh() => _last is { } last && clock.GetUtcNow() - last.At < MaxAge ? last.Result : null;
}
