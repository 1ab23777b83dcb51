using HepBuilder.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HepBuilder.Web.Infrastructure.Health;

public sealed class DatabaseHealthCheck(IDbContextFactory<HepDbContext> factory) : IHealthCheck
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

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
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
