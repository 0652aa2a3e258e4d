using System.Globalization;
using System.Text.Json;
using Vwe.Maps.Grid;
using Vwe.WorldGen;

namespace Vwe.Maps.Export;

/// <summary>
/// <c>biomes.json</c> (schema <see cref="Schema"/>, docs/formats.md): the biome flags as nested arrays, outer
/// index = row (0 = south), inner = column (0 = west). JSON has to start with the southern row while bands come
/// north first, so the grid is buffered: 2 bytes a pixel, 32 MB at the <see cref="ExportLimits.MaxJsonSize"/> cap.
/// </summary>
internal sealed class BiomesJsonSink : IGridSink
{
    public const string Schema = "vwe.biomes/1";

    private readonly string path;
    private readonly string worldKey;
    private readonly int seed;
    private readonly GridSpec grid;
    private readonly CancellationToken cancellationToken;
    private readonly ushort[] biomes;
    private RowCoverage coverage;

    public BiomesJsonSink(string path, string worldKey, int seed, GridSpec grid, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grid);
        JsonLimit.Check(grid);
        this.path = path;
        this.worldKey = worldKey;
        this.seed = seed;
        this.grid = grid;
        this.cancellationToken = cancellationToken;
        biomes = new ushort[grid.PixelCount];
        coverage = new RowCoverage(grid.Size);
    }

    public void Write(GridBand band)
    {
        ArgumentNullException.ThrowIfNull(band);
        coverage.Add(band);
        band.Biomes.AsSpan(0, band.PixelCount).CopyTo(biomes.AsSpan(band.FirstRow * grid.Size));
    }

    public void Complete()
    {
        coverage.CheckComplete(ExportFileNames.BiomesJson);
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new Utf8JsonWriter(file, ExportJson.Compact);
        writer.WriteStartObject();
        writer.WriteString("schema", Schema);
        GridDescription.Write(writer, worldKey, seed, grid);
        writer.WriteStartObject("legend");
        foreach (Biome biome in Biomes.All)
        {
            writer.WriteString(((int)biome).ToString(CultureInfo.InvariantCulture), Biomes.Name(biome));
        }

        writer.WriteEndObject();
        writer.WriteStartArray("biomes");
        for (int row = 0; row < grid.Size; row++)
        {
            writer.WriteStartArray();
            foreach (ushort biome in biomes.AsSpan(row * grid.Size, grid.Size))
            {
                writer.WriteNumberValue((int)biome);
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
