using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Vwe.Service.Tests.Support;

namespace Vwe.Service.Tests;

/// <summary>Identical requests arriving together join one job: the world is generated once.</summary>
public sealed class JoiningTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    /// <summary>The minimap grid: a job of a few seconds, so all the requests arrive while it is in flight.</summary>
    private static readonly GoldenWorld World = GoldenWorld.ReferenceMinimap;

    [Fact]
    public async Task Fifty_concurrent_identical_requests_get_one_job_and_one_generation()
    {
        ServiceApi api = service.Api;
        double generationsBefore = (await api.MetricsAsync()).SumOrZero("vwe_pool_jobs");
        using var start = new SemaphoreSlim(0);
        Task<ApiResponse>[] posts = [.. Enumerable.Range(0, 50).Select(async _ =>
        {
            await start.WaitAsync();
            return await api.SubmitAsync(World.Request);
        })];

        start.Release(posts.Length);
        ApiResponse[] responses = await Task.WhenAll(posts);

        Assert.All(responses, response => Assert.True(response.Status == HttpStatusCode.Accepted, response.ToString()));
        string[] jobIds = [.. responses.Select(response => ServiceApi.JobId(response.Json)).Distinct()];
        Assert.True(jobIds.Length == 1, $"{jobIds.Length} job ids for one world: {string.Join(", ", jobIds)}");
        Assert.All(responses, response => Assert.Equal(World.WorldKey, ServiceApi.WorldKey(response.Json)));

        JsonElement job = await api.WaitForSuccessAsync(jobIds[0]);

        Assert.Equal(1, job.GetProperty("attempts").GetInt32());
        Assert.Equal(World.GridSha256, Convert.ToHexStringLower(SHA256.HashData(await api.DownloadAsync(World.WorldKey, "grid.bin"))));
        await Eventually.Value(
            async () => (await api.MetricsAsync()).Required("vwe_pool_jobs"),
            generations => generations >= generationsBefore + 1,
            TimeSpan.FromSeconds(10),
            "the pool's job counter counts the generation");
        Assert.Equal(generationsBefore + 1, (await api.MetricsAsync()).Required("vwe_pool_jobs"));
    }
}
