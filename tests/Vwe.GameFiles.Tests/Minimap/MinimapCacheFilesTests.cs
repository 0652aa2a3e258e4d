using System.IO.Compression;
using Vwe.GameFiles.Minimap;
using Vwe.WorldGen;

namespace Vwe.GameFiles.Tests.Minimap;

public class MinimapCacheFilesTests
{
    [Fact]
    public void Writes_the_three_files_the_game_reads_and_reads_them_back()
    {
        using var folder = new TempDirectory();
        var cache = new MinimapCache(-1772362158, 1, 2, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], [0xDE40, 0x0000, 0x8000, 0x5F24]);

        MinimapCacheFiles.Write(folder.Path, cache);
        MinimapCache read = MinimapCacheFiles.Read(folder.Path);

        Assert.Equal(["cacheMinimapBiome", "cacheMinimapHeight", "cacheMinimapMeta"], folder.Entries());
        // The meta is 8 raw bytes: the game's own file for seed -1772362158 reads 52 e6 5b 96 01 00 00 00.
        Assert.Equal(Convert.FromHexString("52e65b9601000000"), File.ReadAllBytes(folder.Combine("cacheMinimapMeta")));
        Assert.Equal(new byte[] { 0x40, 0xDE, 0, 0, 0, 0x80, 0x24, 0x5F }, Gunzip(folder.Combine("cacheMinimapHeight")));
        Assert.Equal((cache.Seed, cache.Version, cache.Size), (read.Seed, read.Version, read.Size));
        Assert.Equal(cache.BiomeColors, read.BiomeColors);
        Assert.Equal(cache.Heights, read.Heights);
    }

    [Fact]
    public void Colours_are_the_measured_ones_with_white_for_ocean_mountain_and_deep_north()
    {
        Assert.Equal(0x92A75CFFu, MinimapColors.Of(Biome.Meadows));
        Assert.Equal(0x333333FFu, MinimapColors.Of(Biome.Mistlands));
        Assert.Equal([MinimapColors.White], new[] { Biome.Ocean, Biome.Mountain, Biome.DeepNorth }.Select(MinimapColors.Of).Distinct());
        Assert.Equal(7, Biomes.All.Select(MinimapColors.Of).Distinct().Count());
        Assert.Equal("Plains", MinimapColors.Describe(0xE7AB78FFu));
        Assert.StartsWith("white", MinimapColors.Describe(MinimapColors.White), StringComparison.Ordinal);
        Assert.Contains("no biome's colour", MinimapColors.Describe(0x01020304u), StringComparison.Ordinal);
    }

    [Fact]
    public void The_golden_grid_makes_a_cache_with_the_game_recorded_seed_independent_counts()
    {
        MinimapCache cache = GoldenMinimap.Cache();

        // Both counts are pure geometry, recorded from the game's own caches (spec §10.2, golden minimap-stats.json).
        Assert.Equal(2048, cache.Size);
        Assert.Equal(1_361_539, Enumerable.Range(0, 2048 * 2048).Count(i => cache.ColorAt(i) == MinimapColors.Of(Biome.AshLands)));
        Assert.Equal(1_788_980, cache.Heights.Count(h => h == 0xDE40)); // −400 m beyond the world edge
    }

    [Fact]
    public void A_missing_file_is_named_with_what_to_do()
    {
        using var folder = new TempDirectory();
        File.WriteAllBytes(folder.Combine("cacheMinimapMeta"), new byte[8]);

        var error = Assert.Throws<GameFileException>(() => MinimapCacheFiles.Read(folder.Path));

        Assert.Contains("cacheMinimapBiome, cacheMinimapHeight", error.Message, StringComparison.Ordinal);
        Assert.Contains("Load the world once in the game", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_file_is_an_error_naming_it()
    {
        using var folder = new TempDirectory();
        MinimapCacheFiles.Write(folder.Path, new MinimapCache(1, 1, 2, new byte[16], new ushort[4]));

        File.WriteAllBytes(folder.Combine("cacheMinimapHeight"), [0x1f, 0x8b, 0x08, 0x00, 0xFF]);
        var error = Assert.Throws<GameFileException>(() => MinimapCacheFiles.Read(folder.Path));
        Assert.Contains("cacheMinimapHeight", error.Message, StringComparison.Ordinal);

        File.WriteAllBytes(folder.Combine("cacheMinimapMeta"), [1, 2, 3]);
        error = Assert.Throws<GameFileException>(() => MinimapCacheFiles.Read(folder.Path));
        Assert.Contains("cacheMinimapMeta' is 3 bytes", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Gunzip(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        return bytes.ToArray();
    }
}
