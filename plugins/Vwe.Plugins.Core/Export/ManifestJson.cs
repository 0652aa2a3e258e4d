using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Vwe.Plugins.Core.Grid;
using Vwe.Plugins.Core.Worlds;
using Vwe.Protocol;

namespace Vwe.Plugins.Core.Export;

/// <summary>
/// <c>manifest.json</c> (schema <c>vwe.manifest/1</c>, docs/formats.md): only deterministic facts, field for field
/// and byte for byte what src/Vwe.Maps writes for the same world key, so the game's manifest compares equal to the
/// native one. The world's constants come from the world itself (for the game: its generator's private fields).
/// </summary>
internal static class ManifestJson
{
    public const string Schema = "vwe.manifest/1";

    /// <summary>The game versions whose generator rules the files describe.</summary>
    public const string GameVersion = "1.0.x";

    public const string PixelCentre = "x = (j - N/2)*p + p/2, z = (i - N/2)*p + p/2 for row i, column j; evaluated in double, rounded once to float32";

    public const string Rows = "row-major; row 0 is the southernmost row (smallest z), rows run north; column 0 is the westernmost, columns run east";

    public const string Axes = "x east, z north, metres from the world centre";

    public static void Write(string path, ExportPlan plan, IWorldSource world, IEnumerable<FileEntry> dataFiles)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        using (var writer = new Utf8JsonWriter(file, JsonText.Indented))
        {
            WriteDocument(writer, plan, world, dataFiles);
        }

        file.WriteByte((byte)'\n');
    }

    private static void WriteDocument(Utf8JsonWriter writer, ExportPlan plan, IWorldSource world, IEnumerable<FileEntry> dataFiles)
    {
        GridSpec grid = plan.Grid;
        writer.WriteStartObject();
        writer.WriteString("schema", Schema);
        writer.WriteString("worldKey", plan.WorldKey);
        writer.WritePropertyName("seedText");
        if (plan.SeedText is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteRawValue(JsonText.Quote(plan.SeedText), skipInputValidation: true);
        }

        writer.WriteNumber("seed", world.Seed);
        writer.WriteNumber("worldGenVersion", world.WorldGenVersion);
        writer.WriteString("gameVersion", GameVersion);
        writer.WriteNumber("engineDataVersion", WorldKeys.EngineDataVersion);
        writer.WriteStartArray("offsets");
        foreach (float offset in world.Offsets)
        {
            writer.WriteNumberValue(offset);
        }

        writer.WriteEndArray();
        writer.WriteNumber("riverSeed", world.RiverSeed);
        writer.WriteNumber("streamSeed", world.StreamSeed);

        writer.WriteStartObject("grid");
        writer.WriteString("key", grid.Key);
        writer.WriteNumber("size", grid.Size);
        writer.WriteNumber("pixelSize", grid.PixelSize);
        writer.WriteString("pixelCentre", PixelCentre);
        writer.WriteString("rows", Rows);
        writer.WriteString("axes", Axes);
        writer.WriteString("byteOrder", "little-endian");
        writer.WriteEndObject();

        // This engine writes grid.bin and layers only (docs/plugins.md): the formats list is always ["bin"].
        writer.WriteStartArray("formats");
        writer.WriteStringValue("bin");
        writer.WriteEndArray();
        writer.WriteStartArray("layers");
        foreach (string layer in LayerNames.Each(plan.Layers))
        {
            writer.WriteStringValue(layer);
        }

        writer.WriteEndArray();
        WriteFiles(writer, dataFiles);
        writer.WriteEndObject();
    }

    /// <summary>The <c>files</c> array: name, bytes, sha256, sorted by name (ordinal).</summary>
    private static void WriteFiles(Utf8JsonWriter writer, IEnumerable<FileEntry> files)
    {
        writer.WriteStartArray("files");
        foreach (FileEntry file in files.OrderBy(file => file.Name, System.StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteString("name", file.Name);
            writer.WriteNumber("bytes", file.Bytes);
            writer.WriteString("sha256", file.Sha256);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
