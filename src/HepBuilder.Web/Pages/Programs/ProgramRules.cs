using HepBuilder.Data.Entities;

namespace HepBuilder.Web.Pages.Programs;

/// <summary>The builder's limits and the session-length estimate, in one place so the page, the tests and the summary agree.</summary>
public static class ProgramRules
{
    /// <summary>A hard cap: no handout a patient can follow has more, and it bounds the work of one request.</summary>
    public const int MaxItems = 40;

    /// <summary>Adherence falls as programs get longer; above this the builder warns.</summary>
    public const int LongProgram = 12;

    /// <summary>The time one repetition takes besides its hold (moving in and out of position).</summary>
    public const int SecondsPerRep = 3;

    public const string DefaultTitle = "Home exercise program";

    /// <summary>Minutes for one session: sets × reps × (hold + a few seconds per rep), both sides when asked, plus rest between sets.</summary>
    public static int EstimatedMinutes(IEnumerable<Dose> doses)
    {
        var seconds = 0;
        foreach (var d in doses)
        {
            var sides = d.Side == DoseSide.EachSide ? 2 : 1;
            var sets = Math.Max(d.Sets, 1);
            seconds += sets * Math.Max(d.Reps, 1) * (Math.Max(d.HoldSeconds, 0) + SecondsPerRep) * sides;
            seconds += (sets - 1) * Math.Max(d.RestSeconds, 0);
        }
        return (seconds + 59) / 60;
    }
}
