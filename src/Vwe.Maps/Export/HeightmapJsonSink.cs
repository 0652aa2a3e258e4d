using System.Text.Json;
using Vwe.Maps.Export.Png;
using Vwe.Maps.Grid;

namespace Vwe.Maps.Export;

/// <summary>
/// <c>heightmap.json</c> (schema <see cref="Schema"/>, docs/formats.md): heights in metres as nested arrays, row
/// 0 = south, each float32 written as its shortest round-trip decimal (parse as double, cast to float: exact).
/// Buffered like <see cref="BiomesJsonSink"/>: 4 bytes a pixel, 64 MB at the cap.
/// </summary>
internal sealed class HeightmapJsonSink : IGridSink
{
    public const string Schema = "vwe.heightmap/1";

    private readonly string path;
    private readonly string worldKey;
    private readonly int seed;
    private readonly GridSpec grid;
    private readonly CancellationToken cancellationToken;
    private readonly float[] heights;
    private RowCoverage coverage;

    public HeightmapJsonSink(string path, string worldKey, int seed, GridSpec grid, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grid);
        JsonLimit.Check(grid);
        this.path = path;
        this.worldKey = worldKey;
        this.seed = seed;
        this.grid = grid;
        this.cancellationToken = cancellationToken;
        heights = new float[grid.PixelCount];
        coverage = new RowCoverage(grid.Size);
    }

    public void Write(GridBand band)
    {
        ArgumentNullException.ThrowIfNull(band);
        coverage.Add(band);
        band.Heights.AsSpan(0, band.PixelCount).CopyTo(heights.AsSpan(band.FirstRow * grid.Size));
    }

    public void Complete()
    {
        coverage.CheckComplete(ExportFileNames.HeightmapJson);
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new Utf8JsonWriter(file, ExportJson.Compact);
        writer.WriteStartObject();
        writer.WriteString("schema", Schema);
        GridDescription.Write(writer, worldKey, seed, grid);
        writer.WriteString("unit", "m");
        writer.WriteString("numbers", "float32, shortest round-trip decimal: parse as double, then cast to float32");
        writer.WriteNumber("waterLevel", TerrainShading.WaterLevel);
        writer.WriteNumber("worldEdgeHeight", TerrainShading.WorldEdgeHeight);
        writer.WriteStartArray("heights");
        for (int row = 0; row < grid.Size; row++)
        {
            writer.WriteStartArray();
            foreach (float height in heights.AsSpan(row * grid.Size, grid.Size))
            {
                // Utf8JsonWriter formats a float as the shortest text that parses back to the same float32.
                writer.WriteNumberValue(height);
            }

            writer.WriteEndArray();
            JsonLimit.FlushEarly(writer);

            // Writing the text takes seconds at the cap, after the last band: stay responsive to Ctrl+C.
            cancellationToken.ThrowIfCancellationRequested();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public void Dispose()
    {
    }
}
