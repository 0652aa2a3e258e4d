using System.Diagnostics;
using Vwe.Engines;
using Vwe.Engines.Lifecycle;

namespace Vwe.Pool.Tests;

/// <summary>Engines that will not start (<c>--fault fail-start</c>: the process exits with code 1 before its hello).</summary>
public class StartFailureTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>Waits of 200 ms, 400 ms, 800 ms, … between failed starts; three failures in a row are an error.</summary>
    private static readonly PoolOptions Failing = new()
    {
        MinReady = 1,
        MaxEngines = 1,
        StartBackoff = TimeSpan.FromMilliseconds(200),
        MaxStartBackoff = TimeSpan.FromSeconds(10),
        MaxStartFailures = 3,
    };

    [Fact]
    public async Task Engines_that_cannot_start_fail_the_start_with_a_clear_error_after_backing_off()
    {
        await using TestPool test = TestPool.Create(Failing, faults: _ => ["fail-start"]);

        var error = await Assert.ThrowsAsync<EnginesCannotStartException>(() => test.Pool.StartAsync(CancellationToken.None).WaitAsync(Deadline));

        Assert.StartsWith("engines cannot start: 3 starts in a row failed, the last with: engine p3 did not start: it exited with code 1 before its handshake", error.Message, StringComparison.Ordinal);
        Assert.Contains("its last words: vwe engine: failing to start (--fault fail-start)", error.Message, StringComparison.Ordinal);
        Assert.Contains("the pool keeps retrying with backoff", error.Message, StringComparison.Ordinal);
        Assert.Equal("p3", Assert.IsType<EngineStartException>(error.InnerException).EngineId);

        // Backed off between the starts: 200 ms after the first failure, 400 ms after the second.
        await AssertWaitedAsync(test, 2, TimeSpan.FromMilliseconds(200));
        await AssertWaitedAsync(test, 3, TimeSpan.FromMilliseconds(400));
        Assert.True(test.Pool.Metrics.StartFailures <= Failing.MaxStartFailures + 2, $"{test.Pool.Metrics.StartFailures} failed starts by the time of the error");

        // No busy loop after the error either: the pool tries again, 800 ms later, one engine at a time.
        await Eventually.True(() => test.Pool.Metrics.StartFailures == 4, Deadline, "a fourth start, after the backoff");
        await AssertWaitedAsync(test, 4, TimeSpan.FromMilliseconds(800));
        Assert.Equal(4, test.Created.Count);

        // Meanwhile a request fails at once with the same error rather than waiting for an engine.
        var clock = Stopwatch.StartNew();
        var refused = await Assert.ThrowsAsync<EnginesCannotStartException>(() => test.Pool.AcquireAsync(null, CancellationToken.None));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"the refusal took {clock.Elapsed}");
        Assert.StartsWith("engines cannot start: 4 starts in a row failed", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pool_keeps_trying_and_recovers_once_engines_start_again()
    {
        await using TestPool test = TestPool.Create(Failing, faults: serial => serial <= 3 ? ["fail-start"] : null);

        await Assert.ThrowsAsync<EnginesCannotStartException>(() => test.Pool.StartAsync(CancellationToken.None).WaitAsync(Deadline));

        await Eventually.True(() => test.Pool.Snapshot() is [{ Id: "p4", State: EngineState.Ready }], Deadline, "p4 started and Ready");
        await using EngineLease lease = await test.Pool.AcquireAsync(null, CancellationToken.None);
        Assert.Equal("p4", lease.Engine.Id);
        Assert.Equal((3, 1), (test.Pool.Metrics.StartFailures, test.Pool.Metrics.EnginesStarted));
    }

    /// <summary>Engine <paramref name="serial"/> was made at least <paramref name="backoff"/> after the one before it failed (a timer may round a millisecond early).</summary>
    private static async Task AssertWaitedAsync(TestPool test, int serial, TimeSpan backoff)
    {
        TimeSpan waited = await test.States(serial).When(EngineState.Starting) - await test.States(serial - 1).When(EngineState.Stopped);
        Assert.True(waited >= backoff - TimeSpan.FromMilliseconds(5), $"engine {serial} was started {waited.TotalMilliseconds:0} ms after engine {serial - 1} failed, not after a backoff of {backoff.TotalMilliseconds} ms");
    }
}
