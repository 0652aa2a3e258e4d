using System.Globalization;
using System.Text.Json;

namespace Vwe.Maps.Export;

/// <summary>The JSON shapes manifest.json, run.json and <c>vwe generate --json</c> share (docs/formats.md, docs/generate.md).</summary>
public static class ExportResultJson
{
    /// <summary>The <c>files</c> array: name, bytes, sha256 and, for files with pixels, pixelsSha256, sorted by name.</summary>
    public static void WriteFiles(Utf8JsonWriter writer, IEnumerable<ExportedFile> files)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray("files");
        foreach (ExportedFile file in files.OrderBy(file => file.Name, StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteString("name", file.Name);
            writer.WriteNumber("bytes", file.Bytes);
            writer.WriteString("sha256", file.Sha256);
            if (file.PixelsSha256 is not null)
            {
                writer.WriteString("pixelsSha256", file.PixelsSha256);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary><c>startedUtc</c>: UTC to the millisecond, e.g. <c>2026-12-03T18:56:53.123Z</c>.</summary>
    public static void WriteStartedUtc(Utf8JsonWriter writer, DateTimeOffset started)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("startedUtc", started.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    }

    /// <summary>A duration as whole milliseconds, the unit of every <c>…Ms</c> field.</summary>
    public static long Milliseconds(TimeSpan span) => (long)Math.Round(span.TotalMilliseconds, MidpointRounding.AwayFromZero);
}
