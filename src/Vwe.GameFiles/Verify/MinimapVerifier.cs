using Vwe.GameFiles.Minimap;
using Vwe.Maps.Grid;
using Vwe.WorldGen;
using Vwe.WorldGen.Unity;

namespace Vwe.GameFiles.Verify;

/// <summary>
/// Computes the game's minimap grid for the cache's seed with vwe's generator and compares it with the game's own
/// cache, pixel by pixel: the biome in colour space (what the cache can tell; Ocean, Mountain and DeepNorth share
/// white) and the height as the binary16 pattern Unity's <c>FloatToHalf</c> stores (bit for bit, signed zeros too).
/// </summary>
public static class MinimapVerifier
{
    public const int DefaultReportedDifferences = 10;

    public static VerifyReport Verify(
        MinimapCache cache,
        int threads,
        int reportedDifferences = DefaultReportedDifferences,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentOutOfRangeException.ThrowIfNegative(reportedDifferences);
        GridSpec grid = cache.Grid;
        var generator = new WorldGenerator(cache.Seed, threads: threads);
        using var sink = new ComparisonSink(cache, grid, reportedDifferences);
        GridSampler.Sample(generator, grid, GridLayers.None, threads, [sink], progress, cancellationToken);
        return sink.Report();
    }

    /// <summary>Compares each band as it is sampled (one writer thread), so the grid is never held whole.</summary>
    private sealed class ComparisonSink(MinimapCache cache, GridSpec grid, int reportedDifferences) : IGridSink
    {
        // Indexed by the biome's flag value (at most 512): a dictionary update per pixel would cost more than the comparison.
        private readonly long[] biomesMatching = new long[(int)Biome.Mistlands + 1];
        private readonly long[] biomesDiffering = new long[(int)Biome.Mistlands + 1];

        // The lowest pixel indices that differ (south-west first), bounded; bands arrive north to south.
        private readonly SortedDictionary<long, PixelDifference> first = [];

        private long heightsMatching;
        private long heightsDiffering;
        private long pixelsDiffering;

        public void Write(GridBand band)
        {
            int size = band.Size;
            for (int offset = 0; offset < band.PixelCount; offset++)
            {
                int row = band.FirstRow + (offset / size);
                int column = offset % size;
                int index = (row * size) + column;
                var biome = (Biome)band.Biomes[offset];
                float height = band.Heights[offset];

                uint expectedColor = MinimapColors.Of(biome);
                uint cacheColor = cache.ColorAt(index);
                ushort expectedHalf = UnityHalf.FloatToHalf(height);
                ushort cacheHalf = cache.Heights[index];
                bool biomeAgrees = expectedColor == cacheColor;
                bool heightAgrees = expectedHalf == cacheHalf;

                (biomeAgrees ? biomesMatching : biomesDiffering)[(int)biome]++;
                if (heightAgrees)
                {
                    heightsMatching++;
                }
                else
                {
                    heightsDiffering++;
                }

                if (!biomeAgrees || !heightAgrees)
                {
                    pixelsDiffering++;
                    Remember(index, row, column, biomeAgrees ? null : new BiomeDifference(biome, expectedColor, cacheColor),
                        heightAgrees ? null : new HeightDifference(height, expectedHalf, cacheHalf));
                }
            }
        }

        public void Complete()
        {
        }

        public void Dispose()
        {
        }

        public VerifyReport Report() => new(
            cache.Seed,
            grid.Size,
            grid.PixelSize,
            [.. Vwe.WorldGen.Biomes.All
                .Where(b => biomesMatching[(int)b] + biomesDiffering[(int)b] > 0)
                .Select(b => new BiomeAgreement(b, biomesMatching[(int)b], biomesDiffering[(int)b]))],
            heightsMatching,
            heightsDiffering,
            pixelsDiffering,
            [.. first.Values]);

        private void Remember(long index, int row, int column, BiomeDifference? biome, HeightDifference? height)
        {
            if (reportedDifferences == 0 || (first.Count == reportedDifferences && index > first.Keys.Last()))
            {
                return;
            }

            first[index] = new PixelDifference(row, column, grid.X(column), grid.Z(row), biome, height);
            if (first.Count > reportedDifferences)
            {
                first.Remove(first.Keys.Last());
            }
        }
    }
}
