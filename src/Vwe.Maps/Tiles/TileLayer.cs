namespace Vwe.Maps.Tiles;

/// <summary>What a tile shows; the names are part of the tile URLs and permanent.</summary>
public enum TileLayer
{
    /// <summary><c>biomes</c>: the flat palette colour of each pixel's biome, as biomes.png.</summary>
    Biomes,

    /// <summary><c>terrain</c>: palette, hillshade and water depth, as terrain.png.</summary>
    Terrain,
}

/// <summary>The URL names of <see cref="TileLayer"/>.</summary>
public static class TileLayers
{
    public static IReadOnlyList<string> Names { get; } = ["biomes", "terrain"];

    public static string Name(TileLayer layer) => layer switch
    {
        TileLayer.Biomes => "biomes",
        TileLayer.Terrain => "terrain",
        _ => throw new ArgumentOutOfRangeException(nameof(layer), layer, "not a tile layer"),
    };

    /// <summary>Exact, case-sensitive names only: a URL has one spelling, so a cache has one entry.</summary>
    public static bool TryParse(string? name, out TileLayer layer)
    {
        switch (name)
        {
            case "biomes":
                layer = TileLayer.Biomes;
                return true;
            case "terrain":
                layer = TileLayer.Terrain;
                return true;
            default:
                layer = default;
                return false;
        }
    }
}
