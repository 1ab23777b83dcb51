using HepBuilder.Handouts;
using HepBuilder.Handouts.Sample;

namespace HepBuilder.Bench;

/// <summary>The benchmarked handout: 10 exercises with pictures, a QR code and the log page.</summary>
internal static class BenchModel
{
    public static (HandoutModel Model, string Source) Create()
    {
        var root = SeedLibrary.FindRepoRoot(AppContext.BaseDirectory);
        if (root is not null)
        {
            var shipped = SeedLibrary.Load(Path.Combine(root, SeedLibrary.RelativePath), 10);
            if (shipped.Count == 10 && shipped.All(e => e.Pictures.Count > 0))
            {
                return (SampleHandout.Build(shipped), "10 shipped exercises from db/seed/exercises.json");
            }
        }

        // Until the shipped library has ten pictured exercises, the hand-written sample stands in.
        return (SampleHandout.Build(SampleHandout.HandMade(10)), "10 hand-written sample exercises (shipped library incomplete)");
    }
}
