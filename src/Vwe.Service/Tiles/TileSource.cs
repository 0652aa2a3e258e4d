namespace Vwe.Service.Tiles;

/// <summary>Where a tile answer came from: the cache, a render another request had started, or a new render.</summary>
public enum TileSource
{
    Cache,
    Joined,
    Rendered,
}
