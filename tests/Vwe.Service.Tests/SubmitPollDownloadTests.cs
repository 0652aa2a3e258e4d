using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Vwe.Service.Tests.Support;

namespace Vwe.Service.Tests;

/// <summary>The main path: submit a seed, follow the job, download the world, and get it from the cache the second time.</summary>
public sealed class SubmitPollDownloadTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    private static readonly GoldenWorld Fresh = GoldenWorld.Reference;

    /// <summary>The world of the tests that do not care whether they run first.</summary>
    private static readonly GoldenWorld World = GoldenWorld.Second;

    [Fact]
    public async Task A_submitted_seed_becomes_a_job_whose_grid_bin_is_the_golden_grid()
    {
        ServiceApi api = service.Api;

        ApiResponse submitted = await api.SubmitAsync(Fresh.Request);

        Assert.True(submitted.Status == HttpStatusCode.Accepted, $"first POST: {submitted}");
        JsonElement accepted = submitted.Json;
        string jobId = ServiceApi.JobId(accepted);
        Assert.Equal(Fresh.WorldKey, ServiceApi.WorldKey(accepted));
        Assert.Contains(ServiceApi.Status(accepted), new[] { "queued", "running", "succeeded" });
        Assert.Equal($"/api/v1/jobs/{jobId}", accepted.GetProperty("links").GetProperty("job").GetString());
        Assert.Equal($"/api/v1/worlds/{Fresh.WorldKey}/", accepted.GetProperty("links").GetProperty("files").GetString());
        Assert.Equal($"/api/v1/jobs/{jobId}", submitted.Headers.Location?.OriginalString);

        JsonElement job = await api.WaitForSuccessAsync(jobId);

        Assert.Equal(Fresh.Seed, job.GetProperty("seedInt").GetInt32());
        Assert.Equal(1.0, job.GetProperty("progress").GetDouble());
        Assert.Equal(JsonValueKind.Null, job.GetProperty("error").ValueKind);
        JsonElement gridFile = job.GetProperty("files").EnumerateArray().Single(file => file.GetProperty("name").GetString() == "grid.bin");
        Assert.Equal(Fresh.GridSha256, gridFile.GetProperty("sha256").GetString());
        Assert.Equal((long)Fresh.Size * Fresh.Size * 6, gridFile.GetProperty("bytes").GetInt64());

        byte[] grid = await api.DownloadAsync(Fresh.WorldKey, "grid.bin");
        Assert.Equal(Fresh.GridSha256, Convert.ToHexStringLower(SHA256.HashData(grid)));
        using HttpResponseMessage viaUrl = await api.Http.GetAsync(gridFile.GetProperty("url").GetString());
        Assert.Equal(grid, await viaUrl.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_downloaded_file_carries_its_checksum_as_etag_and_an_unchanged_one_is_not_sent_again()
    {
        ServiceApi api = service.Api;
        JsonElement job = await api.WaitForSuccessAsync(ServiceApi.JobId(await api.SubmitAcceptedAsync(World.Request)));
        string path = $"/api/v1/worlds/{World.WorldKey}/grid.bin";

        ApiResponse first = await api.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal($"\"{World.GridSha256}\"", first.Headers.ETag?.ToString());
        Assert.NotNull(first.Headers.CacheControl);
        Assert.True(first.Headers.CacheControl.Public, $"Cache-Control: {first.Headers.CacheControl}");
        Assert.Equal(TimeSpan.FromSeconds(31536000), first.Headers.CacheControl.MaxAge);
        Assert.Contains(first.Headers.CacheControl.Extensions, extension => extension.Name == "immutable");

        ApiResponse again = await api.GetAsync(path, new Dictionary<string, string> { ["If-None-Match"] = $"\"{World.GridSha256}\"" });
        Assert.Equal(HttpStatusCode.NotModified, again.Status);
        Assert.Equal("", again.Body);

        ApiResponse stale = await api.GetAsync(path, new Dictionary<string, string> { ["If-None-Match"] = $"\"{new string('0', 64)}\"" });
        Assert.Equal(HttpStatusCode.OK, stale.Status);

        string manifestSha = job.GetProperty("files").EnumerateArray()
            .Single(file => file.GetProperty("name").GetString() == "manifest.json").GetProperty("sha256").GetString()!;
        ApiResponse manifest = await api.GetAsync($"/api/v1/worlds/{World.WorldKey}/manifest.json");
        Assert.Equal(HttpStatusCode.OK, manifest.Status);
        Assert.Equal($"\"{manifestSha}\"", manifest.Headers.ETag?.ToString());
        Assert.Equal(World.Seed, manifest.Json.GetProperty("seed").GetInt32());
    }

    [Fact]
    public async Task A_HEAD_request_for_a_file_answers_its_length_etag_and_ranges_without_the_body()
    {
        ServiceApi api = service.Api;
        await api.WaitForSuccessAsync(ServiceApi.JobId(await api.SubmitAcceptedAsync(World.Request)));
        string path = $"/api/v1/worlds/{World.WorldKey}/grid.bin";
        long size = (await api.DownloadAsync(World.WorldKey, "grid.bin")).LongLength;

        using var request = new HttpRequestMessage(HttpMethod.Head, path);
        using HttpResponseMessage head = await api.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(size, head.Content.Headers.ContentLength);
        Assert.Equal($"\"{World.GridSha256}\"", head.Headers.ETag?.ToString());
        Assert.Contains("bytes", head.Headers.AcceptRanges);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_world_already_cached_is_answered_200_with_the_same_job_shape_and_world_key()
    {
        ServiceApi api = service.Api;
        JsonElement first = await api.SubmitAcceptedAsync(World.Request);
        await api.WaitForSuccessAsync(ServiceApi.JobId(first));
        double generations = (await api.MetricsAsync()).Required("vwe_pool_jobs");

        ApiResponse second = await api.SubmitAsync(World.Request);
        ApiResponse byInt = await api.SubmitAsync(new { seedInt = World.Seed, size = World.Size, pixelSize = World.PixelSize });

        foreach (ApiResponse cached in new[] { second, byInt })
        {
            Assert.True(cached.Status == HttpStatusCode.OK, $"POST of a cached world: {cached}");
            Assert.Equal(World.WorldKey, ServiceApi.WorldKey(cached.Json));
            Assert.Equal("succeeded", ServiceApi.Status(cached.Json));
            Assert.False(string.IsNullOrEmpty(ServiceApi.JobId(cached.Json)));
            Assert.Equal($"/api/v1/worlds/{World.WorldKey}/", cached.Json.GetProperty("links").GetProperty("files").GetString());
        }

        Assert.Equal(generations, (await api.MetricsAsync()).Required("vwe_pool_jobs"));
    }

    [Fact]
    public async Task Seed_text_of_exactly_4096_utf16_units_is_accepted()
    {
        string seed = new('s', 4096);

        JsonElement job = await service.Api.SubmitAcceptedAsync(new { seed, size = 16, pixelSize = 48 });

        Assert.Equal(Vwe.WorldGen.StableHash.WorldSeed(seed), (await service.Api.WaitForSuccessAsync(ServiceApi.JobId(job))).GetProperty("seedInt").GetInt32());
    }
}
