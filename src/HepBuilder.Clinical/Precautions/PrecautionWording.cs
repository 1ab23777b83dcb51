using System.Globalization;

namespace HepBuilder.Clinical.Precautions;

/// <summary>
/// Precautions in words, in one place: the clinician's short name (also the key an override reason is stored
/// against), the picker label, the clinician's line with its date, and the everyday sentence the patient reads.
/// </summary>
public static class PrecautionWording
{
    /// <summary>"No lumbar flexion", "No lifting over 10 lb", or the custom text.</summary>
    public static string Name(Precaution p) => p.Kind switch
    {
        PrecautionKind.NoLumbarFlexion => "No lumbar flexion",
        PrecautionKind.NoLumbarExtension => "No lumbar extension",
        PrecautionKind.NoTwisting => "No twisting",
        PrecautionKind.NoSideBending => "No side bending",
        PrecautionKind.NoLoad => "No loaded positions",
        PrecautionKind.NoLifting when p.MaxLiftPounds is { } lb => $"No lifting over {N(lb)} lb",
        PrecautionKind.NoLifting => "No lifting",
        PrecautionKind.NoImpact => "No impact",
        PrecautionKind.NoEndRange => "No end-range movement",
        _ => string.IsNullOrWhiteSpace(p.Text) ? "Custom precaution" : p.Text.Trim(),
    };

    /// <summary>The choice in the patient form's picker.</summary>
    public static string KindLabel(PrecautionKind kind) => kind switch
    {
        PrecautionKind.NoLumbarFlexion => "No lumbar flexion (bending forward)",
        PrecautionKind.NoLumbarExtension => "No lumbar extension (arching back)",
        PrecautionKind.NoTwisting => "No twisting",
        PrecautionKind.NoSideBending => "No side bending",
        PrecautionKind.NoLoad => "No loaded positions (planks, carrying)",
        PrecautionKind.NoLifting => "No lifting (or over a limit)",
        PrecautionKind.NoImpact => "No impact (running, jumping)",
        PrecautionKind.NoEndRange => "No end-range movement",
        PrecautionKind.Custom => "Other (describe it)",
        _ => kind.ToString(),
    };

    /// <summary>The clinician's line: "No lifting over 10 lb — includes laundry until 2027-01-10".</summary>
    public static string ForClinician(Precaution p)
    {
        var what = p.Kind == PrecautionKind.Custom ? p.Text?.Trim() ?? "" : Name(p);
        if (p.Kind != PrecautionKind.Custom && !string.IsNullOrWhiteSpace(p.Text)) what += " — " + p.Text.Trim();
        return p.Until is { } until ? $"{what} until {IsoDate(until)}" : what;
    }

    /// <summary>
    /// The patient's sentence, in everyday words with its end date: "Do not lift more than 10 pounds until March 4,
    /// 2027." The clinician's own words for it follow as typed.
    /// </summary>
    public static string ForPatient(Precaution p)
    {
        var what = p.Kind switch
        {
            PrecautionKind.NoLumbarFlexion => "Do not bend your lower back forward",
            PrecautionKind.NoLumbarExtension => "Do not arch your lower back",
            PrecautionKind.NoTwisting => "Do not twist your body",
            PrecautionKind.NoSideBending => "Do not bend your body to the side",
            PrecautionKind.NoLoad => "Do not do planks or hold heavy things",
            PrecautionKind.NoLifting when p.MaxLiftPounds is { } lb => $"Do not lift more than {N(lb)} {(lb == 1 ? "pound" : "pounds")}",
            PrecautionKind.NoLifting => "Do not lift anything heavy",
            PrecautionKind.NoImpact => "Do not run, jump or hop",
            PrecautionKind.NoEndRange => "Do not push a stretch or a bend as far as it will go",
            _ => (p.Text ?? "").Trim().TrimEnd('.'),
        };
        var sentence = p.Until is { } until ? $"{what} until {LongDate(until)}." : what + ".";
        return p.Kind != PrecautionKind.Custom && !string.IsNullOrWhiteSpace(p.Text) ? $"{sentence} {p.Text.Trim()}" : sentence;
    }

    /// <summary>The precautions a patient reads on a given day: active ones only, in a stable order.</summary>
    public static IReadOnlyList<string> ForPatient(IEnumerable<Precaution> precautions, DateOnly day) =>
        precautions.Where(p => p.IsActiveOn(day)).OrderBy(p => p.Kind).ThenBy(p => p.Until ?? DateOnly.MaxValue)
            .Select(ForPatient).Where(s => s.Length > 1).Distinct().ToList();

    /// <summary>"March 4, 2027".</summary>
    public static string LongDate(DateOnly day) => day.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    /// <summary>"2027-03-04": the clinician's pages and the audit trail.</summary>
    public static string IsoDate(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
