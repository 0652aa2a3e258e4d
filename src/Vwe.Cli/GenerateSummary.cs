using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Vwe.Maps.Export;
using Vwe.Maps.Grid;

namespace Vwe.Cli;

/// <summary>
/// What <c>vwe generate</c> prints on success: a short summary for people, or with <c>--json</c> the
/// <see cref="ExportResult"/> as one JSON document (docs/generate.md).
/// </summary>
internal static class GenerateSummary
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// <code>
    /// world   1706363555-g2-e1-512x48 (512 × 512 pixels of 48 m)
    /// folder  /home/me/worlds/1706363555-g2-e1-512x48
    ///   biomes.png       62.4 KiB
    ///   grid.bin          1.5 MiB
    /// time    1.31 s (world 0.30 s, sampling and writing 0.98 s, hashing 0.01 s; 2 threads)
    /// </code>
    /// </summary>
    public static void WriteText(TextWriter output, ExportResult result, GridSpec grid, TimeSpan pregeneration, int threads)
    {
        var text = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(text, $"world   {result.WorldKey} ({grid.Size} × {grid.Size} pixels of {grid.PixelSize:R} m)"));
        output.WriteLine($"folder  {result.OutputDirectory}");
        int nameWidth = result.Files.Max(file => file.Name.Length);
        foreach (ExportedFile file in result.Files)
        {
            output.WriteLine($"  {file.Name.PadRight(nameWidth)}  {HumanSize(file.Bytes),9}");
        }

        ExportTimings timings = result.Timings;
        output.WriteLine(string.Create(
            text,
            $"time    {Seconds(pregeneration + timings.Total)} (world {Seconds(pregeneration)}, sampling and writing {Seconds(timings.SampleAndWrite)}, hashing {Seconds(timings.Hashing)}; {threads} thread{(threads == 1 ? "" : "s")})"));
    }

    /// <summary>One line of JSON: the world key, folder, files (name, bytes, sha256, pixelsSha256) and timings in ms.</summary>
    public static void WriteJson(TextWriter output, ExportResult result, int seed, TimeSpan pregeneration, int threads)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("worldKey", result.WorldKey);
            writer.WriteNumber("seed", seed);
            writer.WriteString("outputDirectory", result.OutputDirectory);
            ExportResultJson.WriteFiles(writer, result.Files);
            ExportTimings timings = result.Timings;
            writer.WriteStartObject("timings");
            ExportResultJson.WriteStartedUtc(writer, timings.StartedUtc);
            writer.WriteNumber("pregenerationMs", Milliseconds(pregeneration));
            writer.WriteNumber("sampleAndWriteMs", Milliseconds(timings.SampleAndWrite));
            writer.WriteNumber("hashingMs", Milliseconds(timings.Hashing));
            writer.WriteNumber("exportMs", Milliseconds(timings.Total));
            writer.WriteNumber("totalMs", Milliseconds(pregeneration + timings.Total));
            writer.WriteEndObject();
            writer.WriteNumber("threads", threads);
            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static string HumanSize(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB"];
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} B")
            : string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {units[unit]}");
    }

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.00} s");

    private static long Milliseconds(TimeSpan span) => ExportResultJson.Milliseconds(span);
}
