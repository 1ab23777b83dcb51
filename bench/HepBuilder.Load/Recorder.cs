using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace HepBuilder.Load;

/// <summary>Ok: the expected answer. Unavailable: a 503. Failed: another status. Refused: no connection. Transport: a connection broken mid-request.</summary>
public enum Outcome { Ok, Unavailable, Failed, Refused, Transport }

/// <summary>One HTTP request: which operation, when it started and ended (seconds since the run began), and how it ended.</summary>
public sealed record Sample(string Op, double Start, double End, Outcome Outcome, int Status, string? Detail)
{
    public double Ms => (End - Start) * 1000;
}

/// <summary>Every request of the run, and the writes the clients were told succeeded (or could not know about).</summary>
public sealed class Recorder
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<Sample> _samples = new();
    private readonly ConcurrentDictionary<string, int[]> _writes = new();

    public double Now => _clock.Elapsed.TotalSeconds;
    public IReadOnlyCollection<Sample> Samples => _samples;

    public void Add(Sample sample) => _samples.Enqueue(sample);

    /// <summary>A write (an audit action) the client saw confirmed, or whose fate it cannot know (503 or a broken connection).</summary>
    public void Write(string action, bool confirmed) => Interlocked.Increment(ref _writes.GetOrAdd(action, _ => new int[2])[confirmed ? 0 : 1]);

    public (int Confirmed, int InDoubt) Writes(string action) =>
        _writes.TryGetValue(action, out var w) ? (w[0], w[1]) : (0, 0);

    public IEnumerable<string> WriteActions => _writes.Keys.Order();

    /// <summary>Throughput and latency per operation over the successful requests of [from, to).</summary>
    public void PrintLatencies(double from, double to)
    {
        var window = _samples.Where(s => s.Start >= from && s.Start < to).ToList();
        Console.WriteLine($"{"operation",-16} {"ok",7} {"not ok",7} {"req/s",7} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}");
        foreach (var group in window.GroupBy(s => s.Op).OrderBy(g => g.Key))
        {
            PrintRow(group.Key, group.ToList(), to - from);
        }
        PrintRow("all", window, to - from);
    }

    private static void PrintRow(string name, List<Sample> samples, double seconds)
    {
        var ok = samples.Where(s => s.Outcome == Outcome.Ok).Select(s => s.Ms).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-16} {ok.Count,7} {samples.Count - ok.Count,7} {ok.Count / seconds,7:F1} {P(ok, 50),8:F0} {P(ok, 95),8:F0} {P(ok, 99),8:F0} {(ok.Count > 0 ? ok[^1] : 0),8:F0}"));
    }

    public static double P(IReadOnlyList<double> sorted, double percentile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
