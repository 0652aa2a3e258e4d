using System.Linq;

namespace Vwe.Plugins.Core.Export;

/// <summary>
/// The fixed names of an export's files (docs/formats.md, "The export folder"). No name is built from user input.
/// This engine writes grid.bin, the layer files, manifest.json and run.json; the other names are listed because an
/// existing output folder may hold them from a native export, which an export here replaces.
/// </summary>
public static class ExportFileNames
{
    public const string Grid = "grid.bin";
    public const string River = "river.bin";
    public const string Forest = "forest.bin";
    public const string Manifest = "manifest.json";
    public const string Run = "run.json";

    private static readonly string[] All =
    [
        Grid, River, Forest, "biomes.json", "heightmap.json", "biomes.png", "terrain.png", Manifest, Run,
    ];

    /// <summary>Whether any export (native or game) ever writes a file of this name.</summary>
    public static bool IsExportFile(string name) => All.Contains(name);
}
