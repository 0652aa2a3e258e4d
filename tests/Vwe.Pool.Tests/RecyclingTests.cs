using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using Vwe.Engines.Jobs;
using Vwe.Engines.Lifecycle;
using Vwe.WorldGen;

namespace Vwe.Pool.Tests;

/// <summary>Engines retire after a number of jobs, or once idle past their lifetime, and fresh ones take their place.</summary>
public class RecyclingTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task After_its_maximum_of_jobs_an_engine_is_replaced_by_a_fresh_process()
    {
        await using TestPool test = await TestPool.StartAsync(new PoolOptions { MinReady = 1, MaxEngines = 1, MaxJobsPerEngine = 2 });
        var events = new ConcurrentQueue<string>();
        test.Pool.Metrics.Event += events.Enqueue;
        int first = test.ProcessIdOf("p1");

        await test.Pool.ExportAsync(test.Job("recycle-1"), null, CancellationToken.None);
        // The engine is reset and given back just after the job's answer.
        await Eventually.True(() => test.Pool.Snapshot() is [{ Id: "p1", JobsDone: 1, Leased: false }], Deadline, "p1 back after one job");

        await test.Pool.ExportAsync(test.Job("recycle-2"), null, CancellationToken.None);
        await Eventually.True(() => test.Pool.Snapshot() is [{ Id: "p2", State: EngineState.Ready, JobsDone: 0 }], Deadline, "p2, fresh and Ready, in place of p1");

        Assert.NotEqual(first, test.ProcessIdOf("p2"));
        await Eventually.True(() => !ChildProcesses.IsAlive(first), Deadline, "p1's process ended");
        Assert.Equal(1, test.Pool.Metrics.Restarts);
        Assert.Contains("replacing engine p1 (recycled): done 2 exports (max 2)", events);
    }

    [Fact]
    public async Task Samples_do_not_count_towards_replacement_but_exports_do()
    {
        await using TestPool test = await TestPool.StartAsync(new PoolOptions { MinReady = 1, MaxEngines = 1, MaxJobsPerEngine = 1 });
        var point = new SampleJob(StableHash.WorldSeed("points"), new SamplePoints([100.0, -250.0]), SampleFields.Biome | SampleFields.Height);

        for (int query = 0; query < 3; query++)
        {
            await test.Pool.SampleAsync(point, CancellationToken.None);
        }

        await Eventually.True(() => test.Pool.Snapshot() is [{ Id: "p1", JobsDone: 3, Leased: false }], Deadline, "p1 back after three samples");
        Assert.Equal(0, test.Pool.Metrics.Restarts);

        await test.Pool.ExportAsync(test.Job("points"), null, CancellationToken.None);
        await Eventually.True(() => test.Pool.Snapshot() is [{ Id: "p2", State: EngineState.Ready }], Deadline, "p2 in place of p1 after its export");
        Assert.Equal(1, test.Pool.Metrics.Restarts);
    }

    [Fact]
    public async Task Idle_engines_retire_after_their_lifetime_and_a_lent_one_once_given_back()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var options = new PoolOptions
        {
            MinReady = 2,
            MaxEngines = 2,
            MaxConcurrentJobs = 2,
            MaxLifetime = TimeSpan.FromMinutes(10),
            LifetimeJitter = 0.5,
            // One health tick past every lifetime: fake time fires a shorter period's ticks back to back, and pings
            // that cannot be answered between them would count as misses.
            HealthInterval = TimeSpan.FromMinutes(11),
        };
        await using TestPool test = await TestPool.StartAsync(options, time: time);
        var events = new ConcurrentQueue<string>();
        test.Pool.Metrics.Event += events.Enqueue;
        EngineLease lent = await test.Pool.AcquireAsync(null, CancellationToken.None);
        string idle = test.Pool.Snapshot().Single(engine => !engine.Leased).Id;

        // Past every engine's lifetime: the next health check retires the idle engine; the lent one keeps its job.
        time.Advance(options.HealthInterval);

        await Eventually.True(
            () => test.Pool.Snapshot() is { Count: 2 } engines && engines.All(engine => engine.Id != idle) && engines.Any(engine => engine.Id == lent.Engine.Id && engine.Leased),
            Deadline,
            $"{idle} replaced while {lent.Engine.Id} stays lent");
        Assert.Equal(EngineState.Ready, lent.Engine.State);
        Assert.Contains($"replacing engine {idle} (recycled): reached its lifetime (max 00:10:00)", events);

        string retiring = lent.Engine.Id;
        await lent.DisposeAsync();
        await Eventually.True(
            () => test.Pool.Snapshot() is { Count: 2 } engines && engines.All(engine => engine.Id is not "p1" and not "p2" && engine.State == EngineState.Ready),
            Deadline,
            "both first engines replaced");
        Assert.Contains($"replacing engine {retiring} (recycled): reached its lifetime (max 00:10:00)", events);
        Assert.Equal(2, test.Pool.Metrics.Restarts);
    }
}
