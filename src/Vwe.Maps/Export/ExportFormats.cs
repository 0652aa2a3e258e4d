namespace Vwe.Maps.Export;

/// <summary>What an export writes besides <c>manifest.json</c> and <c>run.json</c>. Names are part of the CLI and the docs.</summary>
[Flags]
public enum ExportFormats
{
    None = 0,

    /// <summary><c>grid.bin</c> and one <c>&lt;layer&gt;.bin</c> per sampled layer.</summary>
    Bin = 1,

    /// <summary><c>biomes.json</c> and <c>heightmap.json</c> (N ≤ <see cref="ExportLimits.MaxJsonSize"/>).</summary>
    Json = 2,

    /// <summary><c>biomes.png</c> and <c>terrain.png</c> (N ≤ <see cref="ExportLimits.MaxPngSize"/>).</summary>
    Png = 4,
}

public static class ExportFormatNames
{
    public static IReadOnlyList<(ExportFormats Format, string Name)> All { get; } =
        [(ExportFormats.Bin, "bin"), (ExportFormats.Json, "json"), (ExportFormats.Png, "png")];

    /// <summary>
    /// Parses a comma-separated list such as <c>bin,png</c>; an unknown or missing name throws
    /// <see cref="FormatException"/> with the valid ones.
    /// </summary>
    public static ExportFormats Parse(string? list)
    {
        var formats = NameList.Parse(list, All, "format").Aggregate(ExportFormats.None, (all, format) => all | format);
        return formats != ExportFormats.None
            ? formats
            : throw new FormatException($"no format given in '{list}'; give one or more of {NameList.Join(All)}, e.g. bin,png");
    }

    /// <summary>The names of the set flags, comma-separated, e.g. <c>bin,png</c>.</summary>
    public static string Format(ExportFormats formats) =>
        string.Join(",", All.Where(entry => formats.HasFlag(entry.Format)).Select(entry => entry.Name));
}
