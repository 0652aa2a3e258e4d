using Vwe.Maps.Export;
using Vwe.Maps.Grid;

namespace Vwe.Cli;

/// <summary>
/// The options <c>--format</c> and <c>--layers</c>, checked against the grid by <see cref="ExportLimits.Check"/>
/// (the exporter's own check) before the world is generated.
/// </summary>
internal static class ExportInput
{
    public const string DefaultFormats = "bin,png";

    public static (ExportFormats Formats, GridLayers Layers) Parse(string formatList, string? layerList, GridSpec grid)
    {
        ExportFormats formats;
        GridLayers layers;
        try
        {
            formats = ExportFormatNames.Parse(formatList);
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

        try
        {
            ExportLimits.Check(grid, formats, layers);
        }
        catch (NotSupportedException exception)
        {
            throw new InputException(exception.Message);
        }

        return (formats, layers);
    }
}
