namespace Vwe.Maps.Grid;

/// <summary>Optional float32 layers sampled beside biome and height. Names are part of the file format.</summary>
[Flags]
public enum GridLayers
{
    None = 0,

    /// <summary><c>GetRiverWeight(x, z).Weight</c>: 0 off-river, up to 1 on a river's centre line.</summary>
    River = 1,

    /// <summary><c>GetForestFactor(x, z)</c>: the game places forest where it is below 1.15.</summary>
    Forest = 2,
}

public static class GridLayerNames
{
    public static IReadOnlyList<(GridLayers Layer, string Name)> All { get; } =
        [(GridLayers.River, "river"), (GridLayers.Forest, "forest")];

    /// <summary>Parses a comma-separated list such as <c>river,forest</c>; an unknown name throws with the valid ones.</summary>
    public static GridLayers Parse(string? list) =>
        NameList.Parse(list, All, "layer").Aggregate(GridLayers.None, (all, layer) => all | layer);

    public static string Name(GridLayers layer) =>
        All.First(entry => entry.Layer == layer).Name;

    public static IEnumerable<GridLayers> Each(GridLayers layers) =>
        All.Where(entry => layers.HasFlag(entry.Layer)).Select(entry => entry.Layer);
}
