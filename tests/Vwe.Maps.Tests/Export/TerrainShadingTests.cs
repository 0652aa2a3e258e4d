using System.IO.Compression;
using Vwe.Maps.Export.Png;
using Vwe.Maps.Grid;
using Vwe.Maps.Tests.Export.Support;
using Vwe.WorldGen;

namespace Vwe.Maps.Tests.Export;

public class TerrainShadingTests
{
    [Fact]
    public void Flat_ground_keeps_its_colour_slopes_facing_the_north_west_light_are_brighter()
    {
        Assert.Equal(1, TerrainShading.Hillshade(0, 0, 12), 12);

        // Rising to the east and falling to the north: the slope faces north-west, towards the light.
        Assert.True(TerrainShading.Hillshade(riseEast: 3, riseNorth: -3, pixelSize: 12) > 1.1);

        // The opposite slope faces away from it.
        Assert.True(TerrainShading.Hillshade(riseEast: -3, riseNorth: 3, pixelSize: 12) < 0.9);

        // A slope across the light (rising to the north-east) lies in between.
        double across = TerrainShading.Hillshade(riseEast: 3, riseNorth: 3, pixelSize: 12);
        Assert.InRange(across, TerrainShading.Hillshade(-3, 3, 12), TerrainShading.Hillshade(3, -3, 12));
        Assert.Equal(TerrainShading.MinShade, TerrainShading.Hillshade(-1000, 1000, 12));
    }

    [Fact]
    public void Water_gets_darker_with_depth_and_stops_at_the_deep_colour()
    {
        Span<byte> shallower = stackalloc byte[3];
        Span<byte> deeper = stackalloc byte[3];
        for (int depth = 0; depth < 100; depth += 5)
        {
            TerrainShading.Water(depth, shallower);
            TerrainShading.Water(depth + 5, deeper);
            Assert.True(deeper[0] + deeper[1] + deeper[2] <= shallower[0] + shallower[1] + shallower[2], $"at {depth} m");
        }

        TerrainShading.Water(0, shallower);
        TerrainShading.Water(500, deeper);
        Assert.Equal(TerrainShading.ShallowWater, Rgb(shallower));
        Assert.Equal(TerrainShading.DeepWater, Rgb(deeper));
    }

    [Fact]
    public void Terrain_png_does_not_depend_on_how_the_grid_is_cut_into_bands()
    {
        var grid = new GridSpec(24, 12);
        GridBand[] whole = Synthetic(grid, rowsPerBand: 24);
        GridBand[] rows = Synthetic(grid, rowsPerBand: 1);
        GridBand[] uneven = Synthetic(grid, rowsPerBand: 7);

        byte[] expected = Render(grid, whole);

        Assert.Equal(expected, Render(grid, rows));
        Assert.Equal(expected, Render(grid, uneven));
    }

    [Fact]
    public void A_band_out_of_north_to_south_order_is_refused()
    {
        using var temp = new TempDirectory();
        var grid = new GridSpec(24, 12);
        GridBand[] bands = Synthetic(grid, rowsPerBand: 8);
        using var sink = new TerrainPngSink(temp.Combine("t.png"), grid, CompressionLevel.Fastest);

        Assert.Throws<InvalidOperationException>(() => sink.Write(bands[1]));
    }

    private static byte[] Render(GridSpec grid, GridBand[] bands)
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("terrain.png");
        using (var sink = new TerrainPngSink(path, grid, CompressionLevel.Optimal))
        {
            foreach (GridBand band in bands)
            {
                sink.Write(band);
            }

            sink.Complete();
        }

        return File.ReadAllBytes(path);
    }

    // A hill rising towards the north-east with a lake, cut into bands north to south like GridSampler does.
    private static GridBand[] Synthetic(GridSpec grid, int rowsPerBand)
    {
        var bands = new List<GridBand>();
        for (int top = grid.Size; top > 0; top -= rowsPerBand)
        {
            var band = new GridBand(grid.Size, rowsPerBand, GridLayers.None) { FirstRow = Math.Max(0, top - rowsPerBand) };
            band.RowCount = top - band.FirstRow;
            for (int offset = 0; offset < band.RowCount; offset++)
            {
                int row = band.FirstRow + offset;
                for (int column = 0; column < grid.Size; column++)
                {
                    int index = (offset * grid.Size) + column;
                    band.Heights[index] = (row * 3.5f) + (column * column * 0.25f) - ((row % 5) * 2f) - 10;
                    band.Biomes[index] = (ushort)(row < 12 ? Biome.Meadows : Biome.Mountain);
                }
            }

            bands.Add(band);
        }

        return [.. bands];
    }

    private static uint Rgb(ReadOnlySpan<byte> pixel) => ((uint)pixel[0] << 16) | ((uint)pixel[1] << 8) | pixel[2];
}
