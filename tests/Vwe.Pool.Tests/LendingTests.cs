using System.Collections.Concurrent;
using System.Diagnostics;
using Vwe.Engines.Lifecycle;

namespace Vwe.Pool.Tests;

/// <summary><see cref="WarmEnginePool.AcquireAsync"/>: first come, first served, with a timeout and cancellation, one holder per engine.</summary>
public class LendingTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static readonly PoolOptions OneEngine = new() { MinReady = 1, MaxEngines = 1, MaxConcurrentJobs = 1 };

    [Fact]
    public async Task Acquire_times_out_with_the_settings_named_when_every_engine_is_lent()
    {
        await using TestPool test = await TestPool.StartAsync(OneEngine with { AcquireTimeout = TimeSpan.FromMilliseconds(200) });
        await using EngineLease held = await test.Pool.AcquireAsync(null, CancellationToken.None);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<PoolTimeoutException>(() => test.Pool.AcquireAsync(null, CancellationToken.None));

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(190), $"gave up after {clock.Elapsed}");
        Assert.Equal(
            "no engine was free within 0.2 s: 1 of at most 1 jobs running, 1 engines alive (max 1), 0 starting, 0 requests waiting. " +
            "Raise the number of engines or the acquire timeout, or send fewer requests at once.",
            error.Message);
        Assert.IsAssignableFrom<TimeoutException>(error);
    }

    [Fact]
    public async Task Jobs_at_once_are_capped_even_with_idle_engines()
    {
        await using TestPool test = await TestPool.StartAsync(new PoolOptions { MinReady = 2, MaxEngines = 2, MaxConcurrentJobs = 1, AcquireTimeout = TimeSpan.FromMilliseconds(200) });
        await using EngineLease held = await test.Pool.AcquireAsync(null, CancellationToken.None);

        await Assert.ThrowsAsync<PoolTimeoutException>(() => test.Pool.AcquireAsync(null, CancellationToken.None));

        Assert.Single(test.Pool.Snapshot(), engine => engine is { Leased: false, State: EngineState.Ready });
    }

    [Fact]
    public async Task A_cancelled_acquire_throws_and_is_never_granted_later()
    {
        await using TestPool test = await TestPool.StartAsync(OneEngine);
        EngineLease held = await test.Pool.AcquireAsync(null, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        Task<EngineLease> waiting = test.Pool.AcquireAsync(null, cancel.Token);
        Assert.False(waiting.IsCompleted);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await held.DisposeAsync();
        Assert.Equal([(EngineState.Ready, false)], test.Pool.Snapshot().Select(engine => (engine.State, engine.Leased)));
        var clock = Stopwatch.StartNew();
        await using EngineLease next = await test.Pool.AcquireAsync(null, CancellationToken.None);
        Assert.Equal("p1", next.Engine.Id);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"the engine was free, yet the acquire took {clock.Elapsed}");
    }

    [Fact]
    public async Task Waiters_are_served_first_come_first_served()
    {
        await using TestPool test = await TestPool.StartAsync(OneEngine);
        EngineLease held = await test.Pool.AcquireAsync(null, CancellationToken.None);

        // Each acquire is queued before the call returns, so these three arrive in this order.
        List<Task<EngineLease>> waiting = [.. Enumerable.Range(0, 3).Select(_ => test.Pool.AcquireAsync(null, CancellationToken.None))];
        var served = new List<int>();
        while (served.Count < 3)
        {
            await held.DisposeAsync();
            Task<EngineLease> next = await Task.WhenAny(waiting.Where(task => !served.Contains(waiting.IndexOf(task)))).WaitAsync(Deadline);
            served.Add(waiting.IndexOf(next));
            held = await next;
        }

        await held.DisposeAsync();
        Assert.Equal([0, 1, 2], served);
    }

    [Fact]
    public async Task Concurrent_leases_never_share_an_engine_and_only_Ready_engines_are_lent()
    {
        await using TestPool test = await TestPool.StartAsync(new PoolOptions { MinReady = 3, MaxEngines = 3, MaxConcurrentJobs = 3 });
        var holders = new ConcurrentDictionary<string, int>();
        var lent = new ConcurrentBag<string>();

        // Six borrowers on three engines, so most acquires wait and are handed an engine just given back.
        await Task.WhenAll(Enumerable.Range(0, 6).Select(borrower => Task.Run(async () =>
        {
            for (int round = 0; round < 20; round++)
            {
                await using EngineLease lease = await test.Pool.AcquireAsync(null, CancellationToken.None);
                Assert.Equal(EngineState.Ready, lease.Engine.State);
                Assert.True(holders.TryAdd(lease.Engine.Id, borrower), $"engine {lease.Engine.Id} lent to {borrower} while {holders.GetValueOrDefault(lease.Engine.Id)} held it");
                lent.Add(lease.Engine.Id);
                await Task.Yield();
                Assert.True(holders.TryRemove(lease.Engine.Id, out _));
            }
        }))).WaitAsync(Deadline);

        Assert.Equal(120, lent.Count);
        Assert.Equal(["p1", "p2", "p3"], lent.Distinct().Order(StringComparer.Ordinal));
        Assert.All(test.Pool.Snapshot(), engine => Assert.Equal((EngineState.Ready, false), (engine.State, engine.Leased)));
    }

    [Fact]
    public async Task An_engine_killed_while_idle_is_dropped_at_once_and_never_lent()
    {
        await using TestPool test = await TestPool.StartAsync(new PoolOptions { MinReady = 2, MaxEngines = 2, MaxConcurrentJobs = 2 });
        int victim = test.ProcessIdOf("p1");

        ChildProcesses.Kill(victim);
        var clock = Stopwatch.StartNew();

        // A dead process is noticed by its exit, not by the next health check (5 s away by default).
        await Eventually.True(() => test.Pool.Snapshot().All(engine => engine.Id != "p1"), Deadline, "p1 dropped from the pool");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"the dead engine was dropped after {clock.Elapsed}");
        EngineLease[] leases = await Task.WhenAll(test.Pool.AcquireAsync(null, CancellationToken.None), test.Pool.AcquireAsync(null, CancellationToken.None)).WaitAsync(Deadline);
        Assert.Equal(["p2", "p3"], leases.Select(lease => lease.Engine.Id).Order(StringComparer.Ordinal));
        Assert.All(leases, lease => Assert.True(ChildProcesses.IsAlive(lease.Engine.Info!.ProcessId!.Value)));
        Assert.Equal(1, test.Pool.Metrics.Restarts);
        foreach (EngineLease lease in leases)
        {
            await lease.DisposeAsync();
        }
    }
}
