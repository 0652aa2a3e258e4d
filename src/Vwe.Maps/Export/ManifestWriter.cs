using System.Text.Json;
using Vwe.Maps.Grid;
using Vwe.WorldGen;

namespace Vwe.Maps.Export;

/// <summary>
/// <c>manifest.json</c> (schema <see cref="Schema"/>, docs/formats.md): only deterministic facts, so two exports
/// of one world key write the same bytes on any run, machine and thread count. Run facts go to run.json.
/// </summary>
internal static class ManifestWriter
{
    public const string Schema = "vwe.manifest/1";

    /// <summary>The game versions whose generator rules this engine reproduces.</summary>
    public const string GameVersion = "1.0.x";

    public static void Write(string path, ExportRequest request, IReadOnlyList<ExportedFile> dataFiles)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        using (var writer = new Utf8JsonWriter(file, ExportJson.Indented))
        {
            WriteDocument(writer, request, dataFiles);
        }

        file.Write("\n"u8);
    }

    private static void WriteDocument(Utf8JsonWriter writer, ExportRequest request, IReadOnlyList<ExportedFile> dataFiles)
    {
        WorldGenerator generator = request.Generator;
        GridSpec grid = request.Grid;
        writer.WriteStartObject();
        writer.WriteString("schema", Schema);
        writer.WriteString("worldKey", request.WorldKey);
        ExportJson.WriteAsciiString(writer, "seedText", request.SeedText);
        writer.WriteNumber("seed", generator.Seed);
        writer.WriteNumber("worldGenVersion", generator.WorldGenVersion);
        writer.WriteString("gameVersion", GameVersion);
        writer.WriteNumber("engineDataVersion", WorldKey.EngineDataVersion);
        writer.WriteStartArray("offsets");
        foreach (float offset in generator.Offsets)
        {
            writer.WriteNumberValue(offset);
        }

        writer.WriteEndArray();
        writer.WriteNumber("riverSeed", generator.RiverSeed);
        writer.WriteNumber("streamSeed", generator.StreamSeed);

        writer.WriteStartObject("grid");
        writer.WriteString("key", grid.Key);
        writer.WriteNumber("size", grid.Size);
        writer.WriteNumber("pixelSize", grid.PixelSize);
        writer.WriteString("pixelCentre", GridDescription.PixelCentre);
        writer.WriteString("rows", GridDescription.Rows);
        writer.WriteString("axes", GridDescription.Axes);
        writer.WriteString("byteOrder", "little-endian");
        writer.WriteEndObject();

        writer.WriteStartArray("formats");
        foreach ((ExportFormats format, string name) in ExportFormatNames.All)
        {
            if (request.Formats.HasFlag(format))
            {
                writer.WriteStringValue(name);
            }
        }

        writer.WriteEndArray();
        writer.WriteStartArray("layers");
        foreach (GridLayers layer in GridLayerNames.Each(request.Layers))
        {
            writer.WriteStringValue(GridLayerNames.Name(layer));
        }

        writer.WriteEndArray();

        ExportResultJson.WriteFiles(writer, dataFiles);
        writer.WriteEndObject();
    }
}
