using Dapper;
using Microsoft.Data.Sqlite;

namespace Vwe.Service.Jobs;

/// <summary>
/// The service's SQLite file (<c>jobs.db</c> in the data folder): the job store and the cache index. WAL, so
/// readers (status polls) never wait for the writer; the schema is created when missing. One short-lived
/// (pooled) connection per operation.
/// </summary>
public sealed class ServiceDatabase : IDisposable
{
    public const string FileName = "jobs.db";

    /// <summary>Bumped with every schema change; a file of another version is refused rather than misread.</summary>
    public const int SchemaVersion = 1;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS jobs (
            id TEXT PRIMARY KEY,
            world_key TEXT NOT NULL,
            seed_int INTEGER NOT NULL,
            seed_text TEXT NULL,
            grid_size INTEGER NOT NULL,
            pixel_size REAL NOT NULL,
            formats INTEGER NOT NULL,
            layers INTEGER NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
            progress REAL NOT NULL DEFAULT 0,
            attempts INTEGER NOT NULL DEFAULT 0,
            error_code TEXT NULL,
            error_message TEXT NULL,
            created_utc TEXT NOT NULL,
            started_utc TEXT NULL,
            finished_utc TEXT NULL);
        CREATE INDEX IF NOT EXISTS jobs_by_state ON jobs (state, created_utc);
        CREATE INDEX IF NOT EXISTS jobs_by_world ON jobs (world_key, state);
        CREATE TABLE IF NOT EXISTS worlds (
            world_key TEXT PRIMARY KEY,
            formats INTEGER NOT NULL,
            layers INTEGER NOT NULL,
            bytes INTEGER NOT NULL,
            files TEXT NOT NULL,
            job_id TEXT NOT NULL,
            created_utc TEXT NOT NULL,
            last_access_utc TEXT NOT NULL);
        """;

    private readonly string connectionString;

    static ServiceDatabase() => DefaultTypeMap.MatchNamesWithUnderscores = true;

    private ServiceDatabase(string path, string connectionString)
    {
        Path = path;
        this.connectionString = connectionString;
    }

    public string Path { get; }

    /// <summary>Opens (creating when missing) the database in <paramref name="dataDirectory"/> and makes sure the schema is there.</summary>
    public static ServiceDatabase Open(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        string path = System.IO.Path.Combine(dataDirectory, FileName);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        };
        var database = new ServiceDatabase(path, builder.ToString());
        using SqliteConnection connection = database.Connect();

        // WAL is a property of the file: set once, kept by every later connection.
        connection.Execute("PRAGMA journal_mode = WAL;");
        using SqliteTransaction transaction = connection.BeginTransaction();
        connection.Execute(Schema, transaction: transaction);
        long? version = connection.QuerySingleOrDefault<long?>("SELECT version FROM schema_version", transaction: transaction);
        if (version is null)
        {
            connection.Execute("INSERT INTO schema_version (version) VALUES (@SchemaVersion)", new { SchemaVersion }, transaction);
        }
        else if (version != SchemaVersion)
        {
            throw new InvalidDataException(
                $"{path} has schema version {version}; this vwe reads version {SchemaVersion}. Use a new --data folder, or the vwe that wrote it.");
        }

        transaction.Commit();
        return database;
    }

    /// <summary>An open connection; the caller disposes it (back to the pool).</summary>
    public SqliteConnection Connect()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();

        // Per connection: NORMAL is durable across a process crash in WAL mode (only a power loss can drop the
        // last commits); the busy timeout lets a writer wait for another instead of failing.
        connection.Execute("PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;");
        return connection;
    }

    /// <summary>Closes the pooled connections, so the file can be deleted or opened by another process.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
