using Dapper;
using Microsoft.Data.Sqlite;
using Vwe.Maps.Export;
using Vwe.Maps.Grid;
using Vwe.Service.Jobs;

namespace Vwe.Service.UnitTests.Jobs;

/// <summary>The job store on a real SQLite file in a temp folder.</summary>
public sealed class JobStoreTests : IDisposable
{
    private static readonly GridSpec SmallGrid = new(64, 48);

    private readonly TempDirectory data = new();
    private ServiceDatabase database;
    private JobStore store;

    public JobStoreTests()
    {
        database = ServiceDatabase.Open(data.Path);
        store = new JobStore(database, TimeProvider.System);
    }

    public void Dispose()
    {
        database.Dispose();
        data.Dispose();
    }

    private static WorldSpec World(int seed, ExportFormats formats = ExportFormats.Bin, GridLayers layers = GridLayers.None) =>
        new(seed, null, SmallGrid, formats, layers);

    private JobRecord Queue(WorldSpec world)
    {
        JobRecord job = JobRecord.Queue(world, store.UtcNow);
        store.Insert(job);
        return job;
    }

    [Fact]
    public void The_database_file_is_created_in_WAL_mode()
    {
        Assert.True(File.Exists(data.Combine(ServiceDatabase.FileName)));
        using SqliteConnection connection = database.Connect();
        Assert.Equal("wal", connection.ExecuteScalar<string>("PRAGMA journal_mode"));
    }

    [Fact]
    public void A_queued_job_reads_back_as_inserted()
    {
        JobRecord job = Queue(new WorldSpec(-7, "some text", new GridSpec(100, 1.5), ExportFormats.Bin | ExportFormats.Png, GridLayers.River));

        JobRecord? read = store.Find(job.Id);

        Assert.Equal(job, read);
        Assert.Equal(DateTimeKind.Utc, read!.CreatedUtc.Kind);
        Assert.Equal("-7-g2-e1-100x1.5", read.WorldKey);
    }

    [Fact]
    public void Claiming_takes_the_oldest_queued_job_and_counts_an_attempt()
    {
        JobRecord first = Queue(World(1));
        Queue(World(2));

        JobRecord? claimed = store.ClaimNext(new HashSet<string>());

        Assert.Equal(first.Id, claimed!.Id);
        Assert.Equal(JobState.Running, claimed.State);
        Assert.Equal(1, claimed.Attempts);
        Assert.NotNull(claimed.StartedUtc);
        Assert.Equal(claimed, store.Find(first.Id));
    }

    [Fact]
    public void Claiming_skips_jobs_whose_world_is_busy()
    {
        JobRecord busy = Queue(World(1));
        JobRecord other = Queue(World(2));

        JobRecord? claimed = store.ClaimNext(new HashSet<string> { busy.WorldKey });

        Assert.Equal(other.Id, claimed!.Id);
        Assert.Null(store.ClaimNext(new HashSet<string> { busy.WorldKey }));
    }

    [Fact]
    public void A_queued_job_can_be_cancelled_but_a_running_one_only_finishes()
    {
        JobRecord queued = Queue(World(1));
        JobRecord running = Queue(World(2));
        Assert.True(store.CancelQueued(queued.Id));
        Assert.Equal(running.Id, store.ClaimNext(new HashSet<string>())!.Id);

        Assert.False(store.CancelQueued(running.Id));
        Assert.True(store.Finish(running.Id, JobState.Failed, new JobError("io", "disk full")));
        Assert.False(store.Finish(running.Id, JobState.Succeeded));

        Assert.Equal(JobState.Cancelled, store.Find(queued.Id)!.State);
        Assert.Equal(JobErrorCodes.Cancelled, store.Find(queued.Id)!.Error!.Code);
        JobRecord failed = store.Find(running.Id)!;
        Assert.Equal((JobState.Failed, new JobError("io", "disk full")), (failed.State, failed.Error));
        Assert.NotNull(failed.FinishedUtc);
    }

    [Fact]
    public void Jobs_left_running_by_a_previous_process_are_queued_again_on_the_next_open()
    {
        JobRecord job = Queue(World(1));
        store.ClaimNext(new HashSet<string>());
        store.SetProgress(job.Id, 0.5);
        Reopen();

        Assert.Equal(1, store.RequeueAllRunning());

        JobRecord requeued = store.Find(job.Id)!;
        Assert.Equal((JobState.Queued, 0.0, 1), (requeued.State, requeued.Progress, requeued.Attempts));
        Assert.Equal(2, store.ClaimNext(new HashSet<string>())!.Attempts);
    }

    [Fact]
    public void An_active_job_is_joined_only_when_it_writes_at_least_what_is_asked()
    {
        JobRecord binAndPng = Queue(World(1, ExportFormats.Bin | ExportFormats.Png, GridLayers.River));

        Assert.Equal(binAndPng.Id, store.FindActive(World(1, ExportFormats.Png))?.Id);
        Assert.Equal(binAndPng.Id, store.FindActive(World(1, ExportFormats.Bin, GridLayers.River))?.Id);
        Assert.Null(store.FindActive(World(1, ExportFormats.Json)));
        Assert.Null(store.FindActive(World(1, ExportFormats.Bin, GridLayers.Forest)));
        Assert.Null(store.FindActive(World(2)));

        store.CancelQueued(binAndPng.Id);
        Assert.Null(store.FindActive(World(1)));
    }

    [Fact]
    public void A_database_of_another_schema_version_is_refused_with_the_way_out()
    {
        using (SqliteConnection connection = database.Connect())
        {
            connection.Execute("UPDATE schema_version SET version = 99");
        }

        database.Dispose();

        var refused = Assert.Throws<InvalidDataException>(() => ServiceDatabase.Open(data.Path));
        Assert.Contains("schema version 99", refused.Message, StringComparison.Ordinal);
        Assert.Contains("--data", refused.Message, StringComparison.Ordinal);
    }

    private void Reopen()
    {
        database.Dispose();
        database = ServiceDatabase.Open(data.Path);
        store = new JobStore(database, TimeProvider.System);
    }
}
