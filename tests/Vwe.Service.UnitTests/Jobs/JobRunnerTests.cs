using Microsoft.Extensions.Logging.Abstractions;
using Vwe.Engines;
using Vwe.Maps.Export;
using Vwe.Maps.Grid;
using Vwe.Pool;
using Vwe.Service.Cache;
using Vwe.Service.Jobs;

namespace Vwe.Service.UnitTests.Jobs;

/// <summary>Submissions and the runner over a real pool of in-process engines, a real SQLite file and a real cache folder.</summary>
#pragma warning disable CA1001 // Disposed in DisposeAsync: xunit's IAsyncLifetime.
public sealed class JobRunnerTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly TempDirectory data = new();
    private ServiceDatabase database = null!;
    private JobStore store = null!;
    private WorldCache cache = null!;
    private WarmEnginePool pool = null!;
    private ServiceMetrics metrics = null!;
    private JobRunner runner = null!;
    private WorldRequests requests = null!;

    public async Task InitializeAsync()
    {
        database = ServiceDatabase.Open(data.Path);
        store = new JobStore(database, TimeProvider.System);
        cache = WorldCache.Open(data.Path, database, 1_000_000_000);
        pool = PoolSetup.Create(EngineKind.InProcess, engines: 1, threads: 1, PoolOptions.DefaultMaxJobsPerEngine, cold: false, engineCommand: null, TimeSpan.FromSeconds(60));
        metrics = new ServiceMetrics(store, cache);
        runner = new JobRunner(store, cache, pool, metrics, TimeProvider.System, NullLogger.Instance);
        requests = new WorldRequests(store, cache, runner, metrics, maxQueued: 3, NullLogger.Instance);
        Task started = pool.StartAsync(CancellationToken.None);
        runner.Start(started);
        await started;
    }

    public async Task DisposeAsync()
    {
        await runner.StopAsync(TimeSpan.FromSeconds(10));
        runner.Dispose();
        await pool.DisposeAsync();
        metrics.Dispose();
        database.Dispose();
        data.Dispose();
    }

    private static WorldSpec World(int seed, ExportFormats formats = ExportFormats.Bin) => new(seed, $"seed {seed}", new GridSpec(32, 96), formats, GridLayers.None);

    private async Task<JobRecord> FinishedAsync(string jobId)
    {
        using var limit = new CancellationTokenSource(Deadline);
        while (true)
        {
            JobRecord job = store.Find(jobId)!;
            if (JobStateNames.IsFinished(job.State))
            {
                return job;
            }

            await Task.Delay(20, limit.Token);
        }
    }

    [Fact]
    public async Task Identical_concurrent_requests_join_one_job_and_a_later_one_is_a_cache_hit()
    {
        Submission[] submissions = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => requests.Submit(World(11)))));

        Assert.Single(submissions.Select(submission => submission.JobId).Distinct());
        Assert.Single(submissions, submission => submission.Result == SubmissionResult.Created);
        JobRecord job = await FinishedAsync(submissions[0].JobId);
        Assert.Equal(JobState.Succeeded, job.State);

        Submission again = requests.Submit(World(11));
        Assert.Equal((SubmissionResult.Cached, job.Id, JobState.Succeeded), (again.Result, again.JobId, again.State));
        Assert.Equal(1, store.Count(JobState.Succeeded));
    }

    [Fact]
    public async Task A_job_writes_the_files_of_vwe_generate_into_the_cache_with_their_checksums()
    {
        Submission submission = requests.Submit(World(12, ExportFormats.Bin | ExportFormats.Png));
        Assert.Equal(JobState.Succeeded, (await FinishedAsync(submission.JobId)).State);

        CachedWorld world = cache.Find(submission.WorldKey)!;
        Assert.Equal(
            [ExportFileNames.BiomesPng, ExportFileNames.Grid, ExportFileNames.Manifest, ExportFileNames.Run, ExportFileNames.TerrainPng],
            world.Files.Select(file => file.Name).Order(StringComparer.Ordinal));
        foreach (CachedFile file in world.Files)
        {
            string path = Path.Combine(cache.FolderOf(world), file.Name);
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))));
        }
    }

    [Fact]
    public async Task Asking_for_more_formats_of_a_cached_world_adds_them_and_keeps_the_earlier_bytes()
    {
        Submission bin = requests.Submit(World(13));
        await FinishedAsync(bin.JobId);
        string gridSha = cache.Find(bin.WorldKey)!.File(ExportFileNames.Grid)!.Sha256;

        Submission png = requests.Submit(World(13, ExportFormats.Png));
        Assert.Equal(SubmissionResult.Created, png.Result);
        Assert.Equal(JobState.Succeeded, (await FinishedAsync(png.JobId)).State);

        CachedWorld world = cache.Find(bin.WorldKey)!;
        Assert.Equal(ExportFormats.Bin | ExportFormats.Png, world.Formats);
        Assert.Equal(gridSha, world.File(ExportFileNames.Grid)!.Sha256);
        Assert.Equal(SubmissionResult.Cached, requests.Submit(World(13)).Result);
    }

    [Fact]
    public async Task A_full_queue_refuses_new_jobs_but_still_joins_queued_ones()
    {
        await runner.StopAsync(TimeSpan.Zero);
        Submission[] queued = [.. Enumerable.Range(20, 3).Select(seed => requests.Submit(World(seed)))];

        Assert.Throws<QueueFullException>(() => requests.Submit(World(30)));
        Assert.Equal(queued[0].JobId, requests.Submit(World(20)).JobId);
        Assert.Equal(3, store.Count(JobState.Queued));
    }

    [Fact]
    public async Task A_cancelled_queued_job_never_runs()
    {
        await runner.StopAsync(TimeSpan.Zero);
        Submission submission = requests.Submit(World(14));

        Assert.True(store.CancelQueued(submission.JobId));

        Assert.Equal(JobState.Cancelled, store.Find(submission.JobId)!.State);
        Assert.Null(cache.Find(submission.WorldKey));
        Assert.Equal(SubmissionResult.Created, requests.Submit(World(14)).Result);
    }
}
