using System.Text.Json;
using Vwe.Maps.Grid;

namespace Vwe.Maps.Export;

/// <summary>
/// A JSON file holding one value per pixel as nested arrays, outer index = row (0 = south), inner = column
/// (0 = west), after a header naming the world and grid. JSON has to start with the southern row while bands
/// come north first, so the grid is buffered — which the <see cref="ExportLimits.MaxJsonSize"/> cap bounds.
/// </summary>
internal abstract class GridJsonSink<T> : IGridSink
    where T : unmanaged
{
    private readonly string path;
    private readonly string fileName;
    private readonly string worldKey;
    private readonly int seed;
    private readonly GridSpec grid;
    private readonly CancellationToken cancellationToken;
    private readonly T[] values;
    private RowCoverage coverage;

    protected GridJsonSink(string path, string fileName, string worldKey, int seed, GridSpec grid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grid);
        this.path = path;
        this.fileName = fileName;
        this.worldKey = worldKey;
        this.seed = seed;
        this.grid = grid;
        this.cancellationToken = cancellationToken;
        values = new T[grid.PixelCount];
        coverage = new RowCoverage(grid.Size);
    }

    /// <summary>The file's schema name, e.g. <c>vwe.biomes/1</c>.</summary>
    protected abstract string Schema { get; }

    /// <summary>The name of the array of rows.</summary>
    protected abstract string ArrayName { get; }

    public void Write(GridBand band)
    {
        ArgumentNullException.ThrowIfNull(band);
        coverage.Add(band);
        Values(band)[..band.PixelCount].CopyTo(values.AsSpan(band.FirstRow * grid.Size));
    }

    public void Complete()
    {
        coverage.CheckComplete(fileName);
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new Utf8JsonWriter(file, ExportJson.Compact);
        writer.WriteStartObject();
        writer.WriteString("schema", Schema);
        GridDescription.Write(writer, worldKey, seed, grid);
        WriteHeader(writer);
        writer.WriteStartArray(ArrayName);
        for (int row = 0; row < grid.Size; row++)
        {
            writer.WriteStartArray();
            foreach (T value in values.AsSpan(row * grid.Size, grid.Size))
            {
                WriteValue(writer, value);
            }

            writer.WriteEndArray();
            JsonFlush.WhenFull(writer);

            // Writing the text takes seconds at the cap, after the last band: stay responsive to Ctrl+C.
            cancellationToken.ThrowIfCancellationRequested();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public void Dispose()
    {
    }

    /// <summary>The band's values of this file.</summary>
    protected abstract ReadOnlySpan<T> Values(GridBand band);

    /// <summary>Fields after the grid description, before the rows.</summary>
    protected abstract void WriteHeader(Utf8JsonWriter writer);

    protected abstract void WriteValue(Utf8JsonWriter writer, T value);
}
