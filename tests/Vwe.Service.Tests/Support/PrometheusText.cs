using System.Globalization;

namespace Vwe.Service.Tests.Support;

/// <summary>
/// A Prometheus text exposition, read just enough to sum a metric's samples: <c>name{labels} value [timestamp]</c>
/// lines, <c>#</c> lines skipped. A counter may be exposed with or without the <c>_total</c> suffix.
/// </summary>
internal sealed class PrometheusText(string text)
{
    public string Text { get; } = text;

    /// <summary>The sum of every sample of <paramref name="metric"/> (all label sets), or null when it has none.</summary>
    public double? Sum(string metric)
    {
        double? sum = null;
        foreach (string line in Text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int nameEnd = line.IndexOfAny(['{', ' ']);
            if (nameEnd < 0)
            {
                continue;
            }

            string name = line[..nameEnd];
            if (name != metric && name != metric + "_total")
            {
                continue;
            }

            int valueStart = line[nameEnd] == '{' ? line.IndexOf("} ", nameEnd, StringComparison.Ordinal) + 2 : nameEnd + 1;
            string[] rest = line[valueStart..].Trim().Split(' ');
            sum = (sum ?? 0) + double.Parse(rest[0], CultureInfo.InvariantCulture);
        }

        return sum;
    }

    /// <summary>
    /// The sum of every sample of <paramref name="metric"/>, 0 when it has none: an exporter shows a counter or histogram
    /// only once something was recorded, so this is the reading before work is done.
    /// </summary>
    public double SumOrZero(string metric) => Sum(metric) ?? 0;

    /// <summary>The histogram count as <see cref="HistogramCount"/>, 0 while nothing was recorded.</summary>
    public double HistogramCountOrZero(string prefix) =>
        Names().Any(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith("_count", StringComparison.Ordinal)) ? HistogramCount(prefix) : 0;

    /// <summary>The sum of every sample of <paramref name="metric"/>, which must be exposed.</summary>
    public double Required(string metric) =>
        Sum(metric) ?? throw new Xunit.Sdk.XunitException(
            $"/metrics has no {metric} (nor {metric}_total); it has: {string.Join(", ", Names().Order(StringComparer.Ordinal))}");

    /// <summary>
    /// The sample count of the histogram whose name starts with <paramref name="prefix"/> (exporters differ in the unit
    /// suffix they add: <c>_seconds</c> or none), which must be exposed.
    /// </summary>
    public double HistogramCount(string prefix) =>
        Names().SingleOrDefault(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith("_count", StringComparison.Ordinal)) is { } name
            ? Required(name)
            : throw new Xunit.Sdk.XunitException(
                $"/metrics has no histogram {prefix}…_count; it has: {string.Join(", ", Names().Order(StringComparer.Ordinal))}");

    /// <summary>The names of the metrics exposed (sample lines only, labels dropped).</summary>
    public IReadOnlySet<string> Names() =>
        Text.Split('\n')
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line[..Math.Max(0, line.IndexOfAny(['{', ' ']))])
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The sum over every metric whose name starts with <paramref name="prefix"/>, for "did anything move".</summary>
    public double SumOfAll(string prefix) =>
        Names().Where(name => name.StartsWith(prefix, StringComparison.Ordinal)).Sum(name => Sum(name) ?? 0);

    public override string ToString() => Text;
}
