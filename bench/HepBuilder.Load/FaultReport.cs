namespace HepBuilder.Load;

/// <summary>When the fault's commands ran, in the recorder's seconds: stop issued, stop done, start issued, start done.</summary>
public sealed record FaultTimes(double StopBegin, double StopDone, double StartBegin, double StartDone);

/// <summary>
/// Errors of the run, and for a fault: how requests were answered while it lasted and how soon the app served again.
/// Returns the number of unexpected outcomes (any error outside the fault, a slow or unclear answer during it).
/// </summary>
public static class FaultReport
{
    /// <summary>Failures that started this long after the fault ended still count against recovery.</summary>
    public const double RecoveryBudget = 5;

    public static int Print(Recorder recorder, double runStart, FaultTimes? t, Fault? fault)
    {
        var samples = recorder.Samples.Where(s => s.Start >= runStart).OrderBy(s => s.Start).ToList();
        if (t is null)
        {
            var errors = samples.Where(s => s.Outcome != Outcome.Ok).ToList();
            Console.WriteLine($"Errors: {errors.Count} of {samples.Count} requests.");
            foreach (var e in errors.Take(10)) Console.WriteLine($"  {e.Op} at {e.Start - runStart:F1} s: {e.Detail}");
            return errors.Count;
        }

        double Rel(double x) => x - runStart;
        Console.WriteLine();
        Console.WriteLine($"{fault!.Kind} fault: stop issued at {Rel(t.StopBegin):F1} s (done {Rel(t.StopDone):F1} s), " +
                          $"start issued at {Rel(t.StartBegin):F1} s (done {Rel(t.StartDone):F1} s).");
        var before = samples.Where(s => s.End < t.StopBegin).ToList();
        var inFlight = samples.Where(s => s.Start < t.StopBegin && s.End >= t.StopBegin).ToList();
        var during = samples.Where(s => s.Start >= t.StopBegin && s.Start < t.StartDone).ToList();
        var after = samples.Where(s => s.Start >= t.StartDone).ToList();
        var unexpected = before.Count(s => s.Outcome != Outcome.Ok);
        Console.WriteLine($"  before: {before.Count} requests, {unexpected} not ok");
        Console.WriteLine($"  in flight when stopped: {inFlight.Count} ({Outcomes(inFlight)}); issues among them: {inFlight.Count(s => s.Op == "issue")} ({Outcomes(inFlight.Where(s => s.Op == "issue"))})");
        Console.WriteLine($"  during: {during.Count} requests ({Outcomes(during)})");

        if (fault.Kind == "db")
        {
            var answered = during.Where(s => s.Outcome == Outcome.Unavailable).Select(s => s.Ms).Order().ToList();
            var unclear = during.Count(s => s.Outcome is not (Outcome.Ok or Outcome.Unavailable));
            Console.WriteLine($"  time-to-503 during the outage: p50 {Recorder.P(answered, 50):F0} ms, p95 {Recorder.P(answered, 95):F0} ms, " +
                              $"max {(answered.Count > 0 ? answered[^1] : 0):F0} ms over {answered.Count} answers; other failures: {unclear}");
            var firstFail = during.FirstOrDefault(s => s.Outcome == Outcome.Unavailable);
            if (firstFail is not null) Console.WriteLine($"  first 503 answered {firstFail.End - t.StopBegin:F2} s after the stop was issued");
            unexpected += unclear + answered.Count(ms => ms > 2000);
        }

        var failedAfter = after.Where(s => s.Outcome != Outcome.Ok).ToList();
        var firstOk = after.FirstOrDefault(s => s.Outcome == Outcome.Ok);
        var recovery = failedAfter.Count == 0 ? 0 : failedAfter.Max(s => s.End) - t.StartDone;
        Console.WriteLine($"  after: {after.Count} requests ({Outcomes(after)}); first success {(firstOk is null ? "none" : $"{firstOk.End - t.StartDone:F2} s")} " +
                          $"after the start command returned; time-to-recovery (end of the last failure) {recovery:F2} s");
        foreach (var e in failedAfter.Take(5)) Console.WriteLine($"    {e.Op} at +{e.Start - t.StartDone:F1} s: {e.Detail}");
        unexpected += failedAfter.Count(s => s.Start > t.StartDone + RecoveryBudget) + (firstOk is null ? 1 : 0);
        Console.WriteLine($"  unexpected outcomes: {unexpected}");
        return unexpected;
    }

    private static string Outcomes(IEnumerable<Sample> samples) =>
        string.Join(", ", samples.GroupBy(s => s.Outcome == Outcome.Failed ? $"HTTP {s.Status}" : s.Outcome.ToString())
            .OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"));
}
