namespace HepBuilder.Clinical.Dosing;

/// <summary>How long a program takes, so the builder can show minutes per session and per day.</summary>
public static class SessionTime
{
    /// <summary>The time one repetition takes besides its hold (moving in and out of position).</summary>
    public const int SecondsPerRep = 3;

    /// <summary>Seconds of one session of one exercise: its minutes when timed, else sets × reps × (hold + a few seconds), both sides when asked, plus rest between sets.</summary>
    public static int Seconds(Dose d)
    {
        var sides = d.Side == DoseSide.EachSide ? 2 : 1;
        var sets = Math.Max(d.Sets, 1);
        var work = d.IsTimed
            ? d.DurationMinutes * 60
            : Math.Max(d.Reps, 1) * (Math.Max(d.HoldSeconds, 0) + SecondsPerRep);
        return sets * work * sides + (sets - 1) * Math.Max(d.RestSeconds, 0);
    }

    /// <summary>Minutes for one session of every exercise, rounded up.</summary>
    public static int MinutesPerSession(IEnumerable<Dose> doses) => (doses.Sum(Seconds) + 59) / 60;

    /// <summary>Minutes a day: each exercise's session times the number of sessions it has in a day.</summary>
    public static int MinutesPerDay(IEnumerable<Dose> doses) => (doses.Sum(d => Seconds(d) * Math.Max(d.TimesPerDay, 1)) + 59) / 60;
}
