using Vwe.Engines.Lifecycle;
using Vwe.Pool;

namespace Vwe.Service.Hosting;

/// <summary>Whether the engine pool has filled (what <c>/readyz</c> reports), or why not.</summary>
public sealed class Readiness(WarmEnginePool pool)
{
    private volatile bool ready;
    private volatile string? failure;

    public bool IsReady => ready;

    public void Ready() => ready = true;

    public void Failed(string reason) => failure = reason;

    public string Describe() =>
        failure is { } reason
            ? $"engine pool could not start: {reason}"
            : $"starting: {pool.Snapshot().Count(engine => engine.State == EngineState.Ready)} of {pool.Options.MinReady} engines ready";
}
