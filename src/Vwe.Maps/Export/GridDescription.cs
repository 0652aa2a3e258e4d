using System.Text.Json;
using Vwe.Maps.Grid;

namespace Vwe.Maps.Export;

/// <summary>
/// The grid facts every JSON file repeats, so each file can be read on its own. Deterministic facts only: the
/// data files of a world key carry nothing that differs between two exports of it (not even the seed text).
/// </summary>
internal static class GridDescription
{
    public const string PixelCentre = "x = (j - N/2)*p + p/2, z = (i - N/2)*p + p/2 for row i, column j; evaluated in double, rounded once to float32";

    public const string Rows = "row-major; row 0 is the southernmost row (smallest z), rows run north; column 0 is the westernmost, columns run east";

    public const string Axes = "x east, z north, metres from the world centre";

    /// <summary>worldKey, seed, size, pixelSize, pixelCentre, rows, axes.</summary>
    public static void Write(Utf8JsonWriter writer, string worldKey, int seed, GridSpec grid)
    {
        writer.WriteString("worldKey", worldKey);
        writer.WriteNumber("seed", seed);
        writer.WriteNumber("size", grid.Size);
        writer.WriteNumber("pixelSize", grid.PixelSize);
        writer.WriteString("pixelCentre", PixelCentre);
        writer.WriteString("rows", Rows);
        writer.WriteString("axes", Axes);
    }
}
