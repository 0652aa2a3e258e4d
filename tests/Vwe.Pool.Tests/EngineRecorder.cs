using System.Collections.Concurrent;
using System.Diagnostics;
using Vwe.Engines;
using Vwe.Engines.Lifecycle;

namespace Vwe.Pool.Tests;

/// <summary>When an engine first entered each state, on the test's clock, from its lifecycle events.</summary>
internal sealed class EngineRecorder
{
    private readonly Stopwatch clock;
    private readonly ConcurrentDictionary<EngineState, TaskCompletionSource<TimeSpan>> entered = new();

    public EngineRecorder(Engine engine, Stopwatch clock)
    {
        this.clock = clock;
        engine.Lifecycle.Changed += change => Entered(change.To).TrySetResult(clock.Elapsed);
        Entered(engine.State).TrySetResult(clock.Elapsed);
    }

    /// <summary>Completes with the time the engine first entered <paramref name="state"/> (or was in it when recording began).</summary>
    public Task<TimeSpan> When(EngineState state) => Entered(state).Task;

    private TaskCompletionSource<TimeSpan> Entered(EngineState state) =>
        entered.GetOrAdd(state, _ => new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously));
}
