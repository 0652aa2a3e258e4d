using Microsoft.Extensions.Time.Testing;
using Vwe.Maps.Export;
using Vwe.Maps.Grid;
using Vwe.Service.Cache;
using Vwe.Service.Jobs;

namespace Vwe.Service.UnitTests.Cache;

/// <summary>The world cache on a real data folder and SQLite index; worlds are folders of files as an export leaves them.</summary>
public sealed class WorldCacheTests : IDisposable
{
    private readonly TempDirectory data = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly ServiceDatabase database;

    public WorldCacheTests() => database = ServiceDatabase.Open(data.Path);

    public void Dispose()
    {
        database.Dispose();
        data.Dispose();
    }

    private static WorldSpec World(int seed) => new(seed, null, new GridSpec(64, 48), ExportFormats.Bin, GridLayers.None);

    private WorldCache Open(long maxBytes = 1_000_000) => WorldCache.Open(data.Path, database, maxBytes, time);

    /// <summary>Writes a world's folder as the exporter would and indexes it; <paramref name="bytes"/> in grid.bin.</summary>
    private CachedWorld Add(WorldCache cache, WorldSpec world, int bytes)
    {
        string folder = cache.FolderFor(world);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, ExportFileNames.Grid), new byte[bytes]);
        File.WriteAllText(Path.Combine(folder, ExportFileNames.Manifest), "{}");
        time.Advance(TimeSpan.FromSeconds(10));
        return cache.Commit(world, ExportFormats.Bin, GridLayers.None, [new ExportedFile(ExportFileNames.Grid, bytes, "aa"), new ExportedFile(ExportFileNames.Manifest, 2, "bb")], "job-" + world.Seed);
    }

    [Fact]
    public void A_committed_world_is_found_again_after_a_reopen()
    {
        WorldCache cache = Open();
        CachedWorld added = Add(cache, World(1), 100);

        WorldCache reopened = Open();

        CachedWorld? found = reopened.Find(added.WorldKey);
        Assert.NotNull(found);
        Assert.Equal(added.Files, found.Files);
        Assert.Equal((102L, 102L, "job-1"), (found.Bytes, reopened.TotalBytes, found.JobId));
        Assert.Equal(Path.Combine(data.Path, "worlds", "1-g2-e1-64x48"), reopened.FolderOf(found));
    }

    [Fact]
    public void Opening_removes_staging_leftovers_and_folders_no_finished_export_indexed()
    {
        WorldCache cache = Open();
        CachedWorld kept = Add(cache, World(1), 10);
        string root = cache.Root;
        Directory.CreateDirectory(Path.Combine(root, "2-g2-e1-64x48.tmp-0123456789ab"));
        Directory.CreateDirectory(Path.Combine(root, "3-g2-e1-64x48"));
        File.WriteAllText(Path.Combine(root, "stray.txt"), "x");

        Open();

        Assert.Equal([kept.WorldKey], Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName));
    }

    [Fact]
    public void Opening_drops_an_indexed_world_whose_files_are_gone()
    {
        WorldCache cache = Open();
        CachedWorld world = Add(cache, World(1), 10);
        File.Delete(Path.Combine(cache.FolderOf(world), ExportFileNames.Grid));

        WorldCache reopened = Open();

        Assert.Null(reopened.Find(world.WorldKey));
        Assert.Equal(0, reopened.TotalBytes);
        Assert.False(Directory.Exists(cache.FolderOf(world)));
    }

    [Fact]
    public void Eviction_removes_the_least_recently_used_worlds_until_the_total_fits()
    {
        WorldCache cache = Open(maxBytes: 250);
        CachedWorld oldest = Add(cache, World(1), 98);
        CachedWorld used = Add(cache, World(2), 98);
        CachedWorld newest = Add(cache, World(3), 98);
        time.Advance(TimeSpan.FromSeconds(10));
        cache.Touch(oldest.WorldKey);

        IReadOnlyList<string> evicted = cache.EvictToFit();

        Assert.Equal([used.WorldKey], evicted);
        Assert.Null(cache.Find(used.WorldKey));
        Assert.False(Directory.Exists(cache.FolderOf(used)));
        Assert.Equal(200, cache.TotalBytes);
        Assert.NotNull(Open(maxBytes: 250).Find(newest.WorldKey));
        Assert.Null(Open(maxBytes: 250).Find(used.WorldKey));
    }

    [Fact]
    public void Eviction_spares_worlds_in_use_and_the_one_to_keep()
    {
        WorldCache cache = Open(maxBytes: 50);
        CachedWorld downloading = Add(cache, World(1), 98);
        CachedWorld running = Add(cache, World(2), 98);
        CachedWorld justWritten = Add(cache, World(3), 98);
        using WorldUse? download = cache.TryUse(downloading.WorldKey, out _);
        WorldUse job = cache.Use(World(2));

        Assert.Empty(cache.EvictToFit(keep: justWritten.WorldKey));

        job.Dispose();
        Assert.Equal([running.WorldKey], cache.EvictToFit(keep: justWritten.WorldKey));
        Assert.NotNull(cache.Find(downloading.WorldKey));
    }

    [Fact]
    public void A_world_not_in_the_cache_cannot_be_used_for_a_download()
    {
        WorldCache cache = Open();

        Assert.Null(cache.TryUse("1-g2-e1-64x48", out CachedWorld? world));
        Assert.Null(world);
    }

    [Theory]
    [InlineData("1024", 1024L)]
    [InlineData("2GB", 2_000_000_000L)]
    [InlineData("1.5 MB", 1_500_000L)]
    [InlineData("512MiB", 536_870_912L)]
    [InlineData("10kb", 10_000L)]
    public void Cache_sizes_take_decimal_and_binary_units(string text, long bytes) =>
        Assert.Equal(bytes, CacheSize.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("-1GB")]
    [InlineData("2XB")]
    [InlineData("NaN")]
    public void A_size_that_is_not_one_is_refused_with_an_example(string text) =>
        Assert.Contains("e.g. 2GB", Assert.Throws<FormatException>(() => CacheSize.Parse(text)).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("1706363555-g2-e1-2048x12", true)]
    [InlineData("-5-g2-e1-512x1.5", true)]
    [InlineData("1-g2-e1-16x1E-05", true)]
    [InlineData("../jobs.db", false)]
    [InlineData("1706363555-g2-e1-2048x12/..", false)]
    [InlineData("hnLycKKCMI", false)]
    public void Only_world_key_shapes_are_looked_up(string text, bool wellFormed) =>
        Assert.Equal(wellFormed, WorldKeys.IsWellFormed(text));
}
