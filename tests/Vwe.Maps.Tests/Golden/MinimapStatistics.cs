using System.Globalization;
using Vwe.WorldGen;
using Vwe.WorldGen.Unity;

namespace Vwe.Maps.Tests.Golden;

/// <summary>
/// The statistics of golden <c>minimap-stats.json</c> (README §6), computed from a sampled 2048² / 12 m grid and keyed
/// by their JSON path (e.g. <c>height.countHalfMinusZero</c>, <c>biomeColourCounts.AshLands</c>), so every number in
/// the file can be looked up by where it stands. Heights are taken through Unity's <c>FloatToHalf</c>, as the game's
/// cache stores them.
/// </summary>
internal static class MinimapStatistics
{
    public const string White = "white (Ocean+Mountain+DeepNorth)";
    public const string NonWhite = "non-white (the six other colours)";

    private const Biome WhiteBiomes = Biome.Ocean | Biome.Mountain | Biome.DeepNorth;

    public static IReadOnlyDictionary<string, double> Of(SampledGrid grid)
    {
        var biomeCounts = new Dictionary<Biome, long>();
        var halfGe30 = new Dictionary<Biome, long>();
        var halfGe30_5 = new Dictionary<Biome, long>();
        var radiusMin = new Dictionary<Biome, double>();
        var radiusMax = new Dictionary<Biome, double>();
        var seenPatterns = new bool[65536];
        double minHalf = double.PositiveInfinity;
        double maxHalf = double.NegativeInfinity;
        double swampMin = double.PositiveInfinity;
        double swampMax = double.NegativeInfinity;
        long minus400 = 0, plusZero = 0, minusZero = 0, whiteGe30 = 0;

        for (int row = 0; row < grid.Size; row++)
        {
            double z = grid.Grid.Z(row);
            for (int column = 0; column < grid.Size; column++)
            {
                int pixel = (row * grid.Size) + column;
                Biome biome = grid.BiomeAt(pixel);
                ushort half = UnityHalf.FloatToHalf(grid.HeightAt(pixel));
                double value = UnityHalf.Value(half);
                double x = grid.Grid.X(column);
                double radius = Math.Sqrt((x * x) + (z * z));

                biomeCounts[biome] = biomeCounts.GetValueOrDefault(biome) + 1;
                seenPatterns[half] = true;
                minHalf = Math.Min(minHalf, value);
                maxHalf = Math.Max(maxHalf, value);
                minus400 += half == 0xDE40 ? 1 : 0;
                plusZero += half == 0x0000 ? 1 : 0;
                minusZero += half == 0x8000 ? 1 : 0;
                if (value >= 30)
                {
                    halfGe30[biome] = halfGe30.GetValueOrDefault(biome) + 1;
                    whiteGe30 += (biome & WhiteBiomes) != 0 ? 1 : 0;
                }

                if (value >= 30.5)
                {
                    halfGe30_5[biome] = halfGe30_5.GetValueOrDefault(biome) + 1;
                }

                if (biome == Biome.Swamp)
                {
                    swampMin = Math.Min(swampMin, value);
                    swampMax = Math.Max(swampMax, value);
                }

                radiusMin[biome] = Math.Min(radiusMin.GetValueOrDefault(biome, double.PositiveInfinity), radius);
                radiusMax[biome] = Math.Max(radiusMax.GetValueOrDefault(biome, double.NegativeInfinity), radius);
            }
        }

        var statistics = new Dictionary<string, double>
        {
            [$"biomeColourCounts.{White}"] = Biomes.All.Where(b => (b & WhiteBiomes) != 0).Sum(b => biomeCounts.GetValueOrDefault(b)),
            [$"biomeColourCounts.{NonWhite}"] = Biomes.All.Where(b => (b & WhiteBiomes) == 0).Sum(b => biomeCounts.GetValueOrDefault(b)),
            ["height.distinctHalfBitPatterns"] = seenPatterns.Count(seen => seen),
            ["height.minHalf"] = minHalf,
            ["height.maxHalf"] = maxHalf,
            ["height.countHalfMinus400"] = minus400,
            ["height.countHalfPlusZero"] = plusZero,
            ["height.countHalfMinusZero"] = minusZero,
            ["height.meadowsPlusPlainsHalfGe30_5"] = halfGe30_5.GetValueOrDefault(Biome.Meadows) + halfGe30_5.GetValueOrDefault(Biome.Plains),
            ["height.meadowsHalfGe30_5"] = halfGe30_5.GetValueOrDefault(Biome.Meadows),
            ["height.plainsHalfGe30_5"] = halfGe30_5.GetValueOrDefault(Biome.Plains),
            ["height.mistlandsHalfGe30_5"] = halfGe30_5.GetValueOrDefault(Biome.Mistlands),
            ["height.mistlandsHalfGe30"] = halfGe30.GetValueOrDefault(Biome.Mistlands),
            ["height.blackForestHalfGe30"] = halfGe30.GetValueOrDefault(Biome.BlackForest),
            ["height.whiteHalfGe30"] = whiteGe30,
            ["height.swampHalfMin"] = swampMin,
            ["height.swampHalfMax"] = swampMax,
        };

        foreach (Biome biome in Biomes.All)
        {
            string name = Biomes.Name(biome);
            statistics[$"biomeCounts.{name}"] = biomeCounts.GetValueOrDefault(biome);
            statistics[$"height.halfGe30ByBiome.{name}"] = halfGe30.GetValueOrDefault(biome);
            statistics[$"height.halfGe30_5ByBiome.{name}"] = halfGe30_5.GetValueOrDefault(biome);
            if ((biome & WhiteBiomes) == 0)
            {
                statistics[$"biomeColourCounts.{name}"] = biomeCounts.GetValueOrDefault(biome);
            }

            if (biomeCounts.ContainsKey(biome))
            {
                // Published radii are rounded to 0.1 m (README §6, radiiRounded).
                string camel = string.Concat(name[..1].ToLowerInvariant(), name[1..]);
                statistics[$"radiiRounded.{camel}Min"] = RoundToTenth(radiusMin[biome]);
                statistics[$"radiiRounded.{camel}Max"] = RoundToTenth(radiusMax[biome]);
            }
        }

        return statistics;
    }

    private static double RoundToTenth(double metres) =>
        Math.Round(metres * 10, MidpointRounding.AwayFromZero) / 10;

    /// <summary>A statistic as the failure message shows it.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
