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

    extension(ExportFormats)
    {
        /// <summary>
        /// Parses a comma-separated list such as <c>bin,png</c> (<c>ExportFormats.Parse("bin,png")</c>); an unknown
        /// or missing name throws with the valid ones.
        /// </summary>
        public static ExportFormats Parse(string? list) => ParseList(list);
    }

    private static ExportFormats ParseList(string? list)
    {
        var formats = ExportFormats.None;
        foreach (string part in (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = All.FirstOrDefault(entry => entry.Name.Equals(part, StringComparison.OrdinalIgnoreCase));
            if (match.Name is null)
            {
                throw new FormatException($"unknown format '{part}'; valid formats are {ValidNames}");
            }

            formats |= match.Format;
        }

        if (formats == ExportFormats.None)
        {
            throw new FormatException($"no format given in '{list}'; give one or more of {ValidNames}, e.g. bin,png");
        }

        return formats;
    }

    /// <summary>The names of the set flags, comma-separated, e.g. <c>bin,png</c>.</summary>
    public static string Format(ExportFormats formats) =>
        string.Join(",", All.Where(entry => formats.HasFlag(entry.Format)).Select(entry => entry.Name));

    private static string ValidNames => string.Join(", ", All.Select(entry => entry.Name));
}
