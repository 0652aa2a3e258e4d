using Vwe.Tests.Golden;
using Vwe.WorldGen.Rivers;

namespace Vwe.WorldGen.Tests.Golden.Worlds;

/// <summary>
/// golden <c>worlds/*.json</c> (README §4): per world the seed, offsets, river and stream seeds, the pre-generation
/// fingerprint, the lake/river/stream lists, six river-grid cells and 4 379 point samples, all bit for bit.
/// </summary>
public class WorldGoldenTests
{
    private const int PointsPerWorld = 4379;

    public static TheoryData<string> Worlds => [.. GoldenWorldFile.Names];

    [Fact]
    public void The_golden_set_holds_the_seven_worlds()
    {
        string[] files = Directory.GetFiles(GoldenData.PathOf("worlds"), "*.json.gz")
            .Select(path => Path.GetFileName(path)[..^".json.gz".Length])
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(GoldenWorldFile.Names.Order(StringComparer.Ordinal), files);
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Seed_offsets_and_river_seeds_match(string name)
    {
        GoldenWorldFile golden = GoldenWorldFile.Load(name);
        Assert.Equal(golden.Seed, StableHash.WorldSeed(golden.SeedText));
        Assert.Equal(WorldGenerator.SupportedWorldGenVersion, golden.WorldGenVersion);

        WorldGenerator generator = SharedGenerators.Fork(golden.Seed);
        Assert.Equal(golden.Seed, generator.Seed);
        Assert.Equal(golden.Offsets.Select(offset => (float)offset), generator.Offsets);
        Assert.Equal(golden.RiverSeed, generator.RiverSeed);
        Assert.Equal(golden.StreamSeed, generator.StreamSeed);
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void The_pre_generation_fingerprint_matches(string name)
    {
        GoldenWorldFile golden = GoldenWorldFile.Load(name);
        WorldGenerator generator = SharedGenerators.Fork(golden.Seed);

        Assert.Equal(
            golden.Pregeneration,
            new GoldenPregeneration(
                generator.Lakes.Count, generator.Rivers.Count, generator.Streams.Count, generator.RiverCellCount, generator.RiverPointCount));

        // The cell the game's cache holds after construction: its current list is the one every lookup sees.
        GoldenRiverCacheState cache = golden.RiverCacheAfterPregeneration;
        Assert.False(cache.Stale);
        Assert.Equal(cache.CurrentPointCount, generator.RiverPointsIn(new RiverCell(cache.Cell[0], cache.Cell[1])).Count);
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Lakes_rivers_and_streams_match_in_list_order(string name)
    {
        GoldenWorldFile golden = GoldenWorldFile.Load(name);
        WorldGenerator generator = SharedGenerators.Fork(golden.Seed);
        var differences = new Differences($"world {name} (seed {golden.Seed}) lists");

        Assert.Equal(golden.Lakes.Count, generator.Lakes.Count);
        for (int i = 0; i < golden.Lakes.Count; i++)
        {
            differences.Bits($"lake #{i}", "x", Bits.Of(Bits.FromDecimal(golden.Lakes[i][0])), generator.Lakes[i].X);
            differences.Bits($"lake #{i}", "z", Bits.Of(Bits.FromDecimal(golden.Lakes[i][1])), generator.Lakes[i].Y);
        }

        CompareRivers(differences, "river", golden.Rivers, generator.Rivers);
        CompareRivers(differences, "stream", golden.Streams, generator.Streams);
        differences.AssertNone();
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Sampled_river_cells_hold_the_same_points_in_the_same_order(string name)
    {
        GoldenWorldFile golden = GoldenWorldFile.Load(name);
        WorldGenerator generator = SharedGenerators.Fork(golden.Seed);
        var differences = new Differences($"world {name} (seed {golden.Seed}) sampleRiverCells");

        Assert.Equal(6, golden.SampleRiverCells.Count);
        foreach (GoldenRiverCell cell in golden.SampleRiverCells)
        {
            var riverCell = new RiverCell(cell.Cell[0], cell.Cell[1]);
            IReadOnlyList<RiverPoint> points = generator.RiverPointsIn(riverCell);
            string where = $"cell ({riverCell.X}, {riverCell.Y})";
            Assert.Equal(cell.PointCount, cell.Points.Count);
            differences.Equal(where, "pointCount", cell.PointCount, points.Count);
            for (int i = 0; i < Math.Min(cell.PointCount, points.Count); i++)
            {
                IReadOnlyList<string> expected = cell.Points[i];
                differences.Bits($"{where} point #{i}", "x", Bits.Parse(expected[0]), points[i].P.X);
                differences.Bits($"{where} point #{i}", "z", Bits.Parse(expected[1]), points[i].P.Y);
                differences.Bits($"{where} point #{i}", "w", Bits.Parse(expected[2]), points[i].W);
                differences.Bits($"{where} point #{i}", "w2", Bits.Parse(expected[3]), points[i].W2);
            }
        }

        differences.AssertNone();
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Every_point_sample_matches_bit_for_bit(string name)
    {
        GoldenWorldFile golden = GoldenWorldFile.Load(name);
        Assert.Equal(PointsPerWorld, golden.Points.Count);
        Assert.Equal(new GoldenEvaluation(PointsPerWorld, 0, PointsPerWorld), golden.Evaluation);

        WorldGenerator generator = SharedGenerators.Fork(golden.Seed);
        var differences = new Differences($"world {name} points");
        for (int i = 0; i < golden.Points.Count; i++)
        {
            PointValues actual = PointValues.Evaluate(generator, golden.Points[i]);
            PointValues.Compare(differences, PointValues.Where(golden.Seed, i, golden.Points[i]), golden.Points[i], actual);
        }

        differences.AssertNone();
    }

    /// <summary>The one-pass <c>Sample</c> (what the grid sampler calls) and <c>GetHeight</c> give the golden biome, height and mask.</summary>
    [Theory]
    [MemberData(nameof(Worlds))]
    public void Sample_and_GetHeight_match_every_point_sample(string name)
    {
        GoldenWorldFile golden = GoldenWorldFile.Load(name);
        WorldGenerator generator = SharedGenerators.Fork(golden.Seed);
        var differences = new Differences($"world {name} points via Sample / GetHeight");
        for (int i = 0; i < golden.Points.Count; i++)
        {
            GoldenPoint point = golden.Points[i];
            string where = PointValues.Where(golden.Seed, i, point);
            float x = Bits.FromDecimal(point.X);
            float z = Bits.FromDecimal(point.Z);

            float height = generator.Sample(x, z, out Biome biome, out TerrainMask mask);
            differences.Equal(where, "Sample biome", (Biome)point.Biome, biome);
            differences.Bits(where, "Sample height", Bits.Parse(point.Height), height);
            differences.Bits(where, "Sample mask.r", Bits.Parse(point.Mask[0]), mask.R);
            differences.Bits(where, "Sample mask.g", Bits.Parse(point.Mask[1]), mask.G);
            differences.Bits(where, "Sample mask.b", Bits.Parse(point.Mask[2]), mask.B);
            differences.Bits(where, "Sample mask.a", Bits.Parse(point.Mask[3]), mask.A);
            differences.Bits(where, "GetHeight", Bits.Parse(point.Height), generator.GetHeight(x, z));
        }

        differences.AssertNone();
    }

    private static void CompareRivers(Differences differences, string kind, IReadOnlyList<GoldenRiver> expected, IReadOnlyList<River> actual)
    {
        differences.Equal($"{kind} list", "count", expected.Count, actual.Count);
        for (int i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            string where = $"{kind} #{i}";
            GoldenRiver e = expected[i];
            River a = actual[i];
            Coordinate(differences, where, "p0", e.P0, a.P0.X, a.P0.Y);
            Coordinate(differences, where, "p1", e.P1, a.P1.X, a.P1.Y);
            Coordinate(differences, where, "center", e.Center, a.Center.X, a.Center.Y);
            differences.Bits(where, "widthMin", Bits.Of(Bits.FromDecimal(e.WidthMin)), a.WidthMin);
            differences.Bits(where, "widthMax", Bits.Of(Bits.FromDecimal(e.WidthMax)), a.WidthMax);
            differences.Bits(where, "curveWidth", Bits.Of(Bits.FromDecimal(e.CurveWidth)), a.CurveWidth);
            differences.Bits(where, "curveWavelength", Bits.Of(Bits.FromDecimal(e.CurveWavelength)), a.CurveWavelength);
        }
    }

    private static void Coordinate(Differences differences, string where, string field, IReadOnlyList<double> expected, float x, float z)
    {
        differences.Bits(where, $"{field}.x", Bits.Of(Bits.FromDecimal(expected[0])), x);
        differences.Bits(where, $"{field}.z", Bits.Of(Bits.FromDecimal(expected[1])), z);
    }
}
