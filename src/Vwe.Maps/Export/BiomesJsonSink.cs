using System.Globalization;
using System.Text.Json;
using Vwe.Maps.Grid;
using Vwe.WorldGen;

namespace Vwe.Maps.Export;

/// <summary><c>biomes.json</c> (docs/formats.md): the biome flags, with a legend; 2 bytes a pixel buffered.</summary>
internal sealed class BiomesJsonSink(string path, string worldKey, int seed, GridSpec grid, CancellationToken cancellationToken = default)
    : GridJsonSink<ushort>(path, ExportFileNames.BiomesJson, worldKey, seed, grid, cancellationToken)
{
    public const string SchemaName = "vwe.biomes/1";

    protected override string Schema => SchemaName;

    protected override string ArrayName => "biomes";

    protected override ReadOnlySpan<ushort> Values(GridBand band) => band.Biomes;

    protected override void WriteHeader(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("legend");
        foreach (Biome biome in Biomes.All)
        {
            writer.WriteString(((int)biome).ToString(CultureInfo.InvariantCulture), Biomes.Name(biome));
        }

        writer.WriteEndObject();
    }

    protected override void WriteValue(Utf8JsonWriter writer, ushort value) => writer.WriteNumberValue((int)value);
}
