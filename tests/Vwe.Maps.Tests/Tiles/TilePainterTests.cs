using System.Buffers.Binary;
using Vwe.Maps.Export;
using Vwe.Maps.Export.Png;
using Vwe.Maps.Grid;
using Vwe.Maps.Tests.Export.Support;
using Vwe.Maps.Tiles;
using Vwe.Tests.Golden;
using Vwe.WorldGen;

namespace Vwe.Maps.Tests.Tiles;

/// <summary>
/// Tiles painted from the generator's samples are the exported pictures: a level-3 biomes tile is the palette of the
/// golden 2048² / 12 m grid, a level-1 terrain tile is terrain.png of the 512² / 48 m export, pixel for pixel.
/// </summary>
[Collection(HnWorldGroup.Name)]
public class TilePainterTests(HnWorld world)
{
    private static readonly Lazy<byte[]> GoldenMinimap = new(() => GoldenData.ReadBytes("grids/hnLycKKCMI-2048.bin.gz"));

    [Theory]
    [InlineData(3, 3)] // the centre: meadows, black forest, mountains
    [InlineData(4, 4)]
    [InlineData(0, 7)] // the south-west corner: the world's edge, ocean and ash lands
    [InlineData(6, 1)]
    public void A_level_3_biomes_tile_is_the_palette_of_the_golden_minimap_grid(int x, int y)
    {
        var tile = new TileId(TileGrid.MinimapZoom, x, y);
        using Picture picture = Picture.Decode(Paint(tile, TileLayer.Biomes));
        Assert.Equal((256, 256), (picture.Width, picture.Height));

        for (int row = 0; row < 256; row++)
        {
            for (int column = 0; column < 256; column++)
            {
                int gridRow = 2047 - ((256 * y) + row);
                int gridColumn = (256 * x) + column;
                ushort biome = BinaryPrimitives.ReadUInt16LittleEndian(GoldenMinimap.Value.AsSpan(((gridRow * 2048) + gridColumn) * 2));
                uint expected = BiomePalette.Rgb((Biome)biome);
                uint actual = picture.Rgb(column, row);
                if (actual != expected)
                {
                    Assert.Fail($"tile {tile} pixel ({row}, {column}) is {actual:X6}; the golden grid's row {gridRow} column {gridColumn} is {(Biome)biome}, {expected:X6}");
                }
            }
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    public void A_level_1_terrain_tile_is_terrain_png_of_the_48_m_export(int x, int y)
    {
        var tile = new TileId(1, x, y);
        using Picture tilePicture = Picture.Decode(Paint(tile, TileLayer.Terrain));
        using Picture exported = Picture.Load(Path.Combine(world.Full512.OutputDirectory, ExportFileNames.TerrainPng));
        int compared = 0;
        for (int row = 0; row < 256; row++)
        {
            for (int column = 0; column < 256; column++)
            {
                int top = (256 * y) + row;
                int left = (256 * x) + column;

                // terrain.png shades its top row and left column against themselves; a tile has the real neighbours.
                if (top == 0 || left == 0)
                {
                    continue;
                }

                compared++;
                uint expected = exported.Rgb(left, top);
                uint actual = tilePicture.Rgb(column, row);
                if (actual != expected)
                {
                    Assert.Fail($"tile {tile} pixel ({row}, {column}) is {actual:X6}; terrain.png at ({left}, {top}) is {expected:X6}");
                }
            }
        }

        Assert.True(compared >= 65_536 - 511, $"only {compared} pixels compared");
    }

    [Theory]
    [InlineData(2, 1, -4)] // north of the world
    [InlineData(2, 7, -4)] // north-east
    [InlineData(2, -4, 2)] // west
    [InlineData(2, 1, 7)] // south
    public void A_terrain_tile_far_outside_the_world_is_the_beyond_the_edge_ocean_everywhere(int zoom, int x, int y)
    {
        using Picture terrain = Picture.Decode(Paint(new TileId(zoom, x, y), TileLayer.Terrain));
        for (int row = 0; row < 256; row++)
        {
            for (int column = 0; column < 256; column++)
            {
                Assert.Equal($"{TerrainShading.BeyondEdge:X6}", $"{terrain.Rgb(column, row):X6}");
            }
        }
    }

    /// <summary>Further out the generator names AshLands everywhere (from about 15 km), as the game does; the terrain layer stays ocean.</summary>
    [Fact]
    public void A_biomes_tile_just_north_of_the_window_is_ocean_everywhere()
    {
        using Picture biomes = Picture.Decode(Paint(new TileId(4, 7, -1), TileLayer.Biomes));
        for (int row = 0; row < 256; row++)
        {
            for (int column = 0; column < 256; column++)
            {
                Assert.Equal($"{BiomePalette.Rgb(Biome.Ocean):X6}", $"{biomes.Rgb(column, row):X6}");
            }
        }
    }

    [Fact]
    public void The_same_samples_give_the_same_bytes()
    {
        var tile = new TileId(5, 13, 17);
        Assert.Equal(Paint(tile, TileLayer.Terrain), Paint(tile, TileLayer.Terrain));
        Assert.Equal(Paint(tile, TileLayer.Biomes), Paint(tile, TileLayer.Biomes));
    }

    [Fact]
    public void Samples_that_do_not_fit_the_region_are_refused()
    {
        TileRegion region = TileGrid.Region(new TileId(0, 0, 0), TileLayer.Terrain);
        Assert.Throws<ArgumentException>(() => TilePainter.Paint(TileLayer.Terrain, region, new ushort[region.Count], new float[10]));
        Assert.Throws<ArgumentException>(() => TilePainter.Paint(TileLayer.Biomes, region, new ushort[region.Count], []));
    }

    private byte[] Paint(TileId tile, TileLayer layer) => ReferenceTiles.Paint(world.Generator.Fork(), tile, layer);
}
