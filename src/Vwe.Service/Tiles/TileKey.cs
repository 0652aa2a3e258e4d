using Vwe.Maps.Tiles;

namespace Vwe.Service.Tiles;

/// <summary>Names one tile picture of this server's <see cref="TileGrid.Version"/>: layer, world seed and tile.</summary>
public readonly record struct TileKey(TileLayer Layer, int Seed, TileId Tile)
{
    public override string ToString() => $"{TileLayers.Name(Layer)}/{Seed}/{Tile}";
}
