using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Vwe.Service.Tests.Support;

namespace Vwe.Service.Tests;

/// <summary>DELETE stops a job that has not finished and leaves nothing in the cache; a finished job cannot be cancelled.</summary>
public sealed class CancellationTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task Cancelling_running_and_queued_jobs_stops_them_and_caches_nothing()
    {
        ServiceApi api = service.Api;
        // 4096² pixels on one engine thread: many seconds each, so they are still running (or queued) when cancelled.
        object[] requests = [.. new[] { "cancel-1", "cancel-2", "cancel-3" }.Select(seed => new { seed, size = 4096, pixelSize = 12 })];
        JsonElement[] submitted = [.. await Task.WhenAll(requests.Select(api.SubmitAcceptedAsync))];
        string[] jobIds = [.. submitted.Select(ServiceApi.JobId)];
        await api.WaitForJobAsync(jobIds[0], job => ServiceApi.Status(job) == "running", "running");

        var statusesWhenCancelled = new List<string>();
        foreach (string jobId in jobIds)
        {
            ApiResponse deleted = await api.DeleteAsync($"/api/v1/jobs/{jobId}");
            Assert.True(deleted.Status == HttpStatusCode.Accepted, $"DELETE job {jobId}: {deleted}");
            Assert.Equal(jobId, ServiceApi.JobId(deleted.Json));
            statusesWhenCancelled.Add(ServiceApi.Status(deleted.Json));
        }

        Assert.Contains("running", statusesWhenCancelled);
        foreach ((string jobId, JsonElement accepted) in jobIds.Zip(submitted))
        {
            JsonElement job = await api.WaitUntilFinishedAsync(jobId);
            Assert.True(ServiceApi.Status(job) == "cancelled", $"job {jobId} after DELETE: {job}");
            string worldKey = ServiceApi.WorldKey(accepted);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/worlds/{worldKey}/grid.bin")).Status);
            Assert.False(Directory.Exists(service.Data.Combine("worlds", worldKey)), $"a folder for the cancelled world {worldKey}");
        }

        // The engines the cancelled jobs held are lent again: a new world still gets made.
        GoldenWorld after = GoldenWorld.Reference;
        JsonElement next = await api.WaitForSuccessAsync(ServiceApi.JobId(await api.SubmitAcceptedAsync(after.Request)));
        Assert.Equal(after.GridSha256, Convert.ToHexStringLower(SHA256.HashData(await api.DownloadAsync(after.WorldKey, "grid.bin"))));
        Assert.Equal("succeeded", ServiceApi.Status(next));
    }

    [Fact]
    public async Task Cancelling_a_finished_job_is_409_and_leaves_it_and_its_files_alone()
    {
        ServiceApi api = service.Api;
        GoldenWorld world = GoldenWorld.Second;
        string jobId = ServiceApi.JobId(await api.SubmitAcceptedAsync(world.Request));
        await api.WaitForSuccessAsync(jobId);

        ApiResponse deleted = await api.DeleteAsync($"/api/v1/jobs/{jobId}");

        BadInputTests.AssertProblem(deleted, HttpStatusCode.Conflict, $"DELETE finished job {jobId}");
        Assert.Equal("succeeded", ServiceApi.Status(await api.JobAsync(jobId)));
        Assert.Equal(world.GridSha256, Convert.ToHexStringLower(SHA256.HashData(await api.DownloadAsync(world.WorldKey, "grid.bin"))));
    }
}
