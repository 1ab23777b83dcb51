using HepBuilder.Poses;

namespace HepBuilder.Handouts;

/// <summary>Everything printed on one handout. Plain data: the web app maps its entities into this.</summary>
public sealed record HandoutModel
{
    public required HandoutClinic Clinic { get; init; }

    public required string PatientName { get; init; }

    /// <summary>The day the version was issued; for a draft, the day it was drawn (not printed: a draft has no issue date).</summary>
    public required DateOnly IssuedOn { get; init; }

    public required HandoutClinician Clinician { get; init; }

    public required int Version { get; init; }

    /// <summary>A draft prints "DRAFT — not issued" across every page.</summary>
    public bool IsDraft { get; init; }

    public required string ProgramTitle { get; init; }

    /// <summary>The clinician's free-text instructions for the whole program; may be empty.</summary>
    public string Instructions { get; init; } = "";

    public HandoutOptions Options { get; init; } = new();

    /// <summary>The program's online page, printed as a QR code; no code when empty.</summary>
    public string QrUrl { get; init; } = "";

    /// <summary>The patient's active precautions, each one sentence in everyday words with its end date.</summary>
    public IReadOnlyList<string> Precautions { get; init; } = [];

    /// <summary>BCP 47 language tag of the text, written into the PDF (e.g. "en-US").</summary>
    public string Language { get; init; } = "en-US";

    public required IReadOnlyList<HandoutExercise> Exercises { get; init; }
}

public sealed record HandoutClinic
{
    public required string Name { get; init; }

    public required string Phone { get; init; }

    public string Address { get; init; } = "";

    /// <summary>PNG or JPEG bytes, or null for no logo.</summary>
    public byte[]? Logo { get; init; }

    /// <summary>The emergency number where the clinic is (911, 112, 999…).</summary>
    public required string EmergencyNumber { get; init; }

    /// <summary>Signs that need the emergency number now: the safety box's first tier, one line each.</summary>
    public required IReadOnlyList<string> EmergencySigns { get; init; }

    /// <summary>Signs that need a call to the clinic today: the second tier.</summary>
    public required IReadOnlyList<string> CallUsSigns { get; init; }

    /// <summary>How to do the exercises (the soreness rule…), printed once on page 1; may be empty.</summary>
    public IReadOnlyList<string> ExerciseAdvice { get; init; } = [];

    /// <summary>A line printed at the foot of the first page (hours, website…); may be empty.</summary>
    public string FooterText { get; init; } = "";
}

public sealed record HandoutClinician(string Name, string Credentials);

public enum PaperSize
{
    Letter,
    A4,
}

public sealed record HandoutOptions
{
    public PaperSize Paper { get; init; } = PaperSize.Letter;

    /// <summary>Body at least 16 pt, headings at least 22 pt, one exercise per page.</summary>
    public bool LargePrint { get; init; }

    /// <summary>False prints no exercise pictures (ink saver).</summary>
    public bool Pictures { get; init; } = true;
}

public sealed record HandoutExercise
{
    public required int Number { get; init; }

    public required string Name { get; init; }

    public IReadOnlyList<HandoutPicture> Pictures { get; init; } = [];

    public required IReadOnlyList<string> Steps { get; init; }

    /// <summary>The dose in plain words, finished by the clinical core ("Do 2 sets of 10. Hold each one for 5 seconds.").</summary>
    public required string Dose { get; init; }

    /// <summary>Sessions a day: the weekly log draws a tick box for each.</summary>
    public int SessionsPerDay { get; init; } = 1;

    public string ClinicianNote { get; init; } = "";

    public IReadOnlyList<string> Precautions { get; init; } = [];

    public IReadOnlyList<string> Cues { get; init; } = [];
}

/// <summary>A picture of an exercise: a drawn pose or an uploaded photo (PNG/JPEG), with a caption such as "Start".</summary>
public sealed record HandoutPicture
{
    public PosePicture? Pose { get; init; }

    public byte[]? Image { get; init; }

    public string Caption { get; init; } = "";

    public static HandoutPicture Drawn(PosePicture pose, string caption) => new() { Pose = pose, Caption = caption };

    public static HandoutPicture Photo(byte[] image, string caption) => new() { Image = image, Caption = caption };
}
