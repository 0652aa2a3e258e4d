using Vwe.Plugins.Core.Grid;
using NativeGrid = Vwe.Maps.Grid.GridSpec;
using NativeWorldKey = Vwe.Maps.WorldKey;

namespace Vwe.Plugins.Core.Tests.Grid;

/// <summary>The plugins' grid maths is the native one, bit for bit: pixel centres, grid keys and world keys.</summary>
public sealed class GridSpecTests
{
    public static TheoryData<int, double> Grids => new()
    {
        { 1, 12 },
        { 2, 48 },
        { 3, 7.3 },
        { 511, 0.1 },
        { 512, 48 },
        { 2048, 12 },
        { 4097, 1.5 },
        { 16384, 1.5 },
        { 1000, 1e-3 },
        { 777, 123.456789 },
    };

    [Theory]
    [MemberData(nameof(Grids))]
    public void Every_pixel_centre_is_the_native_float_bit_for_bit(int size, double pixelSize)
    {
        var ours = new GridSpec(size, pixelSize);
        var native = new NativeGrid(size, pixelSize);
        for (int index = 0; index < size; index++)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(native.X(index)), BitConverter.SingleToInt32Bits(ours.X(index)));
            Assert.Equal(BitConverter.SingleToInt32Bits(native.Z(index)), BitConverter.SingleToInt32Bits(ours.Z(index)));
        }
    }

    [Theory]
    [MemberData(nameof(Grids))]
    public void Grid_and_world_keys_are_the_native_ones(int size, double pixelSize)
    {
        var ours = new GridSpec(size, pixelSize);
        var native = new NativeGrid(size, pixelSize);
        Assert.Equal(native.Key, ours.Key);
        foreach (int seed in new[] { 1706363555, -1772362158, 0, int.MinValue })
        {
            Assert.Equal(NativeWorldKey.For(seed, native), WorldKeys.For(seed, ours));
        }
    }

    [Fact]
    public void The_versions_in_world_keys_are_the_native_ones()
    {
        Assert.Equal(NativeWorldKey.EngineDataVersion, WorldKeys.EngineDataVersion);
        Assert.Equal(Vwe.WorldGen.WorldGenerator.SupportedWorldGenVersion, WorldKeys.WorldGenVersion);
    }

    [Theory]
    [InlineData(0, 12)]
    [InlineData(16385, 12)]
    [InlineData(512, 0)]
    [InlineData(512, -1)]
    [InlineData(512, double.NaN)]
    [InlineData(512, double.PositiveInfinity)]
    public void A_grid_out_of_range_is_refused_with_its_problem_named(int size, double pixelSize)
    {
        string problem = Assert.IsType<string>(GridSpec.Problem(size, pixelSize));
        Assert.Contains(size is < 1 or > GridSpec.MaxSize ? "grid size" : "pixel size", problem, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new GridSpec(size, pixelSize));
    }
}
