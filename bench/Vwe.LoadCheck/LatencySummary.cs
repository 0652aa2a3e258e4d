using System.Globalization;

namespace Vwe.LoadCheck;

/// <summary>Requests per second and latency percentiles of one scenario, as a Markdown table row.</summary>
internal sealed record LatencySummary(string Scenario, int Requests, int Failures, double Seconds, double[] SortedMilliseconds)
{
    public const string Header = "| scenario | requests | failures | requests/s | p50 | p99 | max |\n|---|---|---|---|---|---|---|";

    public static LatencySummary Of(string scenario, IEnumerable<double> milliseconds, int failures, double seconds)
    {
        double[] sorted = [.. milliseconds.Order()];
        return new LatencySummary(scenario, sorted.Length, failures, seconds, sorted);
    }

    /// <summary>The nearest-rank percentile.</summary>
    public double Percentile(double p) =>
        SortedMilliseconds.Length == 0 ? double.NaN : SortedMilliseconds[Math.Clamp((int)Math.Ceiling(p / 100 * SortedMilliseconds.Length) - 1, 0, SortedMilliseconds.Length - 1)];

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Scenario} | {Requests} | {Failures} | {Requests / Seconds:0} | {Percentile(50):0.00} ms | {Percentile(99):0.00} ms | {SortedMilliseconds.LastOrDefault():0.00} ms |");
}
