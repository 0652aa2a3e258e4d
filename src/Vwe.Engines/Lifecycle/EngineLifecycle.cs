namespace Vwe.Engines.Lifecycle;

/// <summary>
/// The state of one engine behind one <see cref="MoveTo"/>: checked against <see cref="EngineTransitions"/>,
/// counted in <see cref="EngineMetrics"/> and reported through <see cref="Changed"/>. Thread-safe: health checks,
/// process-exit watchers and the job that owns the engine may all move it.
/// </summary>
public sealed class EngineLifecycle(string engineId, TimeProvider? time = null)
{
    private readonly Lock gate = new();
    private readonly TimeProvider time = time ?? TimeProvider.System;
    private EngineState state = EngineState.Starting;

    /// <summary>Raised after every move, outside the lock, on the thread that made it.</summary>
    public event Action<EngineStateChange>? Changed;

    public string EngineId { get; } = engineId;

    public EngineState State
    {
        get
        {
            lock (gate)
            {
                return state;
            }
        }
    }

    /// <summary>Moves to <paramref name="to"/>; throws <see cref="IllegalTransitionException"/> when the table forbids it.</summary>
    public void MoveTo(EngineState to, string? reason = null)
    {
        if (!TryMoveTo(to, out EngineState from, reason))
        {
            throw new IllegalTransitionException(EngineId, from, to);
        }
    }

    /// <summary>
    /// Moves to <paramref name="to"/> when allowed from the current state; false (and no change) otherwise. For
    /// moves that race by nature: a failure seen by a health check and by the job at once marks Unhealthy once.
    /// </summary>
    public bool TryMoveTo(EngineState to, out EngineState from, string? reason = null)
    {
        lock (gate)
        {
            from = state;
            if (!EngineTransitions.IsAllowed(from, to))
            {
                return false;
            }

            state = to;
        }

        EngineMetrics.Transitions.Add(1, new("from", from.ToString()), new("to", to.ToString()));
        Changed?.Invoke(new EngineStateChange(EngineId, from, to, time.GetUtcNow(), reason));
        return true;
    }

    /// <summary>Marks the engine broken (from any live state); false when it already was, or is stopped.</summary>
    public bool TryMarkUnhealthy(string reason) => TryMoveTo(EngineState.Unhealthy, out _, reason);

    /// <summary>Marks the engine gone; idempotent.</summary>
    public void MarkStopped(string? reason = null) => TryMoveTo(EngineState.Stopped, out _, reason);
}
