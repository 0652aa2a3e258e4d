using System.Diagnostics;
using Vwe.Engines.Jobs;
using Vwe.Maps.Export;
using Vwe.WorldGen;

namespace Vwe.Engines.Work;

/// <summary>
/// The work every native engine does, whatever carries its requests (direct calls in-process, the control
/// protocol in <c>vwe engine</c>): load worlds, keep the last few, export and sample them with a fixed thread
/// budget. One job at a time; <see cref="LoadedSeeds"/> may be read from any thread.
/// </summary>
public sealed class EngineWorkbench
{
    /// <summary>Pre-generation gains nothing from more than two threads (WorldGenerator's thread parameter).</summary>
    private const int MaxPregenerationThreads = 2;

    private readonly LoadedWorlds worlds;

    public EngineWorkbench(int threads, int maxWorlds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWorlds, 1);
        Threads = threads;
        worlds = new LoadedWorlds(maxWorlds);
    }

    public int Threads { get; }

    public int MaxWorlds => worlds.Capacity;

    public int[] LoadedSeeds() => worlds.Seeds();

    /// <summary>Returns the world of <paramref name="seed"/>, pre-generating it unless it is still loaded.</summary>
    public WorldLoad Load(int seed, CancellationToken cancellationToken) => Load(seed, out _, cancellationToken);

    public ExportOutcome Export(ExportJob job, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        WorldLoad load = Load(job.Seed, out WorldGenerator world, cancellationToken);
        var request = new ExportRequest
        {
            Generator = world,
            SeedText = job.SeedText,
            Grid = job.Grid,
            Formats = job.Formats,
            Layers = job.Layers,
            Threads = Threads,
            OutputDirectory = job.OutputDirectory,
        };
        var clock = Stopwatch.StartNew();
        ExportResult result = WorldExporter.Export(request, progress, cancellationToken);
        return new ExportOutcome(result.WorldKey, result.OutputDirectory, result.Files, load.Duration, clock.Elapsed);
    }

    public SampleResult Sample(SampleJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        WorldLoad load = Load(job.Seed, out WorldGenerator world, cancellationToken);
        var clock = Stopwatch.StartNew();
        SampleResult values = WorldSampler.Sample(world, job.Area, job.Fields, Threads, cancellationToken);
        return values with { LoadTime = load.Duration, SampleTime = clock.Elapsed };
    }

    /// <summary>Back to a clean state between jobs: keeps the loaded worlds unless told otherwise.</summary>
    public int[] Reset(bool keepWorlds)
    {
        if (!keepWorlds)
        {
            worlds.Clear();
        }

        return worlds.Seeds();
    }

    private WorldLoad Load(int seed, out WorldGenerator world, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (worlds.TryGet(seed, out world))
        {
            return new WorldLoad(seed, Cached: true, TimeSpan.Zero);
        }

        // Construction (pre-generation, ~0.15 s) cannot be interrupted; cancellation is seen right after it.
        var clock = Stopwatch.StartNew();
        world = new WorldGenerator(seed, threads: Math.Min(Threads, MaxPregenerationThreads));
        TimeSpan duration = clock.Elapsed;
        worlds.Add(world);
        cancellationToken.ThrowIfCancellationRequested();
        return new WorldLoad(seed, Cached: false, duration);
    }
}
