namespace HepBuilder.Data.Entities;

/// <summary>One row of the append-only audit trail: who did what to which record, when and from where.</summary>
public sealed class AuditEvent : IClinicOwned
{
    public long Id { get; set; }
    public Guid ClinicId { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }
    public Guid? PatientId { get; set; }

    /// <summary>What changed, as JSON (old → new values), or other context.</summary>
    public string? Details { get; set; }
    public string? IpAddress { get; set; }
    public DateTimeOffset At { get; set; }
}
