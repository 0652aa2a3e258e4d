using Vwe.Maps.Grid;

namespace Vwe.Maps.Export;

/// <summary>
/// Which grids each format takes, and the one check of a grid, formats and layers combination. The JSON
/// exporters buffer the whole grid (6 bytes a pixel: 96 MB at 4096², and text files of several hundred MB); a
/// PNG larger than 8192² is more than most viewers open. grid.bin and the layer files stream and have no limit
/// below <see cref="GridSpec.MaxSize"/>. The names in the messages are those of the CLI and docs
/// (<c>--format</c>, <c>--size</c>, <c>--layers</c>).
/// </summary>
public static class ExportLimits
{
    public const int MaxJsonSize = 4096;

    public const int MaxPngSize = 8192;

    /// <summary>The formats with a size cap, and why they have it.</summary>
    private static readonly (ExportFormats Format, int Cap, string Why)[] Caps =
    [
        (ExportFormats.Json, MaxJsonSize, "the JSON writers hold the grid in memory"),
        (ExportFormats.Png, MaxPngSize, "larger pictures are more than most viewers open"),
    ];

    /// <summary>
    /// Throws <see cref="NotSupportedException"/>, naming the limit and the way around it, when
    /// <paramref name="layers"/> are asked for without the bin format or <paramref name="grid"/> is too large for
    /// one of <paramref name="formats"/>. Needs no world: callers check before generating one.
    /// </summary>
    public static void Check(GridSpec grid, ExportFormats formats, GridLayers layers)
    {
        ArgumentNullException.ThrowIfNull(grid);
        string formatNames = ExportFormatNames.Format(formats);
        if (layers != GridLayers.None && !formats.HasFlag(ExportFormats.Bin))
        {
            string layerNames = string.Join(",", GridLayerNames.Each(layers).Select(GridLayerNames.Name));
            throw new NotSupportedException(
                $"--layers {layerNames} are written only as .bin files, and --format {formatNames} has no bin; add bin (e.g. --format bin,{formatNames}) or drop --layers.");
        }

        var over = Caps.Where(entry => formats.HasFlag(entry.Format) && grid.Size > entry.Cap).ToArray();
        if (over.Length == 0)
        {
            return;
        }

        string limits = string.Join(
            " and ", over.Select(entry => $"{ExportFormatNames.Format(entry.Format)} (up to {entry.Cap}: {entry.Why})"));
        ExportFormats suggestion = (formats & ~over.Aggregate(ExportFormats.None, (all, entry) => all | entry.Format)) | ExportFormats.Bin;
        throw new NotSupportedException(
            $"--size {grid.Size} is too large for {limits}; drop {(over.Length == 1 ? "it" : "them")} " +
            $"(e.g. --format {ExportFormatNames.Format(suggestion)}: bin has no size limit) or give --size {over.Min(entry => entry.Cap)} or less.");
    }
}
