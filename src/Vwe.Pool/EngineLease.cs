using Vwe.Engines;

namespace Vwe.Pool;

/// <summary>
/// An engine lent by <see cref="WarmEnginePool.AcquireAsync"/>: Ready when handed out, and the holder's alone
/// until disposed. Dispose after resetting the engine (or after it failed): the pool then keeps it, retires it
/// or replaces it.
/// </summary>
public sealed class EngineLease : IAsyncDisposable
{
    private readonly WarmEnginePool pool;
    private readonly PooledEngine pooled;
    private int returned;

    internal EngineLease(WarmEnginePool pool, PooledEngine pooled, TimeSpan waited)
    {
        this.pool = pool;
        this.pooled = pooled;
        Waited = waited;
    }

    public Engine Engine => pooled.Engine;

    /// <summary>How long the acquire waited for it.</summary>
    public TimeSpan Waited { get; }

    /// <summary>An export finished on this engine: it counts towards the engine's retirement.</summary>
    internal void CountExport() => pooled.CountExport();

    /// <summary>The job is over; the engine stays lent (to be reset) but no longer counts against jobs at once.</summary>
    internal void EndJob() => pool.ReleaseJobSlot(pooled);

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref returned, 1) == 0)
        {
            pool.Return(pooled);
        }

        return ValueTask.CompletedTask;
    }
}
