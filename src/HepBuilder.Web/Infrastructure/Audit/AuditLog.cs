using System.Text.Json;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Auth;
using HepBuilder.Web.Infrastructure.Tenancy;

namespace HepBuilder.Web.Infrastructure.Audit;

/// <summary>
/// Adds audit rows to the request's DbContext, so they are saved in the same SaveChanges (and transaction) as the
/// change they describe: either both are written or neither. The database chains each clinic's rows by hash
/// (see <see cref="AuditChain"/>).
/// </summary>
public sealed class AuditLog(HepDbContext db, IHttpContextAccessor accessor, TimeProvider clock)
{
    public const string UserEntity = "User";

    public void Record(string action, string entityType, string? entityId, object? details = null, Guid? patientId = null,
        Guid? clinicId = null)
    {
        var http = accessor.HttpContext;
        Add(action, entityType, entityId, details, patientId, clinicId ?? CurrentClinic.ClinicIdOf(http?.User),
            http?.User.UserId(), http?.User.Identity?.Name);
    }

    /// <summary>
    /// An event of an account that is not (or not yet) the signed-in user: a sign-in, a failed attempt, a lockout.
    /// The account is both the actor and the subject.
    /// </summary>
    public void RecordAccount(ApplicationUser account, string action, object? details = null) =>
        Add(action, UserEntity, account.Id, details, null, account.ClinicId, account.Id, account.Email);

    /// <summary>Writes what was recorded; for reads (a page view, a download) that have nothing else to save.</summary>
    public Task SaveAsync(CancellationToken ct) => db.SaveChangesAsync(ct);

    private void Add(string action, string entityType, string? entityId, object? details, Guid? patientId, Guid clinicId,
        string? userId, string? userName)
    {
        db.AuditEvents.Add(new AuditEvent
        {
            ClinicId = clinicId,
            UserId = userId,
            UserName = userName,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            PatientId = patientId,
            Details = details is null ? null : JsonSerializer.Serialize(details),
            IpAddress = accessor.HttpContext?.Connection.RemoteIpAddress?.ToString(),
            At = clock.GetUtcNow(),
        });
    }
}
