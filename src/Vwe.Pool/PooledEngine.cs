using Vwe.Engines;

namespace Vwe.Pool;

/// <summary>The pool's record of one engine: whether it is lent out, its health-check misses, its retirement time.</summary>
internal sealed class PooledEngine(Engine engine, DateTimeOffset retireAtUtc)
{
    public Engine Engine { get; } = engine;

    private int exports;

    public DateTimeOffset RetireAtUtc { get; } = retireAtUtc;

    public void CountExport() => Interlocked.Increment(ref exports);

    /// <summary>Lent to a job. Guarded by the pool's lock.</summary>
    public bool Leased { get; set; }

    /// <summary>Exports this engine finished, for <see cref="PoolOptions.MaxJobsPerEngine"/>.</summary>
    public int Exports => Volatile.Read(ref exports);

    /// <summary>Counts against the jobs-at-once limit: from the grant until its job ends (the reset after it does not count). Guarded by the pool's lock.</summary>
    public bool HoldsJobSlot { get; set; }

    /// <summary>Consecutive unanswered pings. Guarded by the pool's lock.</summary>
    public int MissedPings { get; set; }

    /// <summary>The last health ping sent; a miss when still unanswered at the next check. Guarded by the pool's lock.</summary>
    public Task? LastPing { get; set; }

    /// <summary>Removed from the pool (being stopped). Guarded by the pool's lock.</summary>
    public bool Removed { get; set; }
}
