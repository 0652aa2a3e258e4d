using Vwe.Plugins.Core.Worlds;
using Vwe.WorldGen;

namespace Vwe.Plugins.Core.Tests.Support;

/// <summary>
/// Our native generator behind the plugins' <see cref="IWorldSource"/>: what the game plugin gets from the game's
/// WorldGenerator, the tests get from src/Vwe.WorldGen, so the library's files can be held to the golden grids
/// and to <c>vwe engine</c> byte for byte.
/// </summary>
internal sealed class NativeWorld(WorldGenerator generator) : IWorldSource
{
    public int Seed => generator.Seed;

    public int WorldGenVersion => generator.WorldGenVersion;

    public IReadOnlyList<float> Offsets => generator.Offsets;

    public int RiverSeed => generator.RiverSeed;

    public int StreamSeed => generator.StreamSeed;

    public ushort GetBiome(float x, float z) => (ushort)generator.GetBiome(x, z);

    public float GetHeight(float x, float z) => generator.GetHeight(x, z);

    public float GetBaseHeight(float x, float z) => generator.GetBaseHeight(x, z);

    public float GetRiverWeight(float x, float z) => generator.GetRiverWeight(x, z).Weight;

    public float GetForestFactor(float x, float z) => WorldGenerator.GetForestFactor(x, z);
}

/// <summary>Makes <see cref="NativeWorld"/>s, counting them, so tests can see whether a world was loaded again.</summary>
internal sealed class NativeWorlds : IWorldFactory
{
    private int created;

    /// <summary>Runs inside <see cref="Create"/> before the world is built (a test's way to hold a load).</summary>
    public Action<int, CancellationToken>? BeforeCreate { get; init; }

    public int Created => Volatile.Read(ref created);

    public IWorldSource Create(int seed, CancellationToken cancellationToken)
    {
        BeforeCreate?.Invoke(seed, cancellationToken);
        Interlocked.Increment(ref created);
        return new NativeWorld(new WorldGenerator(seed));
    }
}
