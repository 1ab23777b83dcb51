namespace HepBuilder.Data.Entities;

/// <summary>A program without a patient (a protocol): personal, clinic-wide, or shipped to every clinic.</summary>
public sealed class Template : IClinicOrShared, ITimestamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? ClinicId { get; set; }
    public string? ShippedKey { get; set; }

    /// <summary>The owner of a personal template; null for clinic-wide and shipped ones.</summary>
    public string? OwnerId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public string? Instructions { get; set; }
    public List<TemplateItem> Items { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
    public uint Version { get; set; }
}

public sealed class TemplateItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TemplateId { get; set; }
    public int Position { get; set; }
    public Guid ExerciseId { get; set; }
    public Exercise? Exercise { get; set; }
    public Dose Dose { get; set; } = new();
}
