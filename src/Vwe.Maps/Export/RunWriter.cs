using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Vwe.Maps.Export;

/// <summary>
/// <c>run.json</c> (schema <see cref="Schema"/>): the facts of this one run, which differ between runs and
/// machines and so are kept out of manifest.json: when (UTC), how long, how many threads, on what.
/// </summary>
internal static class RunWriter
{
    public const string Schema = "vwe.run/1";

    public static void Write(string path, ExportRequest request, ExportTimings timings)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        using (var writer = new Utf8JsonWriter(file, ExportJson.Indented))
        {
            writer.WriteStartObject();
            writer.WriteString("schema", Schema);
            writer.WriteString("worldKey", request.WorldKey);
            ExportResultJson.WriteStartedUtc(writer, timings.StartedUtc);
            writer.WriteNumber("durationMs", ExportResultJson.Milliseconds(timings.Total));
            writer.WriteNumber("sampleAndWriteMs", ExportResultJson.Milliseconds(timings.SampleAndWrite));
            writer.WriteNumber("hashingMs", ExportResultJson.Milliseconds(timings.Hashing));
            writer.WriteNumber("threads", request.Threads);
            writer.WriteStartObject("machine");
            writer.WriteString("os", RuntimeInformation.OSDescription);
            writer.WriteString("architecture", RuntimeInformation.ProcessArchitecture.ToString());
            writer.WriteNumber("processorCount", Environment.ProcessorCount);
            writer.WriteString("dotnet", RuntimeInformation.FrameworkDescription);
            writer.WriteString("vwe", VweVersion);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        file.Write("\n"u8);
    }

    private static string VweVersion =>
        typeof(RunWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(RunWriter).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
