using System.Net;
using System.Text;
using Vwe.Service.Tests.Support;

namespace Vwe.Service.Tests;

/// <summary>
/// The files of a cached world are reached only by a parsed world key and one of the exporter's own file names:
/// anything else is 404, never another file of the data folder (the job store sits two levels above a world).
/// </summary>
public sealed class FileNameTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    private static readonly GoldenWorld World = GoldenWorld.Reference;

    /// <summary>
    /// Paths under /api/v1/worlds that name no file of a cached world (unknown, foreign or escaping names), and the
    /// answer: 404, except an escaped NUL, which Kestrel itself refuses with 400 before any route sees it.
    /// </summary>
    public static TheoryData<string, HttpStatusCode> BadFilePaths => new()
    {
        { $"/api/v1/worlds/{World.WorldKey}/jobs.db", HttpStatusCode.NotFound },
        { $"/api/v1/worlds/{World.WorldKey}/..%2F..%2Fjobs.db", HttpStatusCode.NotFound },
        { $"/api/v1/worlds/{World.WorldKey}/%2E%2E%2F%2E%2E%2Fjobs.db", HttpStatusCode.NotFound },
        { $"/api/v1/worlds/{World.WorldKey}/..%5C..%5Cjobs.db", HttpStatusCode.NotFound },
        { $"/api/v1/worlds/{World.WorldKey}/../../jobs.db", HttpStatusCode.NotFound },
        { $"/api/v1/worlds/{World.WorldKey}/grid.bin%00", HttpStatusCode.BadRequest },
        { $"/api/v1/worlds/{World.WorldKey}/GRID.BIN", HttpStatusCode.NotFound },
        { $"/api/v1/worlds/{World.WorldKey}/biomes.png", HttpStatusCode.NotFound },
        { "/api/v1/worlds/..%2Fjobs.db/grid.bin", HttpStatusCode.NotFound },
        { "/api/v1/worlds/%2E%2E/jobs.db", HttpStatusCode.NotFound },
        { $"/api/v1/worlds/..%2Fworlds%2F{World.WorldKey}/grid.bin", HttpStatusCode.NotFound },
        { $"/api/v1/worlds/{World.WorldKey}%2F..%2F..%2F/jobs.db", HttpStatusCode.NotFound },
        { "/api/v1/worlds/hnLycKKCMI/grid.bin", HttpStatusCode.NotFound },
        { $"/api/v1/worlds/{World.Seed + 1}-g2-e1-512x48/grid.bin", HttpStatusCode.NotFound },
        { $"/api/v1/worlds/{World.WorldKey}x/grid.bin", HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(BadFilePaths))]
    public async Task A_path_naming_no_export_file_of_a_cached_world_is_404_and_never_reaches_other_files(string path, HttpStatusCode expected)
    {
        await service.Api.WaitForSuccessAsync(ServiceApi.JobId(await service.Api.SubmitAcceptedAsync(World.Request)));
        string before = WorldFolders();
        // Sent as written: the client must not resolve the dot segments or decode the escapes itself.
        var raw = new Uri(service.Serve.BaseAddress + path.TrimStart('/'), new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var request = new HttpRequestMessage(HttpMethod.Get, raw);

        using HttpResponseMessage response = await service.Api.Http.SendAsync(request);

        byte[] body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == expected, $"GET {path}: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
        Assert.False(Encoding.ASCII.GetString(body).Contains("SQLite format", StringComparison.Ordinal), $"GET {path} sent the job store");
        Assert.Equal(before, WorldFolders());
    }

    [Fact]
    public async Task Every_file_the_job_lists_is_served_with_its_listed_size()
    {
        var job = await service.Api.WaitForSuccessAsync(ServiceApi.JobId(await service.Api.SubmitAcceptedAsync(World.Request)));

        ApiResponse listing = await service.Api.GetAsync($"/api/v1/worlds/{World.WorldKey}/");
        Assert.True(listing.Status == HttpStatusCode.OK, $"the job's files link: {listing}");
        foreach (var file in job.GetProperty("files").EnumerateArray())
        {
            byte[] bytes = await service.Api.DownloadAsync(World.WorldKey, file.GetProperty("name").GetString()!);
            Assert.Equal(file.GetProperty("bytes").GetInt64(), bytes.LongLength);
        }
    }

    private string WorldFolders()
    {
        string worlds = service.Data.Combine("worlds");
        return Directory.Exists(worlds)
            ? string.Join(",", Directory.EnumerateFileSystemEntries(worlds).Select(Path.GetFileName).Order(StringComparer.Ordinal))
            : "";
    }
}
