using System.Net;
using System.Text;
using System.Text.Json;
using Vwe.Service.Tests.Support;

namespace Vwe.Service.Tests;

/// <summary>
/// Every bad request gets a 4xx, as problem+json where the API answers it, and leaves nothing behind: no job counted,
/// no world folder, no world generated. No job ever runs on this class's service, so its counters stand still.
/// </summary>
public sealed class BadInputTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    /// <summary>Bodies of POST /api/v1/worlds that must be refused with 400, and why.</summary>
    public static TheoryData<string, string> BadBodies => new()
    {
        { "malformed JSON", """{"seed": "hnLycKKCMI", "size": 512""" },
        { "not JSON at all", "seed=hnLycKKCMI" },
        { "a JSON array", """["hnLycKKCMI"]""" },
        { "a seed that is not a string", """{"seed": 5}""" },
        { "a seedInt that is not an int", """{"seedInt": "1706363555"}""" },
        { "a seedInt beyond int32", """{"seedInt": 4294967296}""" },
        { "both seed and seedInt", """{"seed": "hnLycKKCMI", "seedInt": 1706363555, "size": 512, "pixelSize": 48}""" },
        { "neither seed nor seedInt", """{"size": 512, "pixelSize": 48}""" },
        { "an empty object", "{}" },
        { "seed text of 4097 UTF-16 units", JsonSerializer.Serialize(new { seed = new string('s', 4097), size = 16, pixelSize = 48 }) },
        { "seed text of 4098 UTF-16 units in 2049 surrogate pairs", JsonSerializer.Serialize(new { seed = string.Concat(Enumerable.Repeat("\U0001F600", 2049)), size = 16, pixelSize = 48 }) },
        { "size below 16", """{"seed": "hnLycKKCMI", "size": 15, "pixelSize": 48}""" },
        { "size 0", """{"seed": "hnLycKKCMI", "size": 0, "pixelSize": 48}""" },
        { "negative size", """{"seed": "hnLycKKCMI", "size": -512, "pixelSize": 48}""" },
        { "size above 8192", """{"seed": "hnLycKKCMI", "size": 8193, "pixelSize": 1}""" },
        { "pixel size 0", """{"seed": "hnLycKKCMI", "size": 512, "pixelSize": 0}""" },
        { "negative pixel size", """{"seed": "hnLycKKCMI", "size": 512, "pixelSize": -48}""" },
        { "pixel size beyond the float range", """{"seed": "hnLycKKCMI", "size": 512, "pixelSize": 1e300}""" },
        { "unknown format", """{"seed": "hnLycKKCMI", "size": 512, "pixelSize": 48, "formats": ["bin", "bmp"]}""" },
        { "unknown layer", """{"seed": "hnLycKKCMI", "size": 512, "pixelSize": 48, "layers": ["lava"]}""" },
        { "formats not a list", """{"seed": "hnLycKKCMI", "size": 512, "pixelSize": 48, "formats": "bin"}""" },
        { "seed given twice", """{"seed": "hnLycKKCMI", "seed": "MWd8eV6svz", "size": 16, "pixelSize": 48}""" },
        { "seedInt given twice", """{"seedInt": 1, "seedInt": 2, "size": 16, "pixelSize": 48}""" },
        { "a misspelt field", """{"seedint": 1706363555, "size": 16, "pixelSize": 48}""" },
        { "size given twice", """{"seed": "hnLycKKCMI", "size": 16, "size": 32, "pixelSize": 48}""" },
    };

    /// <summary>Point queries that must be refused with 400.</summary>
    public static TheoryData<string> BadPointQueries => new()
    {
        "/api/v1/point?seed=hnLycKKCMI&x=abc&z=0",
        "/api/v1/point?seed=hnLycKKCMI&x=&z=0",
        "/api/v1/point?seed=hnLycKKCMI&x=NaN&z=0",
        "/api/v1/point?seed=hnLycKKCMI&x=1e39&z=0",
        "/api/v1/point?seed=hnLycKKCMI&x=1,5&z=0",
        "/api/v1/point?seed=hnLycKKCMI&z=0",
        "/api/v1/point?seed=hnLycKKCMI&seedInt=1706363555&x=0&z=0",
        "/api/v1/point?x=0&z=0",
        "/api/v1/point?seedInt=abc&x=0&z=0",
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_world_request_is_refused_with_400_problem_json_and_stores_nothing(string what, string body)
    {
        StoredState before = await StoredStateAsync();

        ApiResponse response = await service.Api.SubmitRawAsync(body);

        AssertProblem(response, HttpStatusCode.BadRequest, what);
        Assert.Equal(before, await StoredStateAsync());
    }

    [Fact]
    public async Task A_body_over_64_KiB_is_refused_with_413_and_stores_nothing()
    {
        StoredState before = await StoredStateAsync();
        string body = JsonSerializer.Serialize(new { seed = "hnLycKKCMI", size = 16, pixelSize = 48, padding = new string(' ', 64 * 1024) });

        ApiResponse response = await service.Api.SubmitRawAsync(body);

        AssertProblem(response, HttpStatusCode.RequestEntityTooLarge, "a 64 KiB body");
        Assert.Equal(before, await StoredStateAsync());
    }

    [Theory]
    [MemberData(nameof(BadPointQueries))]
    public async Task A_bad_point_query_is_refused_with_400_problem_json(string path)
    {
        StoredState before = await StoredStateAsync();

        ApiResponse response = await service.Api.GetAsync(path);

        AssertProblem(response, HttpStatusCode.BadRequest, path);
        Assert.Equal(before, await StoredStateAsync());
    }

    [Fact]
    public async Task Unknown_jobs_are_404_for_get_and_delete()
    {
        foreach (string id in new[] { Guid.NewGuid().ToString("N"), "..%2Fjobs.db", "0" })
        {
            AssertProblem(await service.Api.GetAsync($"/api/v1/jobs/{id}"), HttpStatusCode.NotFound, $"GET job {id}");
            AssertProblem(await service.Api.DeleteAsync($"/api/v1/jobs/{id}"), HttpStatusCode.NotFound, $"DELETE job {id}");
        }
    }

    internal static void AssertProblem(ApiResponse response, HttpStatusCode expected, string what)
    {
        Assert.True(response.Status == expected, $"{what}: expected {(int)expected}, got {response}");
        Assert.True(response.MediaType == "application/problem+json", $"{what}: expected problem+json, got {response}");
        JsonElement problem = response.Json;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()), $"{what}: no title in {response.Body}");
        Assert.True(
            problem.TryGetProperty("detail", out JsonElement detail) && !string.IsNullOrWhiteSpace(detail.GetString()),
            $"{what}: no detail saying what was wrong in {response.Body}");
        string text = detail.GetString()!;
        Assert.False(text.Contains("System.", StringComparison.Ordinal) || text.Contains("Vwe.", StringComparison.Ordinal), $"{what}: a .NET type name in the detail: {text}");
    }

    /// <summary>What a request could have stored: the world folders, and every job series of /metrics.</summary>
    private async Task<StoredState> StoredStateAsync()
    {
        string worlds = service.Data.Combine("worlds");
        string folders = Directory.Exists(worlds)
            ? string.Join(",", Directory.EnumerateFileSystemEntries(worlds).Select(Path.GetFileName).Order(StringComparer.Ordinal))
            : "";
        PrometheusText metrics = await service.Api.MetricsAsync();
        return new StoredState(folders, metrics.SumOfAll("vwe_service_jobs"), metrics.SumOrZero("vwe_pool_jobs"));
    }

    private sealed record StoredState(string WorldFolders, double JobSeries, double PoolJobs);
}
