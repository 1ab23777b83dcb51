namespace HepBuilder.Clinical.Safety;

/// <summary>
/// The two tiers of the handout's safety box, as written defaults a clinic may edit. Signs of cauda equina syndrome
/// and of a blood clot in the lungs go to the emergency number, never to "call us": the clinic may be closed and
/// those cannot wait. Short lines, everyday words (grade 6 or below).
/// </summary>
public static class SafetyDefaults
{
    public const string EmergencyNumber = "911";

    public const int MaxLines = 8;
    public const int MaxLineLength = 120;
    public const int MaxEmergencyNumberLength = 12;

    public static readonly IReadOnlyList<string> EmergencyLines =
    [
        "New trouble controlling your bladder or bowels",
        "Numbness in your groin, buttocks or inner thighs",
        "Sudden or quickly worsening weakness in a leg",
        "Chest pain or trouble breathing",
    ];

    public static readonly IReadOnlyList<string> CallUsLines =
    [
        "A fever or chills",
        "A wound that is red, swollen, leaking or opening",
        "Pain or swelling in your calf",
        "Much worse pain, or pain not eased by rest",
        "New numbness or tingling down a leg",
        "A fall",
    ];

    /// <summary>
    /// How to do the exercises, printed once on page 1: the soreness rule patients most often ask about, in plain words.
    /// Mild delayed soreness is expected when starting; soreness that lasts is the sign to do less.
    /// </summary>
    public static readonly IReadOnlyList<string> ExerciseAdvice =
    [
        "Move slowly. Breathe out as you work, and do not hold your breath.",
        "Mild soreness that fades within a day is normal.",
        "If you are still sore the next day, do less next time and tell us.",
        "Sharp pain means stop that exercise.",
    ];

    /// <summary>Lines of a text area as list items: trimmed, blank lines dropped.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>Problems with a clinic's tiers, each with the field it belongs to.</summary>
    public static IEnumerable<(string Field, string Message)> Problems(string? emergencyNumber, string? emergencyText, string? callUsText)
    {
        var number = emergencyNumber?.Trim() ?? "";
        if (number.Length == 0) yield return ("EmergencyNumber", "Enter the emergency number patients should call, such as 911, 112 or 999.");
        else if (number.Length > MaxEmergencyNumberLength || !number.All(c => char.IsDigit(c) || c is ' ' or '-' or '+'))
            yield return ("EmergencyNumber", $"The emergency number must be digits only (at most {MaxEmergencyNumberLength} characters), such as 911.");
        foreach (var (field, text) in new[] { ("EmergencyText", emergencyText), ("CallUsText", callUsText) })
        {
            var lines = Lines(text);
            if (lines.Count == 0) yield return (field, "Enter at least one warning sign, one per line.");
            else if (lines.Count > MaxLines || lines.Any(l => l.Length > MaxLineLength))
                yield return (field, $"Use at most {MaxLines} lines of at most {MaxLineLength} characters each; short lines are easier to read.");
        }
    }
}
