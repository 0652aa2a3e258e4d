using Vwe.Maps.Export;
using Vwe.Maps.Grid;

namespace Vwe.Cli;

/// <summary>
/// The options <c>--format</c> and <c>--layers</c>, checked against the grid with messages in terms of the options.
/// <see cref="ExportRequest.Validate"/> makes the same checks again, but only once the world is generated.
/// </summary>
internal static class ExportInput
{
    public const string DefaultFormats = "bin,png";

    /// <summary>The formats with a size cap (<see cref="ExportLimits"/>), and why they have it.</summary>
    private static readonly (ExportFormats Format, int Cap, string Why)[] Caps =
    [
        (ExportFormats.Json, ExportLimits.MaxJsonSize, "the JSON writers hold the grid in memory"),
        (ExportFormats.Png, ExportLimits.MaxPngSize, "larger pictures are more than most viewers open"),
    ];

    public static (ExportFormats Formats, GridLayers Layers) Parse(string formatList, string? layerList, GridSpec grid)
    {
        ExportFormats formats;
        GridLayers layers;
        try
        {
            formats = ExportFormats.Parse(formatList);
        }
        catch (FormatException exception)
        {
            throw new InputException($"--format: {exception.Message}.");
        }

        try
        {
            layers = GridLayerNames.Parse(layerList);
        }
        catch (FormatException exception)
        {
            throw new InputException($"--layers: {exception.Message}.");
        }

        if (layers != GridLayers.None && !formats.HasFlag(ExportFormats.Bin))
        {
            throw new InputException(
                $"--layers {LayerNames(layers)} are written only as .bin files, and --format {ExportFormatNames.Format(formats)} has no bin; add bin (e.g. --format bin,{ExportFormatNames.Format(formats)}) or drop --layers.");
        }

        CheckCaps(formats, grid);
        return (formats, layers);
    }

    private static void CheckCaps(ExportFormats formats, GridSpec grid)
    {
        var over = Caps.Where(entry => formats.HasFlag(entry.Format) && grid.Size > entry.Cap).ToArray();
        if (over.Length == 0)
        {
            return;
        }

        string limits = string.Join(
            " and ", over.Select(entry => $"{ExportFormatNames.Format(entry.Format)} (up to {entry.Cap}: {entry.Why})"));
        ExportFormats suggestion = (formats & ~over.Aggregate(ExportFormats.None, (all, entry) => all | entry.Format)) | ExportFormats.Bin;
        throw new InputException(
            $"--size {grid.Size} is too large for {limits}; drop {(over.Length == 1 ? "it" : "them")} " +
            $"(e.g. --format {ExportFormatNames.Format(suggestion)}: bin has no size limit) or give --size {over.Min(entry => entry.Cap)} or less.");
    }

    private static string LayerNames(GridLayers layers) => string.Join(",", GridLayerNames.Each(layers).Select(GridLayerNames.Name));
}
