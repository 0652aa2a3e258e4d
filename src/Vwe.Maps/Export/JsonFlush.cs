using System.Text.Json;

namespace Vwe.Maps.Export;

/// <summary>Keeps a <see cref="Utf8JsonWriter"/>'s buffer small while a large document is written.</summary>
internal static class JsonFlush
{
    // Utf8JsonWriter keeps everything in memory until flushed; a row of 4096 heights is under 64 KB of text.
    private const int Threshold = 1 << 16;

    public static void WhenFull(Utf8JsonWriter writer)
    {
        if (writer.BytesPending >= Threshold)
        {
            writer.Flush();
        }
    }
}
