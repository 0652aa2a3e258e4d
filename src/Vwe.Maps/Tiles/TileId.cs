using System.Globalization;

namespace Vwe.Maps.Tiles;

/// <summary>
/// One map tile: level <paramref name="Zoom"/>, column <paramref name="X"/> (grows east) and row
/// <paramref name="Y"/> (grows south) of <see cref="TileGrid"/>. Any values; <see cref="TileGrid.Check"/> says
/// whether the service serves them.
/// </summary>
public readonly record struct TileId(int Zoom, int X, int Y)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Zoom}/{X}/{Y}");
}
