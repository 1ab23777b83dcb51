using HepBuilder.Data.Entities;
using HepBuilder.Handouts;

namespace HepBuilder.Web.Pages.Templates;

/// <summary>A library dose in the words the handout prints (the handout engine's own sentence builder).</summary>
public static class TemplateDose
{
    public static string InWords(Dose d) => DoseText.Describe(new HandoutDose
    {
        Sets = d.Sets,
        Reps = d.Reps,
        HoldSeconds = d.HoldSeconds,
        Side = (HepBuilder.Handouts.DoseSide)(int)d.Side,
        TimesPerDay = d.TimesPerDay,
        DaysPerWeek = d.DaysPerWeek,
        RestSeconds = d.RestSeconds,
        Load = d.Load ?? "",
    });
}
