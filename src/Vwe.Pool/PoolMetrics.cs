using System.Diagnostics.Metrics;
using Vwe.Engines.Lifecycle;

namespace Vwe.Pool;

/// <summary>
/// The pool's instruments on its own meter (<see cref="MeterName"/>; one per pool, so tests and services with
/// several pools keep them apart), with OpenTelemetry-style names and units, plus the running totals a
/// summary prints. Engine-level durations are in <see cref="Vwe.Engines.EngineMetrics"/>.
/// </summary>
public sealed class PoolMetrics : IDisposable
{
    public const string MeterName = "Vwe.Pool";

    private readonly Meter meter = new(MeterName);
    private readonly Counter<long> jobs;
    private readonly Counter<long> retries;
    private readonly Counter<long> restarts;
    private readonly Counter<long> startFailures;
    private readonly Histogram<double> overhead;
    private long succeeded;
    private long failed;
    private long retried;
    private long replaced;
    private long started;
    private long failedStarts;

    internal PoolMetrics(WarmEnginePool pool)
    {
        meter.CreateObservableGauge(
            "vwe.pool.engines",
            () => pool.CountByState().Select(entry => new Measurement<int>(entry.Value, new KeyValuePair<string, object?>("state", entry.Key.ToString()))),
            "{engine}",
            "Engines by lifecycle state");
        AcquireWait = meter.CreateHistogram<double>("vwe.pool.acquire.wait", "s", "Time a request waited for a free engine");
        jobs = meter.CreateCounter<long>("vwe.pool.jobs", "{job}", "Jobs finished, by outcome");
        retries = meter.CreateCounter<long>("vwe.pool.retries", "{retry}", "Jobs run again on another engine after an engine failure");
        restarts = meter.CreateCounter<long>("vwe.pool.engine.restarts", "{engine}", "Engines replaced, by reason (unhealthy, recycled)");
        startFailures = meter.CreateCounter<long>("vwe.pool.engine.start_failures", "{engine}", "Engine starts that failed");
        overhead = meter.CreateHistogram<double>("vwe.pool.job.overhead", "s", "Job time outside the engine's own load and export work");
    }

    public Meter Meter => meter;

    public Histogram<double> AcquireWait { get; }

    public long JobsSucceeded => Interlocked.Read(ref succeeded);

    public long JobsFailed => Interlocked.Read(ref failed);

    public long Retries => Interlocked.Read(ref retried);

    /// <summary>Engines replaced (failed or recycled) while the pool was open.</summary>
    public long Restarts => Interlocked.Read(ref replaced);

    public long EnginesStarted => Interlocked.Read(ref started);

    public long StartFailures => Interlocked.Read(ref failedStarts);

    /// <summary>Raised for every retry and replacement with a one-line reason, for logs.</summary>
    public event Action<string>? Event;

    public void Dispose() => meter.Dispose();

    internal void JobFinished(string outcome, TimeSpan? poolOverhead)
    {
        Interlocked.Increment(ref outcome == "succeeded" ? ref succeeded : ref failed);
        jobs.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        if (poolOverhead is { } value)
        {
            overhead.Record(value.TotalSeconds);
        }
    }

    internal void Retried(string engineId, string reason)
    {
        Interlocked.Increment(ref retried);
        retries.Add(1);
        Event?.Invoke($"retrying on another engine: engine {engineId} failed: {reason}");
    }

    internal void EngineReplaced(string reason, string engineId, string detail)
    {
        Interlocked.Increment(ref replaced);
        restarts.Add(1, new KeyValuePair<string, object?>("reason", reason));
        Event?.Invoke($"replacing engine {engineId} ({reason}): {detail}");
    }

    internal void EngineStarted() => Interlocked.Increment(ref started);

    internal void StartFailed()
    {
        Interlocked.Increment(ref failedStarts);
        startFailures.Add(1);
    }

    /// <summary>For the engines gauge's documentation: the states it reports.</summary>
    public static IReadOnlyList<EngineState> States { get; } = Enum.GetValues<EngineState>();
}
