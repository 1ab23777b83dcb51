using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using HepBuilder.Handouts;

namespace HepBuilder.Bench;

/// <summary>Warm single-thread render time of the 10-exercise handout.</summary>
[Config(typeof(InProcess))]
[MemoryDiagnoser]
public class HandoutBenchmarks
{
    private HandoutModel model = null!;

    [GlobalSetup]
    public void Setup()
    {
        model = BenchModel.Create().Model;
        HandoutRenderer.Warm();
    }

    [Benchmark]
    public byte[] RenderPdf() => HandoutRenderer.RenderPdf(model);

    [Benchmark]
    public byte[] RenderPreviewPng() => HandoutRenderer.RenderPreviewPng(model, 400);

    // In-process keeps the run short and avoids building a second copy of the solution.
    private sealed class InProcess : ManualConfig
    {
        public InProcess() => AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(5)
            .WithIterationCount(20));
    }
}
