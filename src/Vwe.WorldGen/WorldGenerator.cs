using Vwe.WorldGen.Rivers;
using Vwe.WorldGen.Unity;

namespace Vwe.WorldGen;

/// <summary>
/// Valheim 1.0.x <c>WorldGenerator</c> for worldGenVersion 2, bit-exact (spec §5). Partial files follow the
/// game's regions: biomes, heights, AshLands, rivers (pre-generation) and river weight.
/// </summary>
/// <remarks>
/// <para>Numerics: statements are written as the game's Mono runtime evaluates them (spec §4): double on the
/// evaluation stack, <c>(float)</c> where the game stores a float. Do not reorder, regroup or simplify any
/// expression; a "mathematically equal" form rounds differently.</para>
/// <para>Threads: construction pre-generates the world once; afterwards the world data is immutable and each
/// instance only owns the one-cell river-weight cache. One instance is for one thread: call <see cref="Fork"/>
/// for each worker — forks share the world data and cost nothing. Every answer is independent of evaluation
/// order and thread count: once pre-generation ends the cache can only hold the current point list, which is
/// how the game's minimap sees the world (golden <c>river-cache.json</c>, <c>afterOtherCells</c>).</para>
/// </remarks>
public sealed partial class WorldGenerator
{
    /// <summary>The only worldGenVersion implemented: every world created since the Mistlands update.</summary>
    public const int SupportedWorldGenVersion = 2;

    private readonly World world;
    private readonly float offset0;
    private readonly float offset1;
    private readonly float offset2;
    private readonly float offset3;
    private readonly float offset4;

    private RiverCell cachedRiverCell = new(-999999, -999999);
    private RiverPoint[]? cachedRiverPoints;

    /// <summary>Constructs and pre-generates the world (the game's <c>new WorldGenerator(world)</c>).</summary>
    /// <param name="seed">The world's int seed (see <see cref="StableHash.WorldSeed"/>).</param>
    /// <param name="worldGenVersion">From the world file; only 2 is implemented.</param>
    /// <param name="threads">Threads pre-generation may use (1 or 2); the result is the same for both.</param>
    /// <exception cref="NotSupportedException">A worldGenVersion other than 2.</exception>
    public WorldGenerator(int seed, int worldGenVersion = SupportedWorldGenVersion, int threads = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        if (worldGenVersion != SupportedWorldGenVersion)
        {
            throw new NotSupportedException(
                $"worldGenVersion {worldGenVersion} is not supported: only version {SupportedWorldGenVersion} " +
                "(every world created since the Mistlands update) is implemented. Legacy versions 0 and 1 are planned.");
        }

        var random = new UnityRandom(seed);
        offset0 = random.Range(-10000, 10000);
        offset1 = random.Range(-10000, 10000);
        offset2 = random.Range(-10000, 10000);
        offset3 = random.Range(-10000, 10000);
        int riverSeed = random.Range(int.MinValue, int.MaxValue);
        int streamSeed = random.Range(int.MinValue, int.MaxValue);
        offset4 = random.Range(-10000, 10000);

        world = new World(seed, worldGenVersion, riverSeed, streamSeed);
        Pregenerate(random, threads);

        // The answers after construction are the minimap's (order independent): forget the pre-generation cache.
        cachedRiverCell = new RiverCell(-999999, -999999);
        cachedRiverPoints = null;
    }

    private WorldGenerator(WorldGenerator source)
    {
        world = source.world;
        (offset0, offset1, offset2, offset3, offset4) =
            (source.offset0, source.offset1, source.offset2, source.offset3, source.offset4);
    }

    public int Seed => world.Seed;

    public int WorldGenVersion => world.WorldGenVersion;

    /// <summary><c>m_offset0</c> … <c>m_offset4</c>: integers in [−10000, 9999] held as floats.</summary>
    public IReadOnlyList<float> Offsets => [offset0, offset1, offset2, offset3, offset4];

    public int RiverSeed => world.RiverSeed;

    public int StreamSeed => world.StreamSeed;

    /// <summary>Lake centres after merging (they include open sea basins), in list order.</summary>
    public IReadOnlyList<Vec2> Lakes => world.Lakes;

    public IReadOnlyList<River> Rivers => world.Rivers;

    /// <summary>The first (non-DeepNorth) stream pass's list; the second pass is rendered but not kept, as in the game.</summary>
    public IReadOnlyList<River> Streams => world.Streams;

    public int RiverCellCount => world.RiverPoints.CellCount;

    public int RiverPointCount => world.RiverPoints.PointCount;

    /// <summary>The ordered point list of one river-grid cell (empty when the cell has none).</summary>
    public IReadOnlyList<RiverPoint> RiverPointsIn(RiverCell cell) =>
        world.RiverPoints[cell] ?? [];

    /// <summary>How many times <see cref="GetRiverWeight"/> ran on this instance: tells whether a height looked up rivers.</summary>
    internal long RiverLookups { get; private set; }

    /// <summary>Whether the river cache holds the current point list of its cell (the game's can go stale after a render).</summary>
    internal bool RiverCacheIsFresh => cachedRiverPoints == world.RiverPoints[cachedRiverCell];

    /// <summary>Sets the river cache to what a lookup in <paramref name="cell"/> leaves behind.</summary>
    internal void RememberRiverCell(RiverCell cell)
    {
        cachedRiverCell = cell;
        cachedRiverPoints = world.RiverPoints[cell];
    }

    /// <summary>A handle for another thread: shares the world, owns its own river-weight cache.</summary>
    public WorldGenerator Fork() => new(this);

    /// <summary>
    /// The world data shared by all forks: seeds, the lists of pre-generation and the river points, which are
    /// written only during construction.
    /// </summary>
    private sealed class World(int seed, int worldGenVersion, int riverSeed, int streamSeed)
    {
        public int Seed { get; } = seed;

        public int WorldGenVersion { get; } = worldGenVersion;

        public int RiverSeed { get; } = riverSeed;

        public int StreamSeed { get; } = streamSeed;

        public List<Vec2> Lakes { get; set; } = [];

        public List<River> Rivers { get; set; } = [];

        public List<River> Streams { get; set; } = [];

        public RiverGrid RiverPoints { get; } = new();
    }
}
