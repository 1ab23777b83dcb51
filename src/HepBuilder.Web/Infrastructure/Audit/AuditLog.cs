using System.Text.Json;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Auth;
using HepBuilder.Web.Infrastructure.Tenancy;

namespace HepBuilder.Web.Infrastructure.Audit;

/// <summary>
/// Adds audit rows to the request's DbContext, so they are saved in the same SaveChanges (and transaction) as the
/// change they describe: either both are written or neither.
/// </summary>
public sealed class AuditLog(HepDbContext db, IHttpContextAccessor accessor, TimeProvider clock)
{
    public void Record(string action, string entityType, string? entityId, object? details = null, Guid? patientId = null,
        Guid? clinicId = null)
    {
        var http = accessor.HttpContext;
        db.AuditEvents.Add(new AuditEvent
        {
            ClinicId = clinicId ?? CurrentClinic.ClinicIdOf(http?.User),
            UserId = http?.User.UserId(),
            UserName = http?.User.Identity?.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            PatientId = patientId,
            Details = details is null ? null : JsonSerializer.Serialize(details),
            IpAddress = http?.Connection.RemoteIpAddress?.ToString(),
            At = clock.GetUtcNow(),
        });
    }
}
