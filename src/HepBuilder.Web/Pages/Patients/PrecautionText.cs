using System.Globalization;
using HepBuilder.Data.Entities;

namespace HepBuilder.Web.Pages.Patients;

/// <summary>Precautions in the words clinicians use, the same on every page and in the audit trail.</summary>
public static class PrecautionText
{
    public static string KindLabel(PrecautionKind kind) => kind switch
    {
        PrecautionKind.NoLumbarFlexion => "No lumbar flexion (bending forward)",
        PrecautionKind.NoLumbarExtension => "No lumbar extension (arching back)",
        PrecautionKind.NoTwisting => "No twisting",
        PrecautionKind.NoLifting => "No lifting (or over a limit)",
        PrecautionKind.NoImpact => "No impact (running, jumping)",
        PrecautionKind.NoEndRange => "No end-range movement",
        PrecautionKind.Custom => "Other (describe it)",
        _ => kind.ToString(),
    };

    /// <summary>"No lifting over 10 lb until 2027-01-10", "No twisting", or the custom text.</summary>
    public static string Describe(PatientPrecaution p)
    {
        var what = p.Kind switch
        {
            PrecautionKind.NoLumbarFlexion => "No lumbar flexion",
            PrecautionKind.NoLumbarExtension => "No lumbar extension",
            PrecautionKind.NoTwisting => "No twisting",
            PrecautionKind.NoLifting when p.MaxLiftPounds is { } lb => $"No lifting over {lb} lb",
            PrecautionKind.NoLifting => "No lifting",
            PrecautionKind.NoImpact => "No impact",
            PrecautionKind.NoEndRange => "No end-range movement",
            _ => p.Text ?? "",
        };
        if (p.Kind != PrecautionKind.Custom && !string.IsNullOrWhiteSpace(p.Text)) what += " — " + p.Text;
        return p.Until is { } until ? $"{what} until {Date(until)}" : what;
    }

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
