using System.Globalization;
using Vwe.Cli.Commands;
using Vwe.Pool;

namespace Vwe.Cli;

/// <summary>
/// The closing summary of <c>vwe batch</c>: worlds, failures (each with its seed and reason), retries, engine
/// restarts, per-world latency (p50, p95) and throughput. Percentiles are nearest-rank over the worlds that succeeded.
/// </summary>
internal sealed class BatchSummary(IReadOnlyList<BatchResult> results, TimeSpan elapsed, PoolMetrics metrics, BatchPlan plan)
{
    public int Failed => results.Count(result => result.Error is not null);

    public void Write(TextWriter output)
    {
        var ok = results.Where(result => result.Outcome is not null).Select(result => result.Latency.TotalMilliseconds).Order().ToArray();
        double perMinute = results.Count - Failed == 0 ? 0 : (results.Count - Failed) / elapsed.TotalMinutes;
        string engines = plan.Cold ? $"{plan.Kind.ToString().ToLowerInvariant()} engines, cold (a fresh one per world)" : $"{plan.Engines} {plan.Kind.ToString().ToLowerInvariant()} engines";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"worlds       {results.Count} ({results.Count - Failed} succeeded, {Failed} failed) on {engines}, grid {plan.Grid.Size}×{plan.Grid.Size} at {plan.Grid.PixelSize:R} m"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"retried      {metrics.Retries} (jobs moved to another engine after an engine failure)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"restarts     {metrics.Restarts} engines replaced ({metrics.StartFailures} failed starts)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"latency      p50 {Percentile(ok, 50):0} ms, p95 {Percentile(ok, 95):0} ms per world"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"overhead     p50 {Percentile(Overheads(), 50):0.0} ms per world outside the engine's own load and export (waiting for an engine, messages, reset)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"throughput   {perMinute:0.#} worlds/min ({elapsed.TotalSeconds:0.00} s in all)"));
        foreach (BatchResult failure in results.Where(result => result.Error is not null))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"failed       line {failure.World.Seed.Line} (seed {failure.World.Seed.Seed}): {failure.Error}"));
        }
    }

    /// <summary>Each successful world's latency minus the engine's own load and export time, sorted.</summary>
    private double[] Overheads() =>
        [.. results.Where(result => result.Outcome is not null)
            .Select(result => (result.Latency - result.Outcome!.LoadTime - result.Outcome.ExportTime).TotalMilliseconds)
            .Order()];

    /// <summary>Nearest-rank percentile of sorted values; 0 for none.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, int percent)
    {
        if (sorted.Count == 0)
        {
            return 0;
        }

        int rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
