using System.Diagnostics;
using System.Net;
using Vwe.Service.Tests.Support;

namespace Vwe.Service.Tests;

/// <summary>GET /api/v1/point answers what <c>vwe point</c> prints, byte for byte, from a warm engine.</summary>
public sealed class PointTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    /// <summary>Points of spec §10.3 across biomes, fractional ones included, and one beyond the world's edge.</summary>
    private static readonly string[] Points = ["0,0", "-9200,400", "1234.5,-678.25", "3333.3,3333.3", "-7777.7,-1111.1", "10600,0"];

    [Fact]
    public async Task A_point_query_returns_the_json_of_vwe_point_for_seed_text_and_seed_int()
    {
        string[] expected = VwePoint("hnLycKKCMI", Points);
        string[] expectedNumericText = VwePoint("12345", ["0,0"]);

        for (int i = 0; i < Points.Length; i++)
        {
            string[] xz = Points[i].Split(',');
            string byText = await PointAsync($"seed=hnLycKKCMI&x={xz[0]}&z={xz[1]}");
            string byInt = await PointAsync($"seedInt=1706363555&x={xz[0]}&z={xz[1]}");
            Assert.Equal(expected[i], byText);
            Assert.Equal(expected[i], byInt);
        }

        // "12345" is seed text, hashed as the game does, not the int 12345.
        Assert.Equal(expectedNumericText[0], await PointAsync("seed=12345&x=0&z=0"));
    }

    [Fact]
    public async Task Point_queries_are_answered_by_the_pool_engines()
    {
        double before = (await service.Api.MetricsAsync()).HistogramCountOrZero("vwe_engine_sample_duration");

        await PointAsync("seed=point-pool&x=100&z=200");

        Assert.True((await service.Api.MetricsAsync()).HistogramCount("vwe_engine_sample_duration") > before, "an engine sampled the point");
    }

    [Fact]
    public async Task While_no_engine_can_run_a_point_query_is_503_problem_json_with_retry_after_then_answered_again()
    {
        using var data = new TempDirectory();
        await using ServeProcess serve = await ServeProcess.StartAsync(data.Path);
        await Eventually.Value(
            async () => (await serve.Api.GetAsync("/readyz")).Status, status => status == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "GET /readyz 200");

        // Every engine is killed as soon as it appears: jobs fail on every retry and replacements die starting.
        using var stopKilling = new CancellationTokenSource();
        Task killing = Task.Run(async () =>
        {
            while (!stopKilling.IsCancellationRequested)
            {
                foreach (int engine in serve.EngineProcessIds())
                {
                    ChildProcesses.Kill(engine);
                }

                await Task.Delay(10);
            }
        });
        ApiResponse refused;
        try
        {
            refused = await serve.Api.GetAsync("/api/v1/point?seed=no-engine&x=0&z=0");
        }
        finally
        {
            await stopKilling.CancelAsync();
            await killing;
        }

        Assert.True(refused.Status == HttpStatusCode.ServiceUnavailable, $"expected 503: {refused}\nlog:\n{serve.Log}");
        Assert.Equal("application/problem+json", refused.MediaType);
        Assert.Contains("point (0, 0) of seed", refused.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(refused.Headers.RetryAfter is not null, $"503 without Retry-After: {refused}");
        ApiResponse answered = await Eventually.Value(
            () => serve.Api.GetAsync("/api/v1/point?seed=no-engine&x=0&z=0"),
            response => response.Status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60),
            "the point answered once engines start again");
        Assert.Contains("\"biome\"", answered.Body, StringComparison.Ordinal);
    }

    private async Task<string> PointAsync(string query)
    {
        ApiResponse response = await service.Api.GetAsync($"/api/v1/point?{query}");
        Assert.True(response.Status == HttpStatusCode.OK, $"GET /api/v1/point?{query}: {response}");
        Assert.Equal("application/json", response.MediaType);
        return response.Body.Trim();
    }

    /// <summary>What the CLI prints for the points, one JSON line each.</summary>
    private static string[] VwePoint(string seed, string[] points)
    {
        var info = new ProcessStartInfo(ServeProcess.DotnetHost) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(ServeProcess.DllPath);
        info.ArgumentList.Add("point");
        info.ArgumentList.Add(seed);
        foreach (string point in points)
        {
            info.ArgumentList.Add("--at");
            info.ArgumentList.Add(point);
        }

        using Process process = Process.Start(info)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "vwe point did not exit within 60 s");
        Assert.True(process.ExitCode == 0, $"vwe point exited {process.ExitCode}: {error}");
        string[] lines = output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(points.Length, lines.Length);
        return lines;
    }
}
