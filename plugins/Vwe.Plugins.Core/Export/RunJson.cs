using System;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Vwe.Plugins.Core.Export;

/// <summary>
/// <c>run.json</c> (schema <c>vwe.run/1</c>, docs/formats.md): the facts of this one run, kept out of the manifest
/// because they differ between runs. Inside the game <c>dotnet</c> names the game's runtime (Mono).
/// </summary>
internal static class RunJson
{
    public const string Schema = "vwe.run/1";

    public static void Write(string path, string worldKey, DateTime startedUtc, TimeSpan total, TimeSpan sampleAndWrite, TimeSpan hashing)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        using (var writer = new Utf8JsonWriter(file, JsonText.Indented))
        {
            writer.WriteStartObject();
            writer.WriteString("schema", Schema);
            writer.WriteString("worldKey", worldKey);
            writer.WriteString("startedUtc", startedUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            writer.WriteNumber("durationMs", Milliseconds(total));
            writer.WriteNumber("sampleAndWriteMs", Milliseconds(sampleAndWrite));
            writer.WriteNumber("hashingMs", Milliseconds(hashing));

            // Sampling runs on the job's one thread: the game's generator is asked one point at a time.
            writer.WriteNumber("threads", 1);
            writer.WriteStartObject("machine");
            writer.WriteString("os", RuntimeInformation.OSDescription);
            writer.WriteString("architecture", RuntimeInformation.ProcessArchitecture.ToString());
            writer.WriteNumber("processorCount", Environment.ProcessorCount);
            writer.WriteString("dotnet", RuntimeInformation.FrameworkDescription);
            writer.WriteString("vwe", Version);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        file.WriteByte((byte)'\n');
    }

    /// <summary>Whole milliseconds, the unit of every <c>…Ms</c> field.</summary>
    public static long Milliseconds(TimeSpan span) => (long)Math.Round(span.TotalMilliseconds, MidpointRounding.AwayFromZero);

    private static string Version =>
        typeof(RunJson).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(RunJson).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
