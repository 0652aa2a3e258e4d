using Vwe.Tests.Golden;
using Vwe.WorldGen.Rivers;

namespace Vwe.WorldGen.Tests.Rivers;

/// <summary>
/// Pre-generation on two threads (speculative stream searches, parallel lake scan and river allowances) must
/// build exactly the world that one thread builds: the same lists and the same river points in the same order.
/// </summary>
public class ParallelPregenerationTests
{
    public static TheoryData<int> Seeds => new()
    {
        // The golden worlds, the two worlds whose river cache is stale after construction, and a few more.
        1706363555, -1772362158, 319486907, 298112588, 0, -95744002, -1902207434, -270, 1228,
        1, 2, 3, 42, 75539276, 900967707, -520406752, -1521132150, int.MaxValue, int.MinValue,
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Two_threads_build_the_same_world_as_one(int seed)
    {
        WorldGenerator one = SharedGenerators.Fork(seed);
        var two = new WorldGenerator(seed, threads: 2);

        Assert.Equal(one.Lakes, two.Lakes);
        Assert.Equal(one.Rivers, two.Rivers);
        Assert.Equal(one.Streams, two.Streams);
        Assert.Equal(one.RiverCellCount, two.RiverCellCount);
        Assert.Equal(one.RiverPointCount, two.RiverPointCount);
        for (int y = -170; y <= 170; y++)
        {
            for (int x = -170; x <= 170; x++)
            {
                var cell = new RiverCell(x, y);
                IReadOnlyList<RiverPoint> expected = one.RiverPointsIn(cell);
                IReadOnlyList<RiverPoint> actual = two.RiverPointsIn(cell);
                if (!expected.SequenceEqual(actual))
                {
                    Assert.Fail($"seed {seed}: river cell ({x}, {y}) has {actual.Count} points on two threads, {expected.Count} on one, or a different order");
                }
            }
        }
    }
}
