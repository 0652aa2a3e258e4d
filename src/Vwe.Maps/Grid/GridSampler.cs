using System.Threading.Channels;
using Vwe.WorldGen;

namespace Vwe.Maps.Grid;

/// <summary>
/// Samples a grid on several threads, band by band, and hands the bands to sinks on one writer thread.
/// Memory stays bounded at any size: about a million pixels per band, and at most two bands alive (one being
/// sampled while the previous one is written). Values do not depend on the thread count or on the order of
/// evaluation (each worker uses its own <see cref="WorldGenerator.Fork"/>).
/// </summary>
public static class GridSampler
{
    private const int PixelsPerBand = 1 << 20;

    public static void Sample(
        WorldGenerator generator,
        GridSpec grid,
        GridLayers layers,
        int threads,
        IReadOnlyList<IGridSink> sinks,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(sinks);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);

        int rowsPerBand = Math.Clamp(PixelsPerBand / grid.Size, 1, grid.Size);
        var free = Channel.CreateBounded<GridBand>(2);
        var full = Channel.CreateBounded<GridBand>(2);
        free.Writer.TryWrite(new GridBand(grid.Size, rowsPerBand, layers));
        free.Writer.TryWrite(new GridBand(grid.Size, rowsPerBand, layers));

        Task writer = Task.Factory.StartNew(
            () => WriteBands(grid, sinks, full.Reader, free.Writer, progress, cancellationToken),
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        try
        {
            for (int top = grid.Size; top > 0; top -= rowsPerBand)
            {
                GridBand band = ReadBlocking(free.Reader, cancellationToken);
                band.FirstRow = Math.Max(0, top - rowsPerBand);
                band.RowCount = top - band.FirstRow;
                Fill(generator, grid, layers, threads, band, cancellationToken);
                if (!full.Writer.TryWrite(band))
                {
                    throw new InvalidOperationException("band channel full: more bands in flight than buffers");
                }
            }
        }
        finally
        {
            full.Writer.TryComplete();
            writer.GetAwaiter().GetResult();
        }

        foreach (IGridSink sink in sinks)
        {
            sink.Complete();
        }
    }

    private static void Fill(
        WorldGenerator generator, GridSpec grid, GridLayers layers, int threads, GridBand band, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        Parallel.For(
            0,
            band.RowCount,
            options,
            generator.Fork,
            (offset, _, fork) =>
            {
                FillRow(fork, grid, layers, band, offset);
                return fork;
            },
            _ => { });
    }

    private static void FillRow(WorldGenerator fork, GridSpec grid, GridLayers layers, GridBand band, int offset)
    {
        int size = grid.Size;
        float z = grid.Z(band.FirstRow + offset);
        int start = offset * size;
        Span<ushort> biomes = band.Biomes.AsSpan(start, size);
        Span<float> heights = band.Heights.AsSpan(start, size);
        for (int column = 0; column < size; column++)
        {
            float x = grid.X(column);
            heights[column] = fork.Sample(x, z, out Biome biome, out _);
            biomes[column] = (ushort)biome;
        }

        if (band.RiverWeights is { } rivers)
        {
            for (int column = 0; column < size; column++)
            {
                rivers[start + column] = fork.GetRiverWeight(grid.X(column), z).Weight;
            }
        }

        if (band.ForestFactors is { } forest)
        {
            for (int column = 0; column < size; column++)
            {
                forest[start + column] = WorldGenerator.GetForestFactor(grid.X(column), z);
            }
        }
    }

    private static void WriteBands(
        GridSpec grid,
        IReadOnlyList<IGridSink> sinks,
        ChannelReader<GridBand> full,
        ChannelWriter<GridBand> free,
        IProgress<double>? progress,
        CancellationToken cancellationToken)
    {
        try
        {
            int rowsDone = 0;
            while (full.WaitToReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult())
            {
                while (full.TryRead(out GridBand? band))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    foreach (IGridSink sink in sinks)
                    {
                        sink.Write(band);
                    }

                    rowsDone += band.RowCount;
                    progress?.Report((double)rowsDone / grid.Size);
                    free.TryWrite(band);
                }
            }
        }
        catch (Exception exception)
        {
            // Wake the sampling thread, which would otherwise wait for a buffer forever.
            free.TryComplete(exception);
            throw;
        }
    }

    private static GridBand ReadBlocking(ChannelReader<GridBand> reader, CancellationToken cancellationToken) =>
        reader.ReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult();
}
