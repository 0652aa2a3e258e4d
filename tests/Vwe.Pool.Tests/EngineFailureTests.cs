using System.Collections.Concurrent;
using System.Diagnostics;
using Vwe.Engines.Jobs;
using Vwe.Engines.Lifecycle;
using Vwe.Engines.Remote;
using Vwe.Maps.Export;
using Vwe.Maps.Grid;
using Vwe.Tests.Golden;
using Vwe.WorldGen;

namespace Vwe.Pool.Tests;

/// <summary>
/// Engines that die, hang or cannot load, for real (SIGKILL from outside, or a <c>--fault</c> given at spawn):
/// each is replaced, never repaired, and its job finishes on another engine with the same files.
/// </summary>
public class EngineFailureTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_engine_killed_mid_job_is_replaced_and_the_job_is_retried_on_another_engine_with_identical_output()
    {
        await using TestPool test = await TestPool.StartAsync(new PoolOptions { MinReady = 3, MaxEngines = 3 });
        var events = new ConcurrentQueue<string>();
        test.Pool.Metrics.Event += events.Enqueue;
        int[] before = [.. test.Pool.Snapshot().Select(engine => engine.ProcessId ?? 0)];
        EngineSnapshot? victim = null;

        // The minimap grid is sampled in four bands: the first progress report comes with three still to do.
        var killer = new OnFirstReport(() =>
        {
            victim = test.Pool.Snapshot().Single(engine => engine.Leased);
            ChildProcesses.Kill(victim.ProcessId!.Value);
        });
        ExportJob job = test.Job("hnLycKKCMI", GridSpec.Minimap);
        ExportOutcome outcome = await test.Pool.ExportAsync(job, killer, CancellationToken.None).WaitAsync(Deadline);

        Assert.NotNull(victim);
        Assert.Equal(GoldenData.GridSha256("hnLycKKCMI-2048.bin.gz"), GoldenData.Sha256(Path.Combine(outcome.OutputDirectory, "grid.bin")));
        test.AssertSameAsInProcess(job, outcome);
        Assert.Equal((1, 1L), (test.Pool.Metrics.Retries, test.Pool.Metrics.JobsSucceeded));
        Assert.True(test.Pool.Metrics.Restarts >= 1, $"{test.Pool.Metrics.Restarts} restarts");
        Assert.Contains(events, line => line.StartsWith($"retrying on another engine: engine {victim.Id} failed", StringComparison.Ordinal));
        Assert.Contains(events, line => line.StartsWith($"replacing engine {victim.Id} (unhealthy)", StringComparison.Ordinal));

        // The job was done by another engine; the killed one is gone, and a new process took its place.
        await Eventually.True(
            () => test.Pool.Snapshot() is { Count: 3 } engines && engines.All(engine => engine.State == EngineState.Ready && engine.Id != victim.Id),
            Deadline,
            "three Ready engines without the killed one");
        IReadOnlyList<EngineSnapshot> after = test.Pool.Snapshot();
        Assert.Equal(1, after.Sum(engine => engine.JobsDone));
        Assert.DoesNotContain(victim.ProcessId, after.Select(engine => engine.ProcessId));
        Assert.Single(after, engine => !before.Contains(engine.ProcessId ?? 0));
        Assert.False(ChildProcesses.IsAlive(victim.ProcessId!.Value), $"killed engine process {victim.ProcessId} is still alive");
    }

    [Fact]
    public async Task An_engine_that_stops_answering_pings_is_marked_unhealthy_and_replaced_and_its_job_retried()
    {
        var interval = TimeSpan.FromMilliseconds(300);

        // One engine at first, so the job meets the hang; the replacement is the second engine.
        await using TestPool test = await TestPool.StartAsync(
            new PoolOptions { MinReady = 1, MaxEngines = 2, HealthInterval = interval, MaxMissedPings = 3 },
            faults: serial => serial == 1 ? ["hang:1"] : null);

        ExportJob job = test.Job("hang");
        ExportOutcome outcome = await test.Pool.ExportAsync(job, null, CancellationToken.None).WaitAsync(Deadline);

        // The hang begins when the job is sent (the engine enters Generating and answers nothing from then on).
        // Three misses take three to four periods; killing the hung process and starting the next take the rest.
        TimeSpan hang = await test.States(1).When(EngineState.Generating);
        TimeSpan unhealthy = await test.States(1).When(EngineState.Unhealthy);
        TimeSpan replacementCreated = await test.States(2).When(EngineState.Starting);
        TimeSpan replacementReady = await test.States(2).When(EngineState.Ready);
        TimeSpan startUp = replacementReady - replacementCreated;
        Assert.True(
            unhealthy - hang <= interval * 5,
            $"marked Unhealthy {(unhealthy - hang).TotalMilliseconds:0} ms after the hang; pings every {interval.TotalMilliseconds} ms");
        Assert.True(
            replacementReady - hang <= (interval * 6) + startUp,
            $"replacement Ready {(replacementReady - hang).TotalMilliseconds:0} ms after the hang, its start-up {startUp.TotalMilliseconds:0} ms; pings every {interval.TotalMilliseconds} ms");
        Assert.Equal((1, 1L), (test.Pool.Metrics.Retries, test.Pool.Metrics.JobsSucceeded));
        Assert.Equal(["p2"], test.Pool.Snapshot().Select(engine => engine.Id));
        Assert.False(ChildProcesses.IsAlive(test.Created[1].ProcessId!.Value), "the hung engine's process is still alive");
        test.AssertSameAsInProcess(job, outcome);
    }

    [Fact]
    public async Task An_idle_engine_that_stops_answering_is_marked_unhealthy_and_replaced()
    {
        var interval = TimeSpan.FromMilliseconds(200);

        // Pings time out (and the connection is given up) well before three health periods have passed.
        var remote = new RemoteEngineOptions { ControlTimeout = TimeSpan.FromMilliseconds(100), Grace = TimeSpan.FromMilliseconds(100) };
        await using TestPool test = await TestPool.StartAsync(
            new PoolOptions { MinReady = 1, MaxEngines = 1, HealthInterval = interval, MaxMissedPings = 3 }, remote: remote);
        int frozen = test.ProcessIdOf("p1");

        Signals.Freeze(frozen);
        TimeSpan froze = test.Clock.Elapsed;

        TimeSpan unhealthy = await test.States(1).When(EngineState.Unhealthy).WaitAsync(Deadline);
        Assert.True(
            unhealthy - froze <= interval * 5,
            $"marked Unhealthy {(unhealthy - froze).TotalMilliseconds:0} ms after it froze; pings every {interval.TotalMilliseconds} ms");
        await Eventually.True(() => test.Pool.Snapshot() is [{ Id: "p2", State: EngineState.Ready }], Deadline, "p2 alone, Ready");
        await Eventually.True(() => !ChildProcesses.IsAlive(frozen), Deadline, "the frozen engine is killed");
        await using EngineLease lease = await test.Pool.AcquireAsync(null, CancellationToken.None);
        Assert.Equal("p2", lease.Engine.Id);
    }

    [Fact]
    public async Task A_world_load_that_times_out_restarts_the_engine_and_the_job_runs_once_elsewhere()
    {
        // Short, but ample for a real load in an engine that skipped its warm-up (the replacement's).
        var remote = new RemoteEngineOptions { LoadTimeout = TimeSpan.FromSeconds(3), Grace = TimeSpan.FromMilliseconds(500) };
        await using TestPool test = await TestPool.StartAsync(
            new PoolOptions { MinReady = 1, MaxEngines = 2 }, faults: serial => serial == 1 ? ["hang-load:1"] : null, remote: remote);
        var events = new ConcurrentQueue<string>();
        test.Pool.Metrics.Event += events.Enqueue;

        ExportJob job = test.Job("hang-load");
        ExportOutcome outcome = await test.Pool.ExportAsync(job, null, CancellationToken.None).WaitAsync(Deadline);

        test.AssertSameAsInProcess(job, outcome);
        Assert.Equal((1, 1L, 0L), (test.Pool.Metrics.Retries, test.Pool.Metrics.JobsSucceeded, test.Pool.Metrics.JobsFailed));
        Assert.Contains(events, line => line.StartsWith("retrying on another engine: engine p1 failed: world ", StringComparison.Ordinal) && line.Contains("did not load within", StringComparison.Ordinal));
        await Eventually.True(() => test.Pool.Snapshot() is [{ Id: "p2", State: EngineState.Ready }], Deadline, "p2 alone, Ready");
        await Eventually.True(() => !ChildProcesses.IsAlive(test.Created[1].ProcessId!.Value), Deadline, "the engine whose load hung is stopped");
    }
}
