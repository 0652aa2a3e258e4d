using Vwe.Engines.Jobs;
using Vwe.Engines.Tests.Support;
using Vwe.Engines.Work;
using Vwe.Maps.Points;
using Vwe.Tests.Golden;

namespace Vwe.Engines.Tests.Work;

/// <summary>
/// The workbench every native engine runs on: it keeps the last K loaded worlds (least recently used goes
/// first, most recent first in the list), and samples with its thread budget without the split changing a value.
/// </summary>
public class EngineWorkbenchTests
{
    private const int A = 11;
    private const int B = 22;
    private const int C = 33;

    [Fact]
    public void Loaded_worlds_keep_the_last_K_most_recent_first()
    {
        var workbench = new EngineWorkbench(threads: 1, maxWorlds: 2);
        Assert.Empty(workbench.LoadedSeeds());

        Assert.False(workbench.Load(A, CancellationToken.None).Cached);
        Assert.Equal([A], workbench.LoadedSeeds());
        Assert.False(workbench.Load(B, CancellationToken.None).Cached);
        Assert.Equal([B, A], workbench.LoadedSeeds());

        // A hit moves the world to the front and costs nothing.
        WorldLoad hit = workbench.Load(A, CancellationToken.None);
        Assert.Equal(new WorldLoad(A, Cached: true, TimeSpan.Zero), hit);
        Assert.Equal([A, B], workbench.LoadedSeeds());

        // A third world pushes out the least recently used one, B, not the first loaded, A.
        WorldLoad third = workbench.Load(C, CancellationToken.None);
        Assert.False(third.Cached);
        Assert.True(third.Duration > TimeSpan.Zero);
        Assert.Equal([C, A], workbench.LoadedSeeds());

        Assert.False(workbench.Load(B, CancellationToken.None).Cached);
        Assert.Equal([B, C], workbench.LoadedSeeds());
    }

    [Fact]
    public void Reset_keeps_the_worlds_unless_told_to_drop_them()
    {
        var workbench = new EngineWorkbench(threads: 1, maxWorlds: 3);
        workbench.Load(A, CancellationToken.None);

        Assert.Equal([A], workbench.Reset(keepWorlds: true));
        Assert.True(workbench.Load(A, CancellationToken.None).Cached);
        Assert.Empty(workbench.Reset(keepWorlds: false));
        Assert.Empty(workbench.LoadedSeeds());
        Assert.False(workbench.Load(A, CancellationToken.None).Cached);
    }

    [Fact]
    public void A_cancelled_load_loads_nothing()
    {
        var workbench = new EngineWorkbench(threads: 1, maxWorlds: 3);

        Assert.ThrowsAny<OperationCanceledException>(() => workbench.Load(A, new CancellationToken(canceled: true)));

        Assert.Empty(workbench.LoadedSeeds());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_sample_split_over_threads_equals_point_by_point_sampling(int threads)
    {
        // 8192 points: two chunks of 4096 with two threads, one with one; values must not depend on it.
        var workbench = new EngineWorkbench(threads, maxWorlds: 1);
        var region = new SampleRegion(-5000.5, 3000.25, 37.5, 128, 64);

        SampleResult result = workbench.Sample(new SampleJob(World.Seed, region, SampleFields.All), CancellationToken.None);

        Assert.Equal(region.Count, result.Count);
        var generator = SharedGenerators.Fork(World.Seed);
        for (int index = 0; index < region.Count; index++)
        {
            (float x, float z) = region.At(index);
            PointSample expected = PointSample.At(generator, x, z);
            Assert.Equal(expected.Biome.Flag, result.Biome![index]);
            Assert.Equal(BitConverter.SingleToInt32Bits(expected.Height), BitConverter.SingleToInt32Bits(result.Height![index]));
            Assert.Equal(BitConverter.SingleToInt32Bits(expected.BaseHeight), BitConverter.SingleToInt32Bits(result.BaseHeight![index]));
            Assert.Equal(BitConverter.SingleToInt32Bits(expected.RiverWeight), BitConverter.SingleToInt32Bits(result.River![index]));
            Assert.Equal(BitConverter.SingleToInt32Bits(expected.ForestFactor), BitConverter.SingleToInt32Bits(result.Forest![index]));
        }
    }

    [Fact]
    public void A_biome_only_sample_gives_the_biomes_of_a_full_sample()
    {
        var workbench = new EngineWorkbench(threads: 2, maxWorlds: 1);
        var region = new SampleRegion(-11000.5, -11000.5, 171.875, 128, 128);

        SampleResult biomes = workbench.Sample(new SampleJob(World.Seed, region, SampleFields.Biome), CancellationToken.None);
        SampleResult full = workbench.Sample(new SampleJob(World.Seed, region, SampleFields.Biome | SampleFields.Height), CancellationToken.None);

        Assert.Null(biomes.Height);
        Assert.Equal(full.Biome, biomes.Biome);
        Assert.True(full.Biome!.Distinct().Count() >= 8, "the region crosses most biomes and the world's edge");
    }
}
