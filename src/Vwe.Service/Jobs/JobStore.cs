using Dapper;
using Microsoft.Data.Sqlite;
using Vwe.Maps.Export;
using Vwe.Maps.Grid;

namespace Vwe.Service.Jobs;

/// <summary>
/// The jobs table of <see cref="ServiceDatabase"/>. Every state change is one conditional UPDATE (it names the
/// state it leaves), so a cancel and a finish racing each other cannot both win. Thread-safe.
/// </summary>
public sealed class JobStore(ServiceDatabase database, TimeProvider time)
{
    private const string Columns = """
        id, world_key, seed_int, seed_text, grid_size, pixel_size, formats, layers, state, progress, attempts,
        error_code, error_message, created_utc, started_utc, finished_utc
        """;

    /// <summary>Serialises claiming, so two workers never take the same job or two jobs of one world.</summary>
    private readonly Lock claimGate = new();

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public void Insert(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        using SqliteConnection connection = database.Connect();
        connection.Execute(
            $"""
            INSERT INTO jobs ({Columns})
            VALUES (@Id, @WorldKey, @SeedInt, @SeedText, @GridSize, @PixelSize, @Formats, @Layers, @State, @Progress, @Attempts,
                    @ErrorCode, @ErrorMessage, @CreatedUtc, @StartedUtc, @FinishedUtc)
            """,
            JobRow.From(job));
    }

    public JobRecord? Find(string id)
    {
        using SqliteConnection connection = database.Connect();
        return connection.QuerySingleOrDefault<JobRow>($"SELECT {Columns} FROM jobs WHERE id = @id", new { id })?.ToRecord();
    }

    /// <summary>The oldest queued or running job of <paramref name="world"/>'s key that writes at least what it asks for, if any.</summary>
    public JobRecord? FindActive(WorldSpec world)
    {
        ArgumentNullException.ThrowIfNull(world);
        using SqliteConnection connection = database.Connect();
        return connection.QueryFirstOrDefault<JobRow>(
            $"""
            SELECT {Columns} FROM jobs
            WHERE world_key = @key AND state IN ('queued', 'running')
              AND (formats & @formats) = @formats AND (layers & @layers) = @layers
            ORDER BY created_utc LIMIT 1
            """,
            new { key = world.WorldKey, formats = (int)world.Formats, layers = (int)world.Layers })?.ToRecord();
    }

    public int Count(JobState state)
    {
        using SqliteConnection connection = database.Connect();
        return connection.ExecuteScalar<int>("SELECT COUNT(*) FROM jobs WHERE state = @state", new { state = JobStateNames.Name(state) });
    }

    /// <summary>
    /// Takes the oldest queued job whose world is not in <paramref name="busyWorlds"/> (a world is exported by one
    /// job at a time): running now, one more attempt, progress 0. Null when none can run.
    /// </summary>
    public JobRecord? ClaimNext(IReadOnlySet<string> busyWorlds)
    {
        ArgumentNullException.ThrowIfNull(busyWorlds);
        lock (claimGate)
        {
            using SqliteConnection connection = database.Connect();
            const int Batch = 64;
            foreach (JobRow row in connection.Query<JobRow>(
                $"SELECT {Columns} FROM jobs WHERE state = 'queued' ORDER BY created_utc, id LIMIT {Batch}"))
            {
                if (busyWorlds.Contains(row.WorldKey))
                {
                    continue;
                }

                string now = UtcText.Write(UtcNow);
                int claimed = connection.Execute(
                    "UPDATE jobs SET state = 'running', attempts = attempts + 1, progress = 0, started_utc = @now WHERE id = @id AND state = 'queued'",
                    new { id = row.Id, now });
                if (claimed == 1)
                {
                    return row.ToRecord() with { State = JobState.Running, Attempts = (int)row.Attempts + 1, Progress = 0, StartedUtc = UtcText.Read(now) };
                }
            }

            return null;
        }
    }

    /// <summary>Records the progress of a running job (0..1); ignored once it is no longer running.</summary>
    public void SetProgress(string id, double progress)
    {
        using SqliteConnection connection = database.Connect();
        connection.Execute(
            "UPDATE jobs SET progress = @progress WHERE id = @id AND state = 'running'",
            new { id, progress = Math.Clamp(progress, 0, 1) });
    }

    /// <summary>Ends a running job as <paramref name="state"/> (a finished state). False when it was not running.</summary>
    public bool Finish(string id, JobState state, JobError? error = null)
    {
        if (!JobStateNames.IsFinished(state))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "a job finishes as succeeded, failed or cancelled");
        }

        using SqliteConnection connection = database.Connect();
        return connection.Execute(
            """
            UPDATE jobs SET state = @state, progress = CASE WHEN @state = 'succeeded' THEN 1 ELSE progress END,
                error_code = @code, error_message = @message, finished_utc = @now
            WHERE id = @id AND state = 'running'
            """,
            new { id, state = JobStateNames.Name(state), code = error?.Code, message = error?.Message, now = UtcText.Write(UtcNow) }) == 1;
    }

    /// <summary>Cancels a job that is still queued. False when it was not queued (running, finished, unknown).</summary>
    public bool CancelQueued(string id)
    {
        using SqliteConnection connection = database.Connect();
        return connection.Execute(
            """
            UPDATE jobs SET state = 'cancelled', error_code = @code, error_message = @message, finished_utc = @now
            WHERE id = @id AND state = 'queued'
            """,
            new { id, code = JobErrorCodes.Cancelled, message = "cancelled by request before it started", now = UtcText.Write(UtcNow) }) == 1;
    }

    /// <summary>Puts a running job back in the queue (the service is stopping, or its engines failed and it will be tried again).</summary>
    public bool Requeue(string id)
    {
        using SqliteConnection connection = database.Connect();
        return connection.Execute(
            "UPDATE jobs SET state = 'queued', progress = 0 WHERE id = @id AND state = 'running'", new { id }) == 1;
    }

    /// <summary>
    /// At start: every job left running by a previous process (stopped or killed mid-job) is queued again, to run
    /// from the start. Returns how many.
    /// </summary>
    public int RequeueAllRunning()
    {
        using SqliteConnection connection = database.Connect();
        return connection.Execute("UPDATE jobs SET state = 'queued', progress = 0 WHERE state = 'running'");
    }

    /// <summary>One row as Dapper reads and writes it: SQLite's own types (long, double, text).</summary>
    private sealed class JobRow
    {
        public string Id { get; set; } = "";

        public string WorldKey { get; set; } = "";

        public long SeedInt { get; set; }

        public string? SeedText { get; set; }

        public long GridSize { get; set; }

        public double PixelSize { get; set; }

        public long Formats { get; set; }

        public long Layers { get; set; }

        public string State { get; set; } = "";

        public double Progress { get; set; }

        public long Attempts { get; set; }

        public string? ErrorCode { get; set; }

        public string? ErrorMessage { get; set; }

        public string CreatedUtc { get; set; } = "";

        public string? StartedUtc { get; set; }

        public string? FinishedUtc { get; set; }

        public static JobRow From(JobRecord job) => new()
        {
            Id = job.Id,
            WorldKey = job.WorldKey,
            SeedInt = job.World.Seed,
            SeedText = job.World.SeedText,
            GridSize = job.World.Grid.Size,
            PixelSize = job.World.Grid.PixelSize,
            Formats = (long)job.Formats,
            Layers = (long)job.Layers,
            State = JobStateNames.Name(job.State),
            Progress = job.Progress,
            Attempts = job.Attempts,
            ErrorCode = job.Error?.Code,
            ErrorMessage = job.Error?.Message,
            CreatedUtc = UtcText.Write(job.CreatedUtc),
            StartedUtc = UtcText.Write(job.StartedUtc),
            FinishedUtc = UtcText.Write(job.FinishedUtc),
        };

        public JobRecord ToRecord() => new(
            Id,
            new WorldSpec(checked((int)SeedInt), SeedText, new GridSpec(checked((int)GridSize), PixelSize), (ExportFormats)Formats, (GridLayers)Layers),
            JobStateNames.Parse(State),
            Progress,
            checked((int)Attempts),
            ErrorCode is null ? null : new JobError(ErrorCode, ErrorMessage ?? ""),
            UtcText.Read(CreatedUtc),
            UtcText.ReadOptional(StartedUtc),
            UtcText.ReadOptional(FinishedUtc));
    }
}
