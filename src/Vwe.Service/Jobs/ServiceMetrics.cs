using System.Diagnostics.Metrics;
using Vwe.Service.Cache;

namespace Vwe.Service.Jobs;

/// <summary>
/// The service's instruments on its own meter (<see cref="MeterName"/>, one per service instance), beside the
/// pool's (<c>Vwe.Pool</c>) and the engines' (<c>Vwe.Engines</c>). In Prometheus text they read
/// <c>vwe_service_jobs_total{outcome}</c>, <c>vwe_service_jobs_submitted_total{result}</c>,
/// <c>vwe_service_jobs_queued</c>, <c>vwe_service_jobs_running</c>, <c>vwe_service_job_duration_seconds</c>,
/// <c>vwe_service_cache_bytes</c>, <c>vwe_service_cache_worlds</c>, <c>vwe_service_cache_evictions_total</c>;
/// the tiles' are in <see cref="Tiles.TileMetrics"/>.
/// </summary>
public sealed class ServiceMetrics : IDisposable
{
    public const string MeterName = "Vwe.Service";

    private readonly Meter meter = new(MeterName);
    private readonly Counter<long> jobs;
    private readonly Counter<long> submitted;
    private readonly Histogram<double> duration;
    private int running;

    public ServiceMetrics(JobStore store, WorldCache cache)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(cache);
        jobs = meter.CreateCounter<long>("vwe.service.jobs", "{job}", "Jobs finished, by outcome (succeeded, failed, cancelled)");
        submitted = meter.CreateCounter<long>("vwe.service.jobs.submitted", "{request}", "World requests, by result (created, joined, cached)");
        duration = meter.CreateHistogram<double>("vwe.service.job.duration", "s", "Time from a job's start to its successful end");
        meter.CreateObservableGauge("vwe.service.jobs.queued", () => store.Count(JobState.Queued), "{job}", "Jobs waiting to run");
        meter.CreateObservableGauge("vwe.service.jobs.running", () => Volatile.Read(ref running), "{job}", "Jobs running now");
        meter.CreateObservableGauge("vwe.service.cache.bytes", () => cache.TotalBytes, "By", "Bytes of the worlds in the cache");
        meter.CreateObservableGauge("vwe.service.cache.worlds", () => cache.Count, "{world}", "Worlds in the cache");
        meter.CreateObservableCounter("vwe.service.cache.evictions", () => cache.Evictions, "{world}", "Worlds evicted to keep the cache under its size");
    }

    /// <summary>The service's meter, for the instruments of other parts (the tiles: <c>Tiles.TileMetrics</c>).</summary>
    internal Meter Meter => meter;

    public void Submitted(string result) => submitted.Add(1, new KeyValuePair<string, object?>("result", result));

    public void Started() => Interlocked.Increment(ref running);

    /// <summary>A job ended (or went back to the queue, <paramref name="outcome"/> null).</summary>
    public void Ended(string? outcome, TimeSpan? elapsed)
    {
        Interlocked.Decrement(ref running);
        if (outcome is not null)
        {
            jobs.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        }

        if (elapsed is { } value)
        {
            duration.Record(value.TotalSeconds);
        }
    }

    public void Dispose() => meter.Dispose();
}
