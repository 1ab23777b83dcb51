namespace HepBuilder.Clinical.Programs;

/// <summary>How big a program may get, and when the builder suggests fewer exercises.</summary>
public static class ProgramLimits
{
    /// <summary>A hard cap: no handout a patient can follow has more, and it bounds the work of one request.</summary>
    public const int MaxItems = 40;

    /// <summary>
    /// Fewer exercises are done better (2 were done better than 8 in a trial; reviews advise fewer than about 4 at a
    /// time): above this the builder nudges, without blocking.
    /// </summary>
    public const int LongProgram = 6;

    /// <summary>Minutes a day above which the builder nudges as well.</summary>
    public const int LongDayMinutes = 30;

    public const string DefaultTitle = "Home exercise program";
    public const int MaxTitleLength = 120;
    public const int MaxInstructionsLength = 2000;
    public const int MaxReasonLength = 500;
}
