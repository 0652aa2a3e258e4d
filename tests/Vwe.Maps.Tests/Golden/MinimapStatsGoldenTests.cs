using System.Text.Json;
using Vwe.Maps.Grid;
using Vwe.Tests.Golden;
using Vwe.WorldGen;

namespace Vwe.Maps.Tests.Golden;

/// <summary>
/// golden <c>minimap-stats.json</c> (README §6): statistics the game's own minimap caches recorded for two worlds
/// (the strongest truth in the set), recomputed from our 2048² / 12 m grid through Unity's FloatToHalf.
/// </summary>
public class MinimapStatsGoldenTests
{
    private static readonly Lazy<JsonDocument> File = new(() => GoldenData.ReadDocument("minimap-stats.json"));

    [Fact]
    public void The_golden_set_holds_the_two_game_recorded_worlds() =>
        Assert.Equal(
            ["MWd8eV6svz", "hnBd9gJf2G"],
            File.Value.RootElement.GetProperty("worlds").EnumerateArray().Select(world => world.GetProperty("seedText").GetString()));

    /// <summary>MWd8eV6svz has 26 game-recorded numbers, hnBd9gJf2G 9 (README §6); a trimmed file fails the count.</summary>
    [Theory]
    [InlineData("MWd8eV6svz", 26)]
    [InlineData("hnBd9gJf2G", 9)]
    public void Every_game_recorded_statistic_is_reproduced(string seedText, int numbers) =>
        AssertStatistics(seedText, numbers, "gameRecorded");

    /// <summary>
    /// The reference re-implementation's fuller set (per-biome split of the white pixels, per-biome threshold
    /// counts, rounded radii). Not game-recorded; the unrounded radii and the in-disc extremes are not checked.
    /// </summary>
    [Theory]
    [InlineData("MWd8eV6svz", 55)]
    [InlineData("hnBd9gJf2G", 55)]
    public void The_reference_statistics_are_reproduced(string seedText, int numbers) =>
        AssertStatistics(seedText, numbers, "reproduced", "biomeCounts", "biomeColourCounts", "height", "radiiRounded");

    [Theory]
    [InlineData(Biome.Ocean, 1_412_690)]
    [InlineData(Biome.AshLands, 1_361_539)]
    [InlineData(Biome.Mistlands, 405_669)]
    [InlineData(Biome.BlackForest, 328_899)]
    [InlineData(Biome.Plains, 305_222)]
    [InlineData(Biome.DeepNorth, 161_904)]
    [InlineData(Biome.Meadows, 77_760)]
    [InlineData(Biome.Mountain, 73_753)]
    [InlineData(Biome.Swamp, 66_868)]
    public void The_hnLycKKCMI_minimap_biome_counts_match_spec_10_3(Biome biome, int pixels)
    {
        SampledGrid grid = SampledGrid.Get(1706363555, GridSpec.Minimap);

        int count = 0;
        for (int pixel = 0; pixel < grid.PixelCount; pixel++)
        {
            count += grid.BiomeAt(pixel) == biome ? 1 : 0;
        }

        Assert.Equal(pixels, count);
    }

    private static void AssertStatistics(string seedText, int numbers, string section, params string[] parts)
    {
        JsonElement world = File.Value.RootElement.GetProperty("worlds").EnumerateArray()
            .Single(entry => entry.GetProperty("seedText").GetString() == seedText);
        int seed = world.GetProperty("seed").GetInt32();
        Assert.Equal(seed, StableHash.WorldSeed(seedText));

        JsonElement expected = world.GetProperty(section);
        var leaves = new List<(string Path, double Value)>();
        foreach (JsonProperty property in expected.EnumerateObject())
        {
            if (parts.Length == 0 || parts.Contains(property.Name))
            {
                Flatten(property.Value, property.Name, leaves);
            }
        }

        Assert.True(leaves.Count == numbers, $"{seedText} {section}: {leaves.Count} numbers found, expected {numbers}");

        IReadOnlyDictionary<string, double> actual = MinimapStatistics.Of(SampledGrid.Get(seed, GridSpec.Minimap));
        var differences = new Differences($"minimap-stats.json {seedText} {section}");
        foreach ((string path, double value) in leaves)
        {
            if (!actual.TryGetValue(path, out double computed))
            {
                differences.Add($"{path}: a statistic the test does not compute (expected {MinimapStatistics.Format(value)})");
            }
            else if (computed != value)
            {
                differences.Add($"{path}: expected {MinimapStatistics.Format(value)}, actual {MinimapStatistics.Format(computed)}");
            }
        }

        differences.AssertNone();
    }

    /// <summary>Every number under <paramref name="element"/>, keyed by its dotted path; strings (notes, sources) are skipped.</summary>
    private static void Flatten(JsonElement element, string path, List<(string Path, double Value)> leaves)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                leaves.Add((path, element.GetDouble()));
                break;
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    Flatten(property.Value, $"{path}.{property.Name}", leaves);
                }

                break;
            case JsonValueKind.String:
                break;
            default:
                throw new InvalidDataException($"minimap-stats.json: unexpected {element.ValueKind} at {path}");
        }
    }
}
