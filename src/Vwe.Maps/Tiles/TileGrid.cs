using System.Globalization;
using Vwe.WorldGen;

namespace Vwe.Maps.Tiles;

/// <summary>
/// The one tile-to-world formula (docs/tiles.md). Level z splits the square window of side
/// <see cref="WorldSize"/> centred on (0, 0), the game's minimap, into 2^z × 2^z tiles of <see cref="TileSize"/>²
/// pixels; tile x grows east, tile y grows south, pixel rows run north to south. Pixel (row r, column c) of tile
/// (z, x, y) samples
/// <c>wx = −W/2 + x·T + (c + 0.5)·p</c>, <c>wz = W/2 − y·T − (r + 0.5)·p</c> with T = W/2^z and p = T/256, in
/// double, rounded once to float32. Every term is a multiple of 2^−3 m (p ≥ 0.75 m) smaller than 2^17 m, so the
/// sums are exact in double and in float32, and the order of the additions cannot change a value. Level 3 pixels are the minimap's (<see cref="Grid.GridSpec.Minimap"/>)
/// pixel centres: tile (3, x, y) pixel (r, c) is grid row 2047 − (256·y + r), column 256·x + c.
/// </summary>
public static class TileGrid
{
    /// <summary>Side of the level-0 tile in metres: the minimap's 2048 pixels of 12 m.</summary>
    public const double WorldSize = 24_576;

    /// <summary>Pixels on a tile's side.</summary>
    public const int TileSize = 256;

    public const int MinZoom = 0;

    /// <summary>The first level at or below one metre per pixel (0.75 m).</summary>
    public const int MaxZoom = 7;

    /// <summary>The level whose pixels are the minimap's (12 m).</summary>
    public const int MinimapZoom = 3;

    /// <summary>
    /// The URL part that changes whenever a tile's pixels could: the worldGenVersion and the engine data version
    /// (<see cref="WorldKey.EngineDataVersion"/>), e.g. <c>g2-e1</c>.
    /// </summary>
    public static string Version { get; } = string.Create(
        CultureInfo.InvariantCulture, $"g{WorldGenerator.SupportedWorldGenVersion}-e{WorldKey.EngineDataVersion}");

    /// <summary>Tiles on a side of level <paramref name="zoom"/>: 2^z.</summary>
    public static int TilesPerSide(int zoom) => 1 << CheckedZoom(zoom);

    /// <summary>Metres on a tile's side at level <paramref name="zoom"/>: W / 2^z.</summary>
    public static double TileSide(int zoom) => WorldSize / TilesPerSide(zoom);

    /// <summary>Metres per pixel at level <paramref name="zoom"/>: 96 m at 0, 12 m at 3, 0.75 m at 7.</summary>
    public static double PixelSize(int zoom) => TileSide(zoom) / TileSize;

    /// <summary>
    /// Null when the tile is served, else why not, one line naming the value and the range. Tiles outside the
    /// world's window are served (ocean and the world's edge) up to one window's width beyond it:
    /// −2^z ≤ x, y &lt; 2·2^z.
    /// </summary>
    public static string? Check(TileId tile)
    {
        if (tile.Zoom is < MinZoom or > MaxZoom)
        {
            return string.Create(CultureInfo.InvariantCulture, $"zoom {tile.Zoom} is outside {MinZoom}..{MaxZoom}.");
        }

        int side = TilesPerSide(tile.Zoom);
        if (tile.X < -side || tile.X >= 2 * side || tile.Y < -side || tile.Y >= 2 * side)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"tile {tile.X},{tile.Y} is outside {-side}..{(2 * side) - 1} for x and y at zoom {tile.Zoom} (the world's {side}×{side} tiles and one world's width around them).");
        }

        return null;
    }

    /// <summary>The world point of pixel (<paramref name="row"/> from the top, <paramref name="column"/> from the left) of <paramref name="tile"/>.</summary>
    public static (float X, float Z) PixelPoint(TileId tile, int row, int column)
    {
        double side = TileSide(tile.Zoom);
        double pixel = side / TileSize;
        double x = (-WorldSize / 2) + (tile.X * side) + ((column + 0.5) * pixel);
        double z = (WorldSize / 2) - (tile.Y * side) - ((row + 0.5) * pixel);
        return ((float)x, (float)z);
    }

    /// <summary>
    /// The region to sample for <paramref name="tile"/>: its 256 × 256 pixel centres, plus for
    /// <see cref="TileLayer.Terrain"/> one column to the west and one row to the north (the hillshade's neighbours).
    /// Region row i is tile row 255 − i; region column j is tile column j − border.
    /// </summary>
    public static TileRegion Region(TileId tile, TileLayer layer)
    {
        int border = layer == TileLayer.Terrain ? 1 : 0;
        double side = TileSide(tile.Zoom);
        double pixel = side / TileSize;
        double west = (-WorldSize / 2) + (tile.X * side) + (0.5 * pixel) - (border * pixel);
        double south = (WorldSize / 2) - (tile.Y * side) - ((TileSize - 0.5) * pixel);
        return new TileRegion(west, south, pixel, TileSize + border, TileSize + border, border);
    }

    private static int CheckedZoom(int zoom) =>
        zoom is >= MinZoom and <= MaxZoom
            ? zoom
            : throw new ArgumentOutOfRangeException(nameof(zoom), zoom, $"zoom {zoom} is outside {MinZoom}..{MaxZoom}");
}
