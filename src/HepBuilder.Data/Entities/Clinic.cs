using HepBuilder.Clinical.Safety;

namespace HepBuilder.Data.Entities;

public enum PaperSize
{
    Letter,
    A4,
}

/// <summary>The tenant. Its profile is printed on every handout.</summary>
public sealed class Clinic : ITimestamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public byte[]? Logo { get; set; }
    public string? LogoContentType { get; set; }
    public string? HandoutFooter { get; set; }

    /// <summary>The number for emergencies where the clinic is (911, 112, 999, 000), printed in the safety box.</summary>
    public string EmergencyNumber { get; set; } = SafetyDefaults.EmergencyNumber;

    /// <summary>Signs that need the emergency number now, one per line (see <see cref="SafetyDefaults"/>).</summary>
    public string EmergencyText { get; set; } = string.Join('\n', SafetyDefaults.EmergencyLines);

    /// <summary>Signs that need a call to the clinic today, one per line.</summary>
    public string CallUsText { get; set; } = string.Join('\n', SafetyDefaults.CallUsLines);
    public PaperSize PaperSize { get; set; } = PaperSize.Letter;
    /// <summary>Admins must sign in with two factors: on for every new clinic (ASVS 2.2/4.3 for privileged accounts).</summary>
    public bool RequireAdminTwoFactor { get; set; } = true;

    /// <summary>Everyone of the clinic, clinicians too, must sign in with two factors.</summary>
    public bool RequireTwoFactorForEveryone { get; set; }

    /// <summary>
    /// IANA time zone ("America/Chicago") of the clinic's day: when a precaution ends, which day a patient's entry
    /// belongs to, the date printed on a handout. UTC would move all of them by hours.
    /// </summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>
    /// Days a patient's program link (the handout's QR code) stays open after the program's last issue. Clinics differ:
    /// a post-op protocol is over in weeks, a chronic-pain program runs for a year.
    /// </summary>
    public int PatientLinkDays { get; set; } = DefaultPatientLinkDays;

    public const int DefaultPatientLinkDays = 180;
    public const int MinPatientLinkDays = 14;
    public const int MaxPatientLinkDays = 730;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
}
