using Vwe.Engines.Jobs;
using Vwe.Engines.Lifecycle;
using Vwe.Engines.Tests.Support;
using Vwe.Maps.Points;
using Vwe.Tests.Golden;
using Vwe.WorldGen;

namespace Vwe.Engines.Tests;

/// <summary>
/// Inline samples through the engine contract, for both kinds: each value equals what <c>vwe point</c> computes
/// (<see cref="PointSample.At"/> on a world of our own), bit for bit, for a list of points and for a region.
/// </summary>
public class EngineSampleContractTests
{
    /// <summary>x, z pairs: the centre, fractional metres, all four quadrants, near rivers and far out at sea.</summary>
    private static readonly double[] Points =
    [
        0, 0,
        1000.5, -250,
        -9200, 400,
        5123.25, 7321.75,
        -3000.125, -8000,
        0.1, 0.2,
        9999.9, -9999.9,
        12000, 300,
    ];

    [Theory]
    [InlineData(TestEngines.InProcess)]
    [InlineData(TestEngines.Process)]
    public async Task Points_and_a_region_equal_point_samples_bit_for_bit(string kind)
    {
        await using Engine engine = await TestEngines.StartAsync(kind);
        var states = new StateRecorder(engine.Lifecycle);

        SampleResult points = await engine.SampleAsync(new SampleJob(World.Seed, new SamplePoints(Points), SampleFields.All), CancellationToken.None)
            .WaitAsync(TestEngines.Patience);
        await engine.ResetAsync(CancellationToken.None).WaitAsync(TestEngines.Patience);

        Assert.Equal(
            [EngineState.Ready, EngineState.Generating, EngineState.Exporting, EngineState.Resetting, EngineState.Ready],
            states.Path);
        Assert.True(points.LoadTime > TimeSpan.Zero);
        Assert.Equal(Points.Length / 2, points.Count);
        Assert.Contains(points.River!, weight => weight > 0);
        for (int index = 0; index < points.Count; index++)
        {
            AssertSameAsPoint(points, index, (float)Points[2 * index], (float)Points[(2 * index) + 1]);
        }

        // Row i, column j at x = X + j·S, z = Z + i·S, computed in double and rounded once; row-major, south first.
        const double X = -9200, Z = 400.5, Step = 12.25;
        const int Columns = 5, Rows = 3;
        SampleResult region = await engine.SampleAsync(
            new SampleJob(World.Seed, new SampleRegion(X, Z, Step, Columns, Rows), SampleFields.All), CancellationToken.None)
            .WaitAsync(TestEngines.Patience);
        await engine.ResetAsync(CancellationToken.None).WaitAsync(TestEngines.Patience);

        Assert.Equal(TimeSpan.Zero, region.LoadTime);
        Assert.Equal(Columns * Rows, region.Count);
        for (int row = 0; row < Rows; row++)
        {
            for (int column = 0; column < Columns; column++)
            {
                AssertSameAsPoint(region, (row * Columns) + column, (float)(X + (column * Step)), (float)(Z + (row * Step)));
            }
        }
    }

    [Theory]
    [InlineData(TestEngines.InProcess)]
    [InlineData(TestEngines.Process)]
    public async Task Only_the_fields_asked_for_are_answered(string kind)
    {
        await using Engine engine = await TestEngines.StartAsync(kind);
        var job = new SampleJob(World.Seed, new SamplePoints(Points), SampleFields.Height | SampleFields.River);

        SampleResult result = await engine.SampleAsync(job, CancellationToken.None).WaitAsync(TestEngines.Patience);
        await engine.ResetAsync(CancellationToken.None).WaitAsync(TestEngines.Patience);

        Assert.Null(result.Biome);
        Assert.Null(result.BaseHeight);
        Assert.Null(result.Forest);
        WorldGenerator generator = SharedGenerators.Fork(World.Seed);
        for (int index = 0; index < result.Count; index++)
        {
            PointSample expected = PointSample.At(generator, (float)Points[2 * index], (float)Points[(2 * index) + 1]);
            Assert.Equal(Bits(expected.Height), Bits(result.Height![index]));
            Assert.Equal(Bits(expected.RiverWeight), Bits(result.River![index]));
        }
    }

    private static void AssertSameAsPoint(SampleResult result, int index, float x, float z)
    {
        PointSample expected = PointSample.At(SharedGenerators.Fork(World.Seed), x, z);
        string where = $"point {index} ({x}, {z})";
        Assert.True(expected.Biome.Flag == result.Biome![index], $"{where}: biome {result.Biome[index]}, expected {expected.Biome.Flag}");
        Assert.True(Bits(expected.Height) == Bits(result.Height![index]), $"{where}: height {result.Height[index]}, expected {expected.Height}");
        Assert.True(Bits(expected.BaseHeight) == Bits(result.BaseHeight![index]), $"{where}: baseHeight {result.BaseHeight[index]}, expected {expected.BaseHeight}");
        Assert.True(Bits(expected.RiverWeight) == Bits(result.River![index]), $"{where}: river {result.River[index]}, expected {expected.RiverWeight}");
        Assert.True(Bits(expected.ForestFactor) == Bits(result.Forest![index]), $"{where}: forest {result.Forest[index]}, expected {expected.ForestFactor}");
    }

    private static int Bits(float value) => BitConverter.SingleToInt32Bits(value);
}
