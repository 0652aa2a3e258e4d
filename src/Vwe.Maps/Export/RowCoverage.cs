using Vwe.Maps.Grid;

namespace Vwe.Maps.Export;

/// <summary>
/// Counts the rows a file sink has received, so that <see cref="IGridSink.Complete"/> refuses to close a file
/// with rows never written (a pre-sized file would otherwise hide them as zeros).
/// </summary>
internal struct RowCoverage(int size)
{
    private int rows;

    public void Add(GridBand band)
    {
        if (band.Size != size)
        {
            throw new InvalidOperationException($"band of size {band.Size} sent to a sink for a grid of size {size}");
        }

        rows += band.RowCount;
    }

    public readonly void CheckComplete(string file)
    {
        if (rows != size)
        {
            throw new InvalidOperationException($"{file}: {rows} of {size} rows were written before Complete");
        }
    }
}
