namespace HepBuilder.Data.Entities;

public sealed class Patient : IClinicOwned, ITimestamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ClinicId { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public DateOnly DateOfBirth { get; set; }

    /// <summary>Medical record number; optional, unique within the clinic when given.</summary>
    public string? Mrn { get; set; }
    public string? Diagnosis { get; set; }
    public DateOnly? SurgeryDate { get; set; }
    public string? Notes { get; set; }
    public bool IsArchived { get; set; }
    public List<PatientPrecaution> Precautions { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
    public uint Version { get; set; }

    public string FullName => $"{FirstName} {LastName}";
}

/// <summary>A post-op or clinical restriction, optionally until a date (after it, it no longer warns).</summary>
public sealed class PatientPrecaution
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PatientId { get; set; }
    public PrecautionKind Kind { get; set; }

    /// <summary>For <see cref="PrecautionKind.NoLifting"/>: the most the patient may lift, in pounds (null: no lifting).</summary>
    public int? MaxLiftPounds { get; set; }
    public string? Text { get; set; }
    public DateOnly? Until { get; set; }

    /// <summary>The precaution as the clinical rules take it.</summary>
    public Precaution Rule => new(Kind, MaxLiftPounds, Text, Until);

    public bool IsActiveOn(DateOnly day) => Rule.IsActiveOn(day);
}
