using Vwe.Tests.Golden;
using Vwe.WorldGen.Rivers;

namespace Vwe.WorldGen.Tests.Golden.Worlds;

/// <summary>
/// Everything a golden point records, computed as the golden data was (README §4, <c>evaluation.perPointCalls</c>):
/// biome = GetBiome, height = GetBiomeHeight(biome, out mask), base = GetBaseHeight, GetRiverWeight,
/// GetForestFactor — in that order. Floats are held as bit patterns so equality is bit equality.
/// </summary>
internal readonly record struct PointValues(
    Biome Biome,
    uint Height,
    uint Base,
    uint Forest,
    uint RiverWeight,
    uint RiverWidth,
    uint MaskR,
    uint MaskG,
    uint MaskB,
    uint MaskA)
{
    public static PointValues Evaluate(WorldGenerator generator, float x, float z)
    {
        Biome biome = generator.GetBiome(x, z);
        float height = generator.GetBiomeHeight(biome, x, z, out TerrainMask mask);
        float baseHeight = generator.GetBaseHeight(x, z);
        RiverWeight river = generator.GetRiverWeight(x, z);
        float forest = WorldGenerator.GetForestFactor(x, z);
        return new PointValues(
            biome,
            Bits.Of(height),
            Bits.Of(baseHeight),
            Bits.Of(forest),
            Bits.Of(river.Weight),
            Bits.Of(river.Width),
            Bits.Of(mask.R),
            Bits.Of(mask.G),
            Bits.Of(mask.B),
            Bits.Of(mask.A));
    }

    public static PointValues Evaluate(WorldGenerator generator, GoldenPoint point) =>
        Evaluate(generator, Bits.FromDecimal(point.X), Bits.FromDecimal(point.Z));

    /// <summary>Evaluates the points in <paramref name="order"/> on one generator; results are indexed like the points.</summary>
    public static PointValues[] EvaluateInOrder(WorldGenerator generator, IReadOnlyList<GoldenPoint> points, IEnumerable<int> order)
    {
        var results = new PointValues[points.Count];
        foreach (int i in order)
        {
            results[i] = Evaluate(generator, points[i]);
        }

        return results;
    }

    /// <summary>
    /// Splits <paramref name="order"/> into two contiguous halves evaluated concurrently, each on its own
    /// <see cref="WorldGenerator.Fork"/> (one handle per worker, as the grid sampler does).
    /// </summary>
    public static PointValues[] EvaluateOnTwoForks(WorldGenerator shared, IReadOnlyList<GoldenPoint> points, IReadOnlyList<int> order)
    {
        var results = new PointValues[points.Count];
        int half = order.Count / 2;
        Parallel.For(
            0,
            2,
            new ParallelOptions { MaxDegreeOfParallelism = 2 },
            worker =>
            {
                WorldGenerator fork = shared.Fork();
                int start = worker == 0 ? 0 : half;
                int end = worker == 0 ? half : order.Count;
                for (int k = start; k < end; k++)
                {
                    results[order[k]] = Evaluate(fork, points[order[k]]);
                }
            });
        return results;
    }

    /// <summary>Records every field of <paramref name="actual"/> that differs from the golden point.</summary>
    public static void Compare(Differences differences, string where, GoldenPoint expected, PointValues actual)
    {
        Assert.Equal(4, expected.Mask.Count);
        differences.Equal(where, "biome", (Biome)expected.Biome, actual.Biome);
        differences.Bits(where, "height", Bits.Parse(expected.Height), actual.Height);
        differences.Bits(where, "base", Bits.Parse(expected.Base), actual.Base);
        differences.Bits(where, "forest", Bits.Parse(expected.Forest), actual.Forest);
        differences.Bits(where, "riverWeight", Bits.Parse(expected.RiverWeight), actual.RiverWeight);
        differences.Bits(where, "riverWidth", Bits.Parse(expected.RiverWidth), actual.RiverWidth);
        differences.Bits(where, "mask.r", Bits.Parse(expected.Mask[0]), actual.MaskR);
        differences.Bits(where, "mask.g", Bits.Parse(expected.Mask[1]), actual.MaskG);
        differences.Bits(where, "mask.b", Bits.Parse(expected.Mask[2]), actual.MaskB);
        differences.Bits(where, "mask.a", Bits.Parse(expected.Mask[3]), actual.MaskA);
    }

    /// <summary>Records every field where two evaluations of the same point disagree.</summary>
    public static void Compare(Differences differences, string where, PointValues expected, PointValues actual)
    {
        differences.Equal(where, "biome", expected.Biome, actual.Biome);
        differences.Bits(where, "height", expected.Height, actual.Height);
        differences.Bits(where, "base", expected.Base, actual.Base);
        differences.Bits(where, "forest", expected.Forest, actual.Forest);
        differences.Bits(where, "riverWeight", expected.RiverWeight, actual.RiverWeight);
        differences.Bits(where, "riverWidth", expected.RiverWidth, actual.RiverWidth);
        differences.Bits(where, "mask.r", expected.MaskR, actual.MaskR);
        differences.Bits(where, "mask.g", expected.MaskG, actual.MaskG);
        differences.Bits(where, "mask.b", expected.MaskB, actual.MaskB);
        differences.Bits(where, "mask.a", expected.MaskA, actual.MaskA);
    }

    /// <summary>"seed 1706363555 point #17 (x, z) [tag]": where a difference is.</summary>
    public static string Where(int seed, int index, GoldenPoint point) =>
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"seed {seed} point #{index} ({Bits.FromDecimal(point.X):R}, {Bits.FromDecimal(point.Z):R}) [{point.Tag}]");
}
