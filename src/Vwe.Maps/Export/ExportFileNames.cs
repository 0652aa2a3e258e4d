using Vwe.Maps.Grid;

namespace Vwe.Maps.Export;

/// <summary>The fixed names of the files of an export (docs/formats.md). No name is ever built from user input.</summary>
public static class ExportFileNames
{
    public const string Grid = "grid.bin";
    public const string BiomesJson = "biomes.json";
    public const string HeightmapJson = "heightmap.json";
    public const string BiomesPng = "biomes.png";
    public const string TerrainPng = "terrain.png";
    public const string Manifest = "manifest.json";
    public const string Run = "run.json";

    /// <summary><c>river.bin</c>, <c>forest.bin</c>: the layer's permanent name plus <c>.bin</c>.</summary>
    public static string Layer(GridLayers layer) => GridLayerNames.Name(layer) + ".bin";

    /// <summary>Whether an export ever writes a file of this name.</summary>
    public static bool IsExportFile(string name) =>
        name is Grid or BiomesJson or HeightmapJson or BiomesPng or TerrainPng or Manifest or Run
        || GridLayerNames.All.Any(entry => name == Layer(entry.Layer));
}
