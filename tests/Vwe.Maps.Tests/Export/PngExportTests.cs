using Vwe.Maps.Export;
using Vwe.Maps.Export.Png;
using Vwe.Maps.Grid;
using Vwe.Maps.Tests.Export.Support;
using Vwe.WorldGen;

namespace Vwe.Maps.Tests.Export;

[Collection(HnWorldGroup.Name)]
public class PngExportTests(HnWorld world)
{
    [Theory]
    [InlineData(5200, 8000, Biome.DeepNorth)]
    [InlineData(0, -9000, Biome.AshLands)]
    [InlineData(-3200, 800, Biome.Plains)]
    [InlineData(10600, 0, Biome.Ocean)]
    [InlineData(-800, 400, Biome.Mountain)]
    [InlineData(8800, -400, Biome.Mistlands)]
    public void Biomes_png_shows_a_reference_point_in_its_biome_colour_north_up(float x, float z, Biome biome)
    {
        using Picture picture = Picture.Load(Path.Combine(world.Points.OutputDirectory, ExportFileNames.BiomesPng));
        (int row, int column) = HnWorld.PointsPixel(x, z)!.Value;

        // North up: the first PNG row is the northernmost grid row (N − 1); column 0 is west.
        uint rgb = picture.Rgb(column, HnWorld.PointsGrid.Size - 1 - row);

        Assert.Equal($"{BiomePalette.Rgb(biome):X6}", $"{rgb:X6}");
    }

    [Fact]
    public void Every_pixel_of_biomes_png_is_the_palette_colour_of_its_grid_bin_biome()
    {
        ExportResult export = world.Full512;
        GridFile grid = GridFile.Load(Path.Combine(export.OutputDirectory, ExportFileNames.Grid), 512);
        using Picture picture = Picture.Load(Path.Combine(export.OutputDirectory, ExportFileNames.BiomesPng));

        Assert.Equal((512, 512), (picture.Width, picture.Height));
        for (int row = 0; row < 512; row++)
        {
            for (int column = 0; column < 512; column++)
            {
                uint expected = BiomePalette.Rgb((Biome)grid.Biome(row, column));
                uint actual = picture.Rgb(column, 511 - row);
                if (actual != expected)
                {
                    Assert.Fail($"biomes.png at x {column}, y {511 - row} (grid row {row}) is {actual:X6}, expected {expected:X6}");
                }
            }
        }
    }

    [Fact]
    public void Terrain_png_draws_water_below_30_m_beyond_edge_ocean_and_shaded_land()
    {
        ExportResult export = world.Full512;
        GridFile grid = GridFile.Load(Path.Combine(export.OutputDirectory, ExportFileNames.Grid), 512);
        using Picture picture = Picture.Load(Path.Combine(export.OutputDirectory, ExportFileNames.TerrainPng));
        int water = 0;
        int land = 0;
        for (int row = 0; row < 512; row++)
        {
            for (int column = 0; column < 512; column++)
            {
                float height = BitConverter.UInt32BitsToSingle(grid.HeightBits(row, column));
                uint rgb = picture.Rgb(column, 511 - row);
                string where = $"grid row {row}, column {column}, height {height}";
                if (height <= -400)
                {
                    Assert.True(rgb == TerrainShading.BeyondEdge, $"beyond the edge at {where}: {rgb:X6}");
                }
                else if (height < 30)
                {
                    Assert.True(IsWater(rgb), $"water at {where}: {rgb:X6}");
                    water++;
                }
                else
                {
                    Assert.False(rgb == TerrainShading.BeyondEdge, $"land at {where} drawn as beyond the edge");
                    land++;
                }
            }
        }

        Assert.True(water > 10_000 && land > 10_000, $"{water} water and {land} land pixels: the world should have plenty of both");
    }

    [Fact]
    public void Terrain_png_shows_the_river_bed_at_the_origin_as_water_inside_meadows_and_deep_sea_darker()
    {
        string folder = world.Points.OutputDirectory;
        using Picture terrain = Picture.Load(Path.Combine(folder, ExportFileNames.TerrainPng));
        using Picture biomes = Picture.Load(Path.Combine(folder, ExportFileNames.BiomesPng));

        // (0, 0) is Meadows carved to 8.7 m by a river (§10.3): land by biome, water in the terrain picture.
        Assert.Equal(BiomePalette.Rgb(Biome.Meadows), Pixel(biomes, 0, 0));
        Assert.True(IsWater(Pixel(terrain, 0, 0)), $"river bed at (0, 0) is {Pixel(terrain, 0, 0):X6}");

        // Ocean at −2 400 m is 0.4 m high (29.6 m deep), at 10 200 m −21.8 m (51.8 m deep): deeper is darker.
        Assert.True(Brightness(Pixel(terrain, 10200, 0)) < Brightness(Pixel(terrain, -2400, 0)));
        Assert.Equal(TerrainShading.BeyondEdge, Pixel(terrain, 10600, 0));

        // Land keeps its biome's hue under the hillshade: Mountain (white) stays grey, DeepNorth is not water.
        uint mountain = Pixel(terrain, -800, 400);
        Assert.True(mountain >> 16 == ((mountain >> 8) & 0xFF) && (mountain & 0xFF) == mountain >> 16, $"mountain is {mountain:X6}");
        Assert.False(IsWater(Pixel(terrain, 5200, 8000)));
    }

    [Fact]
    public void Pngs_are_the_same_bytes_on_every_run_and_thread_count()
    {
        ExportResult again = world.Export("points-again", HnWorld.PointsGrid, ExportFormats.Png, GridLayers.None, 1);

        foreach (string name in new[] { ExportFileNames.BiomesPng, ExportFileNames.TerrainPng })
        {
            Assert.Equal(
                File.ReadAllBytes(Path.Combine(world.Points.OutputDirectory, name)),
                File.ReadAllBytes(Path.Combine(again.OutputDirectory, name)));
        }
    }

    private static uint Pixel(Picture picture, float x, float z)
    {
        (int row, int column) = HnWorld.PointsPixel(x, z)!.Value;
        return picture.Rgb(column, HnWorld.PointsGrid.Size - 1 - row);
    }

    // Our water colours are blue-dominant; no land colour under the hillshade is (DeepNorth's icy blue has
    // blue only slightly above green, water has blue well above both).
    private static bool IsWater(uint rgb)
    {
        int r = (int)(rgb >> 16);
        int g = (int)((rgb >> 8) & 0xFF);
        int b = (int)(rgb & 0xFF);
        return b > g + 20 && b > r + 40;
    }

    private static int Brightness(uint rgb) => (int)((rgb >> 16) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF));
}
