using System.Text.Json;
using Vwe.Maps.Grid;

namespace Vwe.Maps.Export;

internal static class JsonLimit
{
    // Utf8JsonWriter keeps everything in memory until flushed; a row of 4096 heights is under 64 KB of text.
    private const int FlushThreshold = 1 << 16;

    public static void Check(GridSpec grid)
    {
        if (grid.Size > ExportLimits.MaxJsonSize)
        {
            throw new NotSupportedException(
                $"JSON export is limited to {ExportLimits.MaxJsonSize}² pixels; grid {grid.Key} is {grid.Size}². Use the bin format for larger grids, or a smaller size.");
        }
    }

    public static void FlushEarly(Utf8JsonWriter writer)
    {
        if (writer.BytesPending >= FlushThreshold)
        {
            writer.Flush();
        }
    }
}
