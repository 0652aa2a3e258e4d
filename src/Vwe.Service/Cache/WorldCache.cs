using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Vwe.Maps.Export;
using Vwe.Maps.Grid;
using Vwe.Service.Jobs;

namespace Vwe.Service.Cache;

/// <summary>
/// Worlds on disk under <c>DATA/worlds/&lt;world key&gt;/</c>, each folder exactly what <c>vwe generate</c> writes,
/// indexed in the <c>worlds</c> table of jobs.db (formats, files with SHA-256, size, last access) and mirrored in
/// memory so a download never waits for SQLite. The exporter writes a folder atomically (a staging sibling renamed
/// into place); the index row is written after the rename, and at start anything on disk without a row (or a row
/// without its files) is removed. Least-recently-used worlds are evicted while the total is above
/// <see cref="MaxBytes"/>, never one in use by a job or a download. Thread-safe: one lock guards the index and the
/// use counts, so an eviction and a new use cannot interleave.
/// </summary>
public sealed class WorldCache
{
    public const string FolderName = "worlds";

    /// <summary>Last-access writes to SQLite are at most this frequent per world; memory always has the latest.</summary>
    private static readonly TimeSpan TouchInterval = TimeSpan.FromSeconds(1);

    private readonly ServiceDatabase database;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private readonly Dictionary<string, Entry> worlds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> uses = new(StringComparer.Ordinal);
    private long totalBytes;
    private long evictions;

    private WorldCache(string root, ServiceDatabase database, long maxBytes, TimeProvider time, ILogger logger)
    {
        Root = root;
        this.database = database;
        MaxBytes = maxBytes;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>The folder holding one folder per world.</summary>
    public string Root { get; }

    public long MaxBytes { get; }

    public long TotalBytes => Interlocked.Read(ref totalBytes);

    public long Evictions => Interlocked.Read(ref evictions);

    public int Count
    {
        get
        {
            lock (gate)
            {
                return worlds.Count;
            }
        }
    }

    /// <summary>
    /// Opens the cache in <c><paramref name="dataDirectory"/>/worlds</c>: loads the index and makes disk and index
    /// agree (removing staging leftovers of a killed export, folders without a row, rows without their files).
    /// </summary>
    public static WorldCache Open(string dataDirectory, ServiceDatabase database, long maxBytes, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        string root = Path.GetFullPath(Path.Combine(dataDirectory, FolderName));
        Directory.CreateDirectory(root);
        var cache = new WorldCache(root, database, maxBytes, time ?? TimeProvider.System, logger ?? NullLogger.Instance);
        cache.Load();
        return cache;
    }

    /// <summary>The cached world of <paramref name="worldKey"/>, or null.</summary>
    public CachedWorld? Find(string worldKey)
    {
        lock (gate)
        {
            return worlds.TryGetValue(worldKey, out Entry? entry) ? entry.World : null;
        }
    }

    /// <summary>The folder of a world key the service built itself (<see cref="WorldSpec.WorldKey"/>), never of request text.</summary>
    public string FolderFor(WorldSpec world)
    {
        ArgumentNullException.ThrowIfNull(world);
        return Path.Combine(Root, world.WorldKey);
    }

    /// <summary>
    /// Marks a cached world in use by a download (it is not evicted until the returned use is disposed) and
    /// records the access. Null when it is not cached.
    /// </summary>
    public WorldUse? TryUse(string worldKey, out CachedWorld? world)
    {
        lock (gate)
        {
            if (!worlds.TryGetValue(worldKey, out Entry? entry))
            {
                world = null;
                return null;
            }

            world = entry.World;
            Touch(entry);
            return AddUse(entry.World.WorldKey);
        }
    }

    /// <summary>Marks a world in use by a job (cached yet or not): it is not evicted until the use is disposed.</summary>
    public WorldUse Use(WorldSpec world)
    {
        ArgumentNullException.ThrowIfNull(world);
        lock (gate)
        {
            return AddUse(world.WorldKey);
        }
    }

    /// <summary>The folder of a cached world, for serving its files.</summary>
    public string FolderOf(CachedWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        return Path.Combine(Root, world.WorldKey);
    }

    /// <summary>Records an access (a cache hit) for the LRU order.</summary>
    public void Touch(string worldKey)
    {
        lock (gate)
        {
            if (worlds.TryGetValue(worldKey, out Entry? entry))
            {
                Touch(entry);
            }
        }
    }

    /// <summary>
    /// Indexes the files an export just renamed into the world's folder (all of them: the folder is replaced as a
    /// whole). Call with the world in use, then <see cref="EvictToFit"/>.
    /// </summary>
    public CachedWorld Commit(WorldSpec world, ExportFormats formats, GridLayers layers, IReadOnlyList<ExportedFile> files, string jobId)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(files);
        var cached = new CachedWorld(
            world.WorldKey, formats, layers, files.Sum(file => file.Bytes), [.. files.Select(file => new CachedFile(file.Name, file.Bytes, file.Sha256))], jobId);
        DateTime now = time.GetUtcNow().UtcDateTime;
        lock (gate)
        {
            using SqliteConnection connection = database.Connect();
            connection.Execute(
                """
                INSERT INTO worlds (world_key, formats, layers, bytes, files, job_id, created_utc, last_access_utc)
                VALUES (@WorldKey, @Formats, @Layers, @Bytes, @Files, @JobId, @Now, @Now)
                ON CONFLICT (world_key) DO UPDATE SET formats = excluded.formats, layers = excluded.layers, bytes = excluded.bytes,
                    files = excluded.files, job_id = excluded.job_id, last_access_utc = excluded.last_access_utc
                """,
                new
                {
                    cached.WorldKey,
                    Formats = (int)formats,
                    Layers = (int)layers,
                    cached.Bytes,
                    Files = JsonSerializer.Serialize(cached.Files, CacheJson.Default.IReadOnlyListCachedFile),
                    cached.JobId,
                    Now = UtcText.Write(now),
                });
            if (worlds.Remove(cached.WorldKey, out Entry? previous))
            {
                Interlocked.Add(ref totalBytes, -previous.World.Bytes);
            }

            worlds[cached.WorldKey] = new Entry(cached, now, now);
            Interlocked.Add(ref totalBytes, cached.Bytes);
        }

        return cached;
    }

    /// <summary>
    /// Evicts least-recently-used worlds while the total is above <see cref="MaxBytes"/>, skipping worlds in use
    /// and <paramref name="keep"/> (the world just written, which its client is about to download). Returns the
    /// evicted keys.
    /// </summary>
    public IReadOnlyList<string> EvictToFit(string? keep = null)
    {
        var evicted = new List<string>();
        lock (gate)
        {
            if (TotalBytes <= MaxBytes)
            {
                return evicted;
            }

            foreach (Entry entry in worlds.Values.OrderBy(entry => entry.LastAccessUtc).ToList())
            {
                if (TotalBytes <= MaxBytes)
                {
                    break;
                }

                string key = entry.World.WorldKey;
                if (key == keep || uses.ContainsKey(key))
                {
                    continue;
                }

                Remove(key);
                evicted.Add(key);
                Interlocked.Increment(ref evictions);
            }
        }

        foreach (string key in evicted)
        {
            logger.Evicted(key, CacheSize.Format(TotalBytes), CacheSize.Format(MaxBytes));
        }

        return evicted;
    }

    private WorldUse AddUse(string key)
    {
        uses[key] = uses.GetValueOrDefault(key) + 1;
        return new WorldUse(this, key);
    }

    internal void EndUse(string key)
    {
        lock (gate)
        {
            if (uses[key] == 1)
            {
                uses.Remove(key);
            }
            else
            {
                uses[key]--;
            }
        }
    }

    private void Touch(Entry entry)
    {
        DateTime now = time.GetUtcNow().UtcDateTime;
        entry.LastAccessUtc = now;
        if (now - entry.StoredAccessUtc < TouchInterval)
        {
            return;
        }

        entry.StoredAccessUtc = now;
        try
        {
            using SqliteConnection connection = database.Connect();
            connection.Execute(
                "UPDATE worlds SET last_access_utc = @now WHERE world_key = @key", new { key = entry.World.WorldKey, now = UtcText.Write(now) });
        }
        catch (SqliteException exception)
        {
            // Bookkeeping for the LRU order must not fail a download (a full disk): memory has the time, and the
            // next access (a second later at the soonest) tries to store it again.
            logger.AccessNotRecorded(entry.World.WorldKey, exception.Message);
        }
    }

    /// <summary>Drops a world from the index, then from disk. Under the lock.</summary>
    private void Remove(string key)
    {
        using (SqliteConnection connection = database.Connect())
        {
            connection.Execute("DELETE FROM worlds WHERE world_key = @key", new { key });
        }

        if (worlds.Remove(key, out Entry? entry))
        {
            Interlocked.Add(ref totalBytes, -entry.World.Bytes);
        }

        DeleteEntry(Path.Combine(Root, key));
    }

    private void Load()
    {
        using SqliteConnection connection = database.Connect();
        foreach (WorldRow row in connection.Query<WorldRow>("SELECT world_key, formats, layers, bytes, files, job_id, last_access_utc FROM worlds"))
        {
            IReadOnlyList<CachedFile> files = JsonSerializer.Deserialize(row.Files, CacheJson.Default.IReadOnlyListCachedFile) ?? [];
            var world = new CachedWorld(row.WorldKey, (ExportFormats)row.Formats, (GridLayers)row.Layers, row.Bytes, files, row.JobId);
            string folder = Path.Combine(Root, row.WorldKey);
            if (!WorldKeys.IsWellFormed(row.WorldKey) || files.Any(file => !File.Exists(Path.Combine(folder, file.Name))))
            {
                logger.IndexedWorldMissing(row.WorldKey);
                connection.Execute("DELETE FROM worlds WHERE world_key = @key", new { key = row.WorldKey });
                continue;
            }

            DateTime access = UtcText.Read(row.LastAccessUtc);
            worlds[row.WorldKey] = new Entry(world, access, access);
            totalBytes += world.Bytes;
        }

        // Staging (.tmp-) and swapped-out (.old-) siblings of a killed export, and folders whose export finished
        // but whose row was never written: the job that wrote them is queued again and writes them anew.
        foreach (string entry in Directory.EnumerateFileSystemEntries(Root))
        {
            if (!worlds.ContainsKey(Path.GetFileName(entry)))
            {
                logger.RemovedStray(Path.GetFileName(entry));
                DeleteEntry(entry);
            }
        }
    }

    private static void DeleteEntry(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            else
            {
                File.Delete(path);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Already gone, or busy: the next start tries again; the index no longer lists it either way.
        }
    }

    private sealed class Entry(CachedWorld world, DateTime lastAccessUtc, DateTime storedAccessUtc)
    {
        public CachedWorld World { get; } = world;

        public DateTime LastAccessUtc { get; set; } = lastAccessUtc;

        public DateTime StoredAccessUtc { get; set; } = storedAccessUtc;
    }

    private sealed class WorldRow
    {
        public string WorldKey { get; set; } = "";

        public long Formats { get; set; }

        public long Layers { get; set; }

        public long Bytes { get; set; }

        public string Files { get; set; } = "";

        public string JobId { get; set; } = "";

        public string LastAccessUtc { get; set; } = "";
    }
}

/// <summary>A world kept from eviction until disposed (a job writing it, a download reading it). Dispose once.</summary>
public sealed class WorldUse : IDisposable
{
    private readonly WorldCache cache;
    private readonly string key;
    private int disposed;

    internal WorldUse(WorldCache cache, string key)
    {
        this.cache = cache;
        this.key = key;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            cache.EndUse(key);
        }
    }
}
