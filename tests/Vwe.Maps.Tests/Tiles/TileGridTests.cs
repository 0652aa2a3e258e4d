using Vwe.Maps.Grid;
using Vwe.Maps.Tiles;

namespace Vwe.Maps.Tests.Tiles;

/// <summary>The tile-to-world formula of docs/tiles.md: levels, known points, north up, the minimap identity, bounds.</summary>
public class TileGridTests
{
    [Theory]
    [InlineData(0, 1, 24576, 96)]
    [InlineData(3, 8, 3072, 12)]
    [InlineData(7, 128, 192, 0.75)]
    public void Each_level_halves_the_pixel_size_from_96_m_to_0_75_m(int zoom, int tiles, double side, double pixel)
    {
        Assert.Equal(tiles, TileGrid.TilesPerSide(zoom));
        Assert.Equal(side, TileGrid.TileSide(zoom));
        Assert.Equal(pixel, TileGrid.PixelSize(zoom));
        Assert.True(TileGrid.PixelSize(TileGrid.MaxZoom) <= 1 && TileGrid.PixelSize(TileGrid.MaxZoom - 1) > 1, "level 7 is the first at or below 1 m per pixel");
    }

    [Theory]
    [InlineData(0, 0, 0, 0, 0, -12240, 12240)] // the whole window's north-west pixel
    [InlineData(0, 0, 0, 255, 255, 12240, -12240)] // its south-east pixel
    [InlineData(7, 64, 64, 0, 0, 0.375, -0.375)] // just south-east of the centre
    [InlineData(7, 63, 63, 255, 255, -0.375, 0.375)] // just north-west of it
    [InlineData(3, 4, 4, 0, 0, 6, -6)]
    [InlineData(5, -32, 0, 0, 0, -36862.5f, 12286.5f)] // one world's width west: still a valid point
    [InlineData(1, 1, 0, 100, 17, 840, 7464)] // 48 m pixels: x = 0 + 17.5·48, z = 12288 − 100.5·48
    public void Pixels_sample_the_documented_world_points(int zoom, int x, int y, int row, int column, float worldX, float worldZ)
    {
        (float X, float Z) point = TileGrid.PixelPoint(new TileId(zoom, x, y), row, column);

        Assert.Equal((worldX, worldZ), point);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(7)]
    public void Y_grows_south_and_x_grows_east(int zoom)
    {
        var tile = new TileId(zoom, 1, 1);
        double pixel = TileGrid.PixelSize(zoom);

        // The tile below continues the rows southwards; the tile to the right continues the columns eastwards.
        Assert.Equal(TileGrid.PixelPoint(tile, 255, 7).Z - pixel, TileGrid.PixelPoint(tile with { Y = 2 }, 0, 7).Z);
        Assert.Equal(TileGrid.PixelPoint(tile, 9, 255).X + pixel, TileGrid.PixelPoint(tile with { X = 2 }, 9, 0).X);
        Assert.True(TileGrid.PixelPoint(tile, 1, 0).Z < TileGrid.PixelPoint(tile, 0, 0).Z, "row 1 lies south of row 0: north is up");
    }

    [Fact]
    public void Level_3_pixels_are_the_minimap_grid_pixel_centres()
    {
        GridSpec minimap = GridSpec.Minimap;
        for (int y = 0; y < 8; y++)
        {
            for (int x = 0; x < 8; x++)
            {
                for (int row = 0; row < TileGrid.TileSize; row++)
                {
                    for (int column = 0; column < TileGrid.TileSize; column++)
                    {
                        (float X, float Z) point = TileGrid.PixelPoint(new TileId(TileGrid.MinimapZoom, x, y), row, column);
                        int gridRow = 2047 - ((256 * y) + row);
                        int gridColumn = (256 * x) + column;
                        if (point != (minimap.X(gridColumn), minimap.Z(gridRow)))
                        {
                            Assert.Fail($"tile 3/{x}/{y} pixel ({row}, {column}) samples {point}, the minimap's row {gridRow} column {gridColumn} is ({minimap.X(gridColumn)}, {minimap.Z(gridRow)})");
                        }
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(3, 5, 2)]
    [InlineData(7, 100, 27)]
    [InlineData(7, -128, 255)]
    [InlineData(2, -4, 7)]
    public void The_sample_region_holds_exactly_the_pixel_points_and_the_terrain_border(int zoom, int x, int y)
    {
        var tile = new TileId(zoom, x, y);
        double pixel = TileGrid.PixelSize(zoom);
        TileRegion biomes = TileGrid.Region(tile, TileLayer.Biomes);
        TileRegion terrain = TileGrid.Region(tile, TileLayer.Terrain);
        Assert.Equal((256, 256, 0, 65_536), (biomes.Columns, biomes.Rows, biomes.Border, biomes.Count));
        Assert.Equal((257, 257, 1), (terrain.Columns, terrain.Rows, terrain.Border));

        for (int row = 0; row < 256; row++)
        {
            for (int column = 0; column < 256; column++)
            {
                (float X, float Z) expected = TileGrid.PixelPoint(tile, row, column);
                Assert.Equal(expected, biomes.At(255 - row, column));
                Assert.Equal(expected, terrain.At(255 - row, column + 1));
            }
        }

        // The border: a column to the west and a row to the north, one pixel away.
        (float X, float Z) northWest = TileGrid.PixelPoint(tile, 0, 0);
        Assert.Equal(((float)(northWest.X - pixel), northWest.Z), terrain.At(255, 0));
        Assert.Equal((northWest.X, (float)(northWest.Z + pixel)), terrain.At(256, 1));
    }

    [Theory]
    [InlineData(0, -1, -1)]
    [InlineData(0, 1, 1)]
    [InlineData(3, -8, 15)]
    [InlineData(7, 255, -128)]
    public void Tiles_outside_the_world_up_to_one_width_away_are_served(int zoom, int x, int y) =>
        Assert.Null(TileGrid.Check(new TileId(zoom, x, y)));

    [Theory]
    [InlineData(-1, 0, 0, "zoom -1 is outside 0..7.")]
    [InlineData(8, 0, 0, "zoom 8 is outside 0..7.")]
    [InlineData(0, 2, 0, "tile 2,0 is outside -1..1 for x and y at zoom 0")]
    [InlineData(3, 0, -9, "tile 0,-9 is outside -8..15 for x and y at zoom 3")]
    [InlineData(7, 256, 0, "tile 256,0 is outside -128..255")]
    public void Tiles_further_away_or_off_the_levels_are_refused_with_the_range(int zoom, int x, int y, string problem) =>
        Assert.StartsWith(problem, TileGrid.Check(new TileId(zoom, x, y)));

    [Fact]
    public void The_version_names_the_generator_and_the_engine_data() =>
        Assert.Equal($"g2-e{WorldKey.EngineDataVersion}", TileGrid.Version);
}
