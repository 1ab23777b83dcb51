namespace HepBuilder.Data.Entities;

/// <summary>
/// The public link printed on a program's handouts as a QR code: one active link per program, kept across issues so
/// every reprint carries the same code. The token itself is never stored in the clear: its SHA-256 finds the link,
/// and a Data Protection copy lets the same URL be printed again on the next version.
/// </summary>
public sealed class PatientLink : IClinicOwned, ITimestamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ClinicId { get; set; }
    public Guid ProgramId { get; set; }
    public Program? Program { get; set; }
    public Guid PatientId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token's text.</summary>
    public required string TokenHash { get; set; }

    /// <summary>The token protected with ASP.NET Core Data Protection (purpose "PatientLink").</summary>
    public required string ProtectedToken { get; set; }

    public DateTimeOffset LastIssuedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
    public uint Version { get; set; }
}
