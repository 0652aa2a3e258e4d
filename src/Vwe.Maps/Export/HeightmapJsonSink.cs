using System.Text.Json;
using Vwe.Maps.Grid;

namespace Vwe.Maps.Export;

/// <summary>
/// <c>heightmap.json</c> (docs/formats.md): heights in metres, each float32 written as its shortest round-trip
/// decimal (parse as double, cast to float: exact); 4 bytes a pixel buffered.
/// </summary>
internal sealed class HeightmapJsonSink(string path, string worldKey, int seed, GridSpec grid, CancellationToken cancellationToken = default)
    : GridJsonSink<float>(path, ExportFileNames.HeightmapJson, worldKey, seed, grid, cancellationToken)
{
    public const string SchemaName = "vwe.heightmap/1";

    protected override string Schema => SchemaName;

    protected override string ArrayName => "heights";

    protected override ReadOnlySpan<float> Values(GridBand band) => band.Heights;

    protected override void WriteHeader(Utf8JsonWriter writer)
    {
        writer.WriteString("unit", "m");
        writer.WriteString("numbers", "float32, shortest round-trip decimal: parse as double, then cast to float32");
        writer.WriteNumber("waterLevel", WorldHeights.WaterLevel);
        writer.WriteNumber("worldEdgeHeight", WorldHeights.WorldEdge);
    }

    // Utf8JsonWriter formats a float as the shortest text that parses back to the same float32.
    protected override void WriteValue(Utf8JsonWriter writer, float value) => writer.WriteNumberValue(value);
}
