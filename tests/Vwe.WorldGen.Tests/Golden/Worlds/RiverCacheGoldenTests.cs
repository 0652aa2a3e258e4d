using Vwe.Tests.Golden;
using Vwe.WorldGen.Rivers;

namespace Vwe.WorldGen.Tests.Golden.Worlds;

/// <summary>
/// golden <c>river-cache.json</c> (README §7): two int seeds whose game river-weight cache is stale after
/// construction. We answer as the game's minimap does, so every point must equal <c>afterOtherCells</c> in any
/// order and on any thread (<c>asFirstQueries</c> is deliberately not a target).
/// </summary>
public class RiverCacheGoldenTests(RiverCacheGoldenTests.Generators generators) : IClassFixture<RiverCacheGoldenTests.Generators>
{
    public static TheoryData<int> Seeds => [-270, 1228];

    [Fact]
    public void The_golden_set_holds_the_two_stale_seeds_and_their_points()
    {
        Assert.Equal([-270, 1228], generators.File.StaleSeedsFound);
        Assert.Equal([-270, 1228], generators.File.Worlds.Select(world => world.Seed));
        Assert.Equal([37, 41], generators.File.Worlds.Select(world => world.Points.Count));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Offsets_seeds_and_pre_generation_match(int seed)
    {
        RiverCacheWorld golden = generators.Golden(seed);
        WorldGenerator generator = generators.Shared(seed).Fork();

        Assert.Equal(golden.Offsets.Select(offset => (float)offset), generator.Offsets);
        Assert.Equal(golden.RiverSeed, generator.RiverSeed);
        Assert.Equal(golden.StreamSeed, generator.StreamSeed);
        Assert.Equal(
            golden.Pregeneration,
            new GoldenPregeneration(
                generator.Lakes.Count, generator.Rivers.Count, generator.Streams.Count, generator.RiverCellCount, generator.RiverPointCount));

        // The list every lookup must see is the current one, never the outdated one the game's cache keeps.
        Assert.Equal(golden.CurrentListPointCount, generator.RiverPointsIn(golden.Cell).Count);
        Assert.All(golden.Points, point => Assert.Equal(golden.Cell, RiverCell.Of(Bits.FromDecimal(point.X), Bits.FromDecimal(point.Z))));
        Assert.Equal(golden.PointsDiffering, golden.Points.Count(point => point.Differs));
    }

    /// <summary>The generator straight from its constructor: the very first lookups land in the stale cell.</summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void First_queries_after_construction_in_file_order_match_after_other_cells(int seed)
    {
        RiverCacheWorld golden = generators.Golden(seed);
        PointValues[] results = PointValues.EvaluateInOrder(
            generators.TakeUnqueried(seed), golden.Expected, Enumerable.Range(0, golden.Points.Count));
        AssertMatch(golden, results, "first queries in file order");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void File_order_split_over_two_forks_matches_after_other_cells(int seed)
    {
        RiverCacheWorld golden = generators.Golden(seed);
        PointValues[] results = PointValues.EvaluateOnTwoForks(
            generators.Shared(seed), golden.Expected, Enumerable.Range(0, golden.Points.Count).ToArray());
        AssertMatch(golden, results, "two forks");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Reverse_order_matches_after_other_cells(int seed)
    {
        RiverCacheWorld golden = generators.Golden(seed);
        PointValues[] results = PointValues.EvaluateInOrder(
            generators.Shared(seed).Fork(), golden.Expected, Enumerable.Range(0, golden.Points.Count).Reverse());
        AssertMatch(golden, results, "reverse order");
    }

    private static void AssertMatch(RiverCacheWorld golden, PointValues[] results, string evaluation)
    {
        var differences = new Differences($"river-cache.json seed {golden.Seed} ({evaluation}) vs afterOtherCells");
        for (int i = 0; i < golden.Points.Count; i++)
        {
            GoldenPoint expected = golden.Expected[i];
            PointValues.Compare(differences, PointValues.Where(golden.Seed, i, expected), expected, results[i]);
        }

        differences.AssertNone();
    }

    /// <summary>
    /// The two stale-cache worlds, constructed once for this class. Tests fork them; only the "first queries" test
    /// queries an instance itself (a fork has its own cache, so forking leaves the instance's cache untouched).
    /// </summary>
    public sealed class Generators
    {
        private readonly Dictionary<int, WorldGenerator> generators;
        private readonly HashSet<int> taken = [];

        public Generators()
        {
            File = GoldenData.Read<RiverCacheFile>("river-cache.json.gz");
            int[] seeds = File.Worlds.Select(world => world.Seed).ToArray();
            var built = new WorldGenerator[seeds.Length];
            Parallel.For(0, seeds.Length, i => built[i] = new WorldGenerator(seeds[i]));
            generators = seeds.Zip(built).ToDictionary(pair => pair.First, pair => pair.Second);
        }

        public RiverCacheFile File { get; }

        public RiverCacheWorld Golden(int seed) => File.Worlds.Single(world => world.Seed == seed);

        /// <summary>The world to fork from.</summary>
        public WorldGenerator Shared(int seed) => generators[seed];

        /// <summary>The constructed instance itself, not yet queried; it can be taken once.</summary>
        public WorldGenerator TakeUnqueried(int seed)
        {
            Assert.True(taken.Add(seed), $"the unqueried generator of seed {seed} was already taken");
            return generators[seed];
        }
    }

    public sealed record RiverCacheFile(int SeedsScanned, IReadOnlyList<int> StaleSeedsFound, IReadOnlyList<RiverCacheWorld> Worlds);

    public sealed record RiverCacheWorld(
        int Seed,
        IReadOnlyList<int> Offsets,
        int RiverSeed,
        int StreamSeed,
        GoldenPregeneration Pregeneration,
        IReadOnlyList<int> StaleCell,
        int OutdatedListPointCount,
        int CurrentListPointCount,
        int PointsDiffering,
        IReadOnlyList<RiverCachePoint> Points)
    {
        public RiverCell Cell => new(StaleCell[0], StaleCell[1]);

        /// <summary>The values to match: <c>afterOtherCells</c>, indexed like <see cref="Points"/>.</summary>
        public IReadOnlyList<GoldenPoint> Expected => Points.Select(point => point.AfterOtherCells).ToArray();
    }

    public sealed record RiverCachePoint(double X, double Z, bool Differs, GoldenPoint AfterOtherCells);
}
