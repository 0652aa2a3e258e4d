using System.Runtime.InteropServices;
using System.Text.Json;
using Vwe.GameFiles.Minimap;
using Vwe.GameFiles.Worlds;
using Vwe.WorldGen;

namespace Vwe.Cli.Tests.GameFiles;

public class VerifyCommandTests
{
    private const int Size = 2048;

    [Fact]
    public void A_cache_written_from_golden_data_agrees_with_exit_0()
    {
        using var world = new TempDirectory();
        MinimapCacheFiles.Write(world.Path, GoldenCache());

        CliResult result = Cli.Run("verify", world.Path);

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Contains("agree: all 4194304 pixels", result.Output, StringComparison.Ordinal);
        Assert.Contains("seed 1706363555, 2048 × 2048 pixels of 12 m", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void One_wrong_biome_pixel_and_one_wrong_height_are_reported_at_their_pixels_with_exit_5()
    {
        using var world = new TempDirectory();
        MinimapCache cache = GoldenCache();
        cache.SetColorAt((1100 * Size) + 1000, MinimapColors.Of(Biome.Swamp));
        cache.Heights[(300 * Size) + 1700] ^= 1;
        MinimapCacheFiles.Write(world.Path, cache);

        CliResult text = Cli.Run("verify", world.Path);
        CliResult json = Cli.Run("verify", world.Path, "--json");

        Assert.Equal(5, text.ExitCode);
        Assert.Contains("DIFFER: 2 of 4194304 pixels (1 biome, 1 height)", text.Output, StringComparison.Ordinal);
        Assert.Contains("row 300, column 1700 (x 8118, z -8682): height vwe", text.Output, StringComparison.Ordinal);
        Assert.Contains("row 1100, column 1000 (x -282, z 918): biome vwe Meadows (#92A75CFF), cache Swamp (#A37258FF)", text.Output, StringComparison.Ordinal);

        Assert.Equal(5, json.ExitCode);
        using var report = JsonDocument.Parse(json.Output);
        JsonElement root = report.RootElement;
        Assert.False(root.GetProperty("agrees").GetBoolean());
        Assert.Equal(1, root.GetProperty("heights").GetProperty("differing").GetInt64());
        JsonElement meadows = root.GetProperty("biomes").EnumerateArray().Single(b => b.GetProperty("biome").GetString() == "Meadows");
        Assert.Equal(1, meadows.GetProperty("differing").GetInt64());
        JsonElement[] differences = [.. root.GetProperty("firstDifferences").EnumerateArray()];
        Assert.Equal([(300, 1700), (1100, 1000)], differences.Select(d => (d.GetProperty("row").GetInt32(), d.GetProperty("column").GetInt32())));
        Assert.Equal("Swamp", differences[1].GetProperty("biome").GetProperty("cache").GetString());
    }

    [Fact]
    public void A_folder_without_a_cache_is_one_line_with_exit_2()
    {
        using var world = new TempDirectory();

        CliResult result = Cli.Run("verify", world.Path);

        Assert.Equal((2, ""), (result.ExitCode, result.Output));
        Assert.Contains("has no cacheMinimapMeta", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_corrupt_cache_file_is_one_line_with_exit_2()
    {
        using var world = new TempDirectory();
        MinimapCacheFiles.Write(world.Path, new MinimapCache(1706363555, 1, 2, new byte[16], new ushort[4]));
        File.WriteAllBytes(world.Combine("cacheMinimapBiome"), [1, 2, 3]);

        CliResult result = Cli.Run("verify", world.Path);

        Assert.Equal((2, ""), (result.ExitCode, result.Output));
        Assert.Contains("cacheMinimapBiome", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_cache_whose_seed_is_not_the_worlds_is_refused_as_stale()
    {
        using var worlds = new TempDirectory();
        string folder = worlds.Combine("Midgard");
        NewWorld.Create(worlds.Path, WorldMetadata.CreateNew("Midgard", "another seed", 1), force: false);
        MinimapCacheFiles.Write(folder, new MinimapCache(1706363555, 1, 2048, new byte[2048 * 2048 * 4], new ushort[2048 * 2048]));

        CliResult result = Cli.Run("verify", folder);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("was made for seed 1706363555", result.Error, StringComparison.Ordinal);
    }

    /// <summary>The cache the game would write for hnLycKKCMI, from the golden 2048² grid (tests/golden/grids).</summary>
    private static MinimapCache GoldenCache()
    {
        byte[] grid = GoldenData.ReadBytes("grids/hnLycKKCMI-2048.bin.gz");
        int pixels = Size * Size;
        return MinimapCache.FromGrid(
            1706363555,
            Size,
            MemoryMarshal.Cast<byte, ushort>(grid.AsSpan(0, pixels * 2)),
            MemoryMarshal.Cast<byte, float>(grid.AsSpan(pixels * 2, pixels * 4)));
    }
}
