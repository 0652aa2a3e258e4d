using System.Diagnostics;
using Vwe.Engines.Jobs;
using Vwe.Engines.Lifecycle;
using Vwe.Maps.Export;
using Vwe.Maps.Grid;
using Vwe.Tests.Golden;
using Vwe.WorldGen;

namespace Vwe.Pool.Tests;

/// <summary>The ready buffer: filled in parallel at start, and parallel jobs on it give the in-process files.</summary>
public class FillingTests
{
    [Fact]
    public async Task Start_fills_the_buffer_with_ready_engines_in_distinct_live_processes()
    {
        await using TestPool test = await TestPool.StartAsync(new PoolOptions { MinReady = 3, MaxEngines = 4 });

        IReadOnlyList<EngineSnapshot> engines = test.Pool.Snapshot();

        Assert.Equal(3, engines.Count);
        Assert.All(engines, engine => Assert.Equal((EngineState.Ready, false), (engine.State, engine.Leased)));
        int[] pids = [.. engines.Select(engine => engine.ProcessId ?? 0)];
        Assert.Equal(3, pids.Distinct().Count());
        Assert.All(pids, pid => Assert.True(ChildProcesses.IsAlive(pid), $"engine process {pid} is not alive"));
        Assert.Equal(pids.Order(), ChildProcesses.Of(Environment.ProcessId, "engine").Order());
        Assert.Equal((3, 0), (test.Pool.Metrics.EnginesStarted, test.Pool.Metrics.StartFailures));
    }

    [Fact]
    public async Task Parallel_jobs_write_files_identical_to_in_process_generation()
    {
        await using TestPool test = await TestPool.StartAsync(new PoolOptions { MinReady = 3, MaxEngines = 3, MaxConcurrentJobs = 3 });
        string[] seeds = ["pool-a", "pool-b", "pool-c", "pool-d", "pool-e"];
        var grid = new GridSpec(256, 96);

        ExportJob[] jobs = [.. seeds.Select(seed => test.Job(seed, grid))];

        ExportOutcome[] outcomes = await Task.WhenAll(jobs.Select(job => test.Pool.ExportAsync(job, null, CancellationToken.None)));

        Assert.Equal(seeds.Length, test.Pool.Metrics.JobsSucceeded);
        Assert.Equal(0, test.Pool.Metrics.Retries);
        foreach ((ExportJob job, ExportOutcome outcome) in jobs.Zip(outcomes))
        {
            test.AssertSameAsInProcess(job, outcome);
        }

        // Five jobs on three engines: jobs ran side by side on more than one engine.
        Assert.True(test.Pool.Snapshot().Count(engine => engine.JobsDone > 0) > 1, "every job ran on one engine");
    }

    [Fact]
    public async Task A_pooled_export_of_the_reference_world_matches_the_golden_grid()
    {
        await using TestPool test = await TestPool.StartAsync(new PoolOptions { MinReady = 1, MaxEngines = 1 });

        ExportOutcome outcome = await test.Pool.ExportAsync(test.Job("hnLycKKCMI", new GridSpec(512, 48)), null, CancellationToken.None);

        Assert.Equal("1706363555-g2-e1-512x48", outcome.WorldKey);
        Assert.Equal(GoldenData.GridSha256("hnLycKKCMI-512.bin.gz"), GoldenData.Sha256(Path.Combine(outcome.OutputDirectory, "grid.bin")));
        Assert.Equal(GoldenData.GridSha256("hnLycKKCMI-512.bin.gz"), outcome.Files.Single(file => file.Name == "grid.bin").Sha256);
    }

    [Fact]
    public async Task A_slow_engine_start_is_waited_for()
    {
        var clock = Stopwatch.StartNew();
        await using TestPool test = await TestPool.StartAsync(
            new PoolOptions { MinReady = 2, MaxEngines = 2 }, faults: _ => ["slow-start:1500"]);

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(1500), $"started in {clock.Elapsed}, before the engines' 1.5 s start-up");
        Assert.Equal([EngineState.Ready, EngineState.Ready], test.Pool.Snapshot().Select(engine => engine.State));
        Assert.Equal((2, 0), (test.Pool.Metrics.EnginesStarted, test.Pool.Metrics.StartFailures));
    }
}
