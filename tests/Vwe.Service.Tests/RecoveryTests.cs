using System.Security.Cryptography;
using System.Text.Json;
using Vwe.Service.Tests.Support;

namespace Vwe.Service.Tests;

/// <summary>Nothing is lost when the service or one of its engines dies mid-job: the job finishes with the right file.</summary>
public sealed class RecoveryTests
{
    /// <summary>A job of a few seconds on one engine thread, so it is caught while running.</summary>
    private static readonly GoldenWorld World = GoldenWorld.ReferenceMinimap;

    [Fact]
    public async Task A_job_interrupted_by_killing_the_service_completes_after_a_restart_on_the_same_data()
    {
        using var data = new TempDirectory();
        string jobId;
        await using (ServeProcess first = await ServeProcess.StartAsync(data.Path))
        {
            jobId = ServiceApi.JobId(await first.Api.SubmitAcceptedAsync(World.Request));
            await first.Api.WaitForJobAsync(jobId, job => ServiceApi.Status(job) == "running", "running");

            await first.KillAsync();
        }

        await using ServeProcess second = await ServeProcess.StartAsync(data.Path);
        JsonElement restarted = await second.Api.JobAsync(jobId);
        Assert.Contains(ServiceApi.Status(restarted), new[] { "queued", "running", "succeeded" });

        JsonElement job = await second.Api.WaitForSuccessAsync(jobId);

        Assert.Equal(World.WorldKey, ServiceApi.WorldKey(job));
        Assert.True(job.GetProperty("attempts").GetInt32() >= 2, $"the interrupted run counts as an attempt: {job}");
        byte[] grid = await second.Api.DownloadAsync(World.WorldKey, "grid.bin");
        Assert.Equal(World.GridSha256, Convert.ToHexStringLower(SHA256.HashData(grid)));
        ApiResponse again = await second.Api.SubmitAsync(World.Request);
        Assert.Equal("succeeded", ServiceApi.Status(again.Json));
    }

    [Fact]
    public async Task A_job_whose_engine_is_killed_mid_job_still_succeeds_with_the_right_file()
    {
        using var data = new TempDirectory();
        await using ServeProcess serve = await ServeProcess.StartAsync(data.Path);
        ServiceApi api = serve.Api;
        string jobId = ServiceApi.JobId(await api.SubmitAcceptedAsync(World.Request));
        JsonElement busy = await Eventually.Value(
            async () => (await api.EnginesAsync()).FirstOrDefault(engine => engine.GetProperty("leased").GetBoolean()),
            engine => engine.ValueKind == JsonValueKind.Object,
            TimeSpan.FromSeconds(30),
            "an engine of GET /api/v1/pool leased to the job");
        int processId = busy.GetProperty("processId").GetInt32();
        Assert.Contains(processId, serve.EngineProcessIds());
        Assert.NotEqual("succeeded", ServiceApi.Status(await api.JobAsync(jobId)));

        ChildProcesses.Kill(processId);

        JsonElement job = await api.WaitForSuccessAsync(jobId);
        byte[] grid = await api.DownloadAsync(World.WorldKey, "grid.bin");
        Assert.Equal(World.GridSha256, Convert.ToHexStringLower(SHA256.HashData(grid)));
        double retries = (await api.MetricsAsync()).Sum("vwe_pool_retries") ?? 0;
        Assert.True(
            retries >= 1 || job.GetProperty("attempts").GetInt32() >= 2,
            $"the engine's death was noticed and the job run again (vwe_pool_retries {retries}, job {job})");
        await Eventually.Value(
            api.EnginesAsync,
            engines => engines.All(engine => engine.GetProperty("processId").ValueKind != JsonValueKind.Number
                || engine.GetProperty("processId").GetInt32() != processId),
            TimeSpan.FromSeconds(30),
            $"the killed engine {processId} gone from GET /api/v1/pool");
    }
}
