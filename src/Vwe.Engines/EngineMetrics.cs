using System.Diagnostics.Metrics;

namespace Vwe.Engines;

/// <summary>
/// The engines' instruments, on one meter (<see cref="MeterName"/>), with OpenTelemetry-style dotted names and
/// units. Durations are measured on the client side of the engine (what a caller waits), in seconds.
/// </summary>
public static class EngineMetrics
{
    public const string MeterName = "Vwe.Engines";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Every lifecycle move, tagged <c>from</c> and <c>to</c>.</summary>
    public static Counter<long> Transitions { get; } =
        Meter.CreateCounter<long>("vwe.engine.transitions", "{transition}", "Engine lifecycle moves");

    /// <summary>World loads that did work (construct + pre-generate), tagged <c>kind</c>.</summary>
    public static Histogram<double> LoadDuration { get; } =
        Meter.CreateHistogram<double>("vwe.engine.load.duration", "s", "Time to load a world (construct and pre-generate)");

    /// <summary>Exports (sample and write files), tagged <c>kind</c>.</summary>
    public static Histogram<double> ExportDuration { get; } =
        Meter.CreateHistogram<double>("vwe.engine.export.duration", "s", "Time to sample and write one export");

    /// <summary>Samples (inline values), tagged <c>kind</c>.</summary>
    public static Histogram<double> SampleDuration { get; } =
        Meter.CreateHistogram<double>("vwe.engine.sample.duration", "s", "Time to answer one sample request");
}
