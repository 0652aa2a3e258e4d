using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Vwe.LoadCheck;

/// <summary>
/// The scenarios of the load check. Latency scenarios are closed loops: each client sends its next request when the
/// last one has been read to the end, for a fixed time after a warm-up; the latency is request start to last byte.
/// </summary>
internal sealed partial class Scenarios(HttpClient client, LoadOptions options)
{
    public const int WarmUpSeconds = 2;

    private const string Seed = "hnLycKKCMI";

    public async Task CachedFilesAsync()
    {
        string small = await MakeWorldAsync(new { seed = Seed, size = 512, pixelSize = 48 });
        string minimap = await MakeWorldAsync(new { seed = Seed, size = 2048, pixelSize = 12 });
        await LatencyAsync("cached manifest.json (1.4 KiB)", _ => $"/api/v1/worlds/{small}/manifest.json");
        await LatencyAsync("cached grid.bin, 512² (1.5 MiB)", _ => $"/api/v1/worlds/{small}/grid.bin");
        await LatencyAsync("cached grid.bin, 2048² (24 MiB)", _ => $"/api/v1/worlds/{minimap}/grid.bin");
    }

    public async Task PointsAsync()
    {
        // The first query loads the world into an engine; the measured ones find it warm (seed affinity).
        await ReadAsync(client, $"/api/v1/point?seed={Seed}&x=0&z=0");
        await LatencyAsync("point query, warm world", random =>
            string.Create(CultureInfo.InvariantCulture, $"/api/v1/point?seed={Seed}&x={random.Next(-10000, 10000)}&z={random.Next(-10000, 10000)}"));
    }

    /// <summary>All the fresh worlds submitted at once; worlds/min from the first submission to the last success.</summary>
    public async Task FreshWorldsAsync()
    {
        Console.WriteLine();
        Console.WriteLine("| fresh worlds | worlds | wall time | worlds/min | per-world time (submit → succeeded) p50 | p99 |");
        Console.WriteLine("|---|---|---|---|---|---|");
        string run = Guid.NewGuid().ToString("N")[..8];
        foreach ((int size, int pixelSize, int count) in new[] { (512, 48, options.FreshWorlds), (2048, 12, Math.Max(2, options.FreshWorlds / 4)) })
        {
            var clock = Stopwatch.StartNew();
            var perWorld = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
            {
                var started = clock.Elapsed;
                await MakeWorldAsync(new { seed = $"fresh-{run}-{size}-{i}", size, pixelSize });
                return (clock.Elapsed - started).TotalSeconds;
            }));
            double seconds = clock.Elapsed.TotalSeconds;
            var summary = LatencySummary.Of("", perWorld.Select(s => s * 1000), 0, seconds);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {size}² of {pixelSize} m, bin | {count} | {seconds:0.0} s | {count / seconds * 60:0} | {summary.Percentile(50) / 1000:0.00} s | {summary.Percentile(99) / 1000:0.00} s |"));
        }
    }

    private async Task LatencyAsync(string scenario, Func<Random, string> path)
    {
        await RunClientsAsync(path, TimeSpan.FromSeconds(WarmUpSeconds));
        (List<double> milliseconds, int failures, double seconds) = await RunClientsAsync(path, TimeSpan.FromSeconds(options.Seconds));
        Console.WriteLine(LatencySummary.Of(scenario, milliseconds, failures, seconds));
    }

    private async Task<(List<double> Milliseconds, int Failures, double Seconds)> RunClientsAsync(Func<Random, string> path, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async index =>
        {
            var random = new Random(index);
            var latencies = new List<double>();
            int failures = 0;
            while (clock.Elapsed < duration)
            {
                long start = Stopwatch.GetTimestamp();
                bool ok = await ReadAsync(client, path(random));
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                failures += ok ? 0 : 1;
            }

            return (latencies, failures);
        }));
        double seconds = clock.Elapsed.TotalSeconds;
        return ([.. results.SelectMany(result => result.latencies)], results.Sum(result => result.failures), seconds);
    }

    /// <summary>One GET read to the last byte; whether it was 200.</summary>
    private static async Task<bool> ReadAsync(HttpClient client, string path)
    {
        using HttpResponseMessage response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        await using Stream body = await response.Content.ReadAsStreamAsync();
        await body.CopyToAsync(Stream.Null);
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>POSTs a world and polls its job until it has succeeded; returns the world key.</summary>
    private async Task<string> MakeWorldAsync(object request)
    {
        using HttpResponseMessage submitted = await client.PostAsJsonAsync("/api/v1/worlds", request);
        JsonElement job = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        if (!submitted.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /api/v1/worlds {JsonSerializer.Serialize(request)}: {(int)submitted.StatusCode} {job}");
        }

        string jobId = job.GetProperty("jobId").GetString()!;
        while (job.GetProperty("status").GetString() is not "succeeded")
        {
            if (job.GetProperty("status").GetString() is "failed" or "cancelled")
            {
                throw new InvalidOperationException($"job {jobId} ended {job}");
            }

            await Task.Delay(20);
            job = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}");
        }

        return job.GetProperty("worldKey").GetString()!;
    }
}
