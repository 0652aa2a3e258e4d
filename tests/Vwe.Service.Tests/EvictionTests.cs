using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Vwe.Service.Tests.Support;

namespace Vwe.Service.Tests;

/// <summary>The cache keeps to its size limit by dropping the least recently used world, which can be made again.</summary>
public sealed class EvictionTests
{
    /// <summary>Room for two 512² worlds (grid.bin 1.5 MiB, plus manifest.json and run.json) but not three.</summary>
    private const string CacheSize = "3500000";

    [Fact]
    public async Task A_third_world_evicts_the_least_recently_used_one_which_can_be_generated_again()
    {
        using var data = new TempDirectory();
        await using ServeProcess serve = await ServeProcess.StartAsync(data.Path, ["--cache-size", CacheSize]);
        ServiceApi api = serve.Api;
        GoldenWorld older = GoldenWorld.Reference, leastRecent = GoldenWorld.Second, newest = GoldenWorld.Third;
        await api.WaitForSuccessAsync(ServiceApi.JobId(await api.SubmitAcceptedAsync(older.Request)));
        string evictedJob = ServiceApi.JobId(await api.SubmitAcceptedAsync(leastRecent.Request));
        await api.WaitForSuccessAsync(evictedJob);
        // Using the older world makes the second one the least recently used.
        await api.DownloadAsync(older.WorldKey, "grid.bin");

        await api.WaitForSuccessAsync(ServiceApi.JobId(await api.SubmitAcceptedAsync(newest.Request)));

        await Eventually.True(
            () => !Directory.Exists(data.Combine("worlds", leastRecent.WorldKey)),
            TimeSpan.FromSeconds(10),
            $"the least recently used world {leastRecent.WorldKey} evicted from {data.Combine("worlds")}");
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/worlds/{leastRecent.WorldKey}/grid.bin")).Status);
        foreach (GoldenWorld kept in new[] { older, newest })
        {
            Assert.True(Directory.Exists(data.Combine("worlds", kept.WorldKey)), $"{kept.WorldKey} kept");
            Assert.Equal(kept.GridSha256, Sha256(await api.DownloadAsync(kept.WorldKey, "grid.bin")));
        }

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/jobs/{evictedJob}")).Status);
        ApiResponse again = await api.SubmitAsync(leastRecent.Request);
        Assert.True(again.Status == HttpStatusCode.Accepted, $"an evicted world is generated again, not reported cached: {again}");
        await api.WaitForSuccessAsync(ServiceApi.JobId(again.Json));
        Assert.Equal(leastRecent.GridSha256, Sha256(await api.DownloadAsync(leastRecent.WorldKey, "grid.bin")));
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
