using System.Diagnostics.Metrics;
using Vwe.Engines.Lifecycle;

namespace Vwe.Engines.Tests.Lifecycle;

/// <summary>
/// Every lifecycle move is counted on <c>vwe.engine.transitions</c> of the meter <c>Vwe.Engines</c>, tagged
/// <c>from</c> and <c>to</c> (the names an OpenTelemetry exporter will publish), and a refused move is not.
/// </summary>
public class TransitionMetricsTests
{
    [Fact]
    public void Each_move_adds_one_tagged_with_from_and_to_and_a_refused_move_adds_nothing()
    {
        // Other tests move engines on other threads at the same time: keep only this thread's measurements.
        int thread = Environment.CurrentManagedThreadId;
        var counted = new List<(long Value, string? From, string? To)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, subscriber) =>
        {
            if (instrument.Meter.Name == "Vwe.Engines" && instrument.Name == "vwe.engine.transitions")
            {
                subscriber.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            if (Environment.CurrentManagedThreadId == thread)
            {
                counted.Add((value, Tag(tags, "from"), Tag(tags, "to")));
            }
        });
        listener.Start();

        var lifecycle = new EngineLifecycle("metered");
        lifecycle.MoveTo(EngineState.Ready);
        lifecycle.MoveTo(EngineState.Exporting);
        Assert.Throws<IllegalTransitionException>(() => lifecycle.MoveTo(EngineState.Generating));
        Assert.True(lifecycle.TryMarkUnhealthy("test"));
        Assert.False(lifecycle.TryMarkUnhealthy("test again"));
        lifecycle.MarkStopped();
        lifecycle.MarkStopped();

        Assert.Equal(
            [(1L, "Starting", "Ready"), (1L, "Ready", "Exporting"), (1L, "Exporting", "Unhealthy"), (1L, "Unhealthy", "Stopped")],
            counted);
    }

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            if (tag.Key == name)
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
