using HepBuilder.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HepBuilder.Data.Interceptors;

/// <summary>Stamps created/modified times from the injected clock so tests control time and handlers never read it.</summary>
public sealed class TimestampInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null) return;
        var now = clock.GetUtcNow();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case ITimestamped t when entry.State == EntityState.Added:
                    t.CreatedAt = now;
                    t.ModifiedAt = now;
                    break;
                case ITimestamped t when entry.State == EntityState.Modified:
                    t.ModifiedAt = now;
                    break;
                case ApplicationUser u when entry.State == EntityState.Added:
                    u.CreatedAt = now;
                    break;
                case AuditEvent a when entry.State == EntityState.Added && a.At == default:
                    a.At = now;
                    break;
                case StoredImage i when entry.State == EntityState.Added:
                    i.CreatedAt = now;
                    break;
            }
        }
    }
}
