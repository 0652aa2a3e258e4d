using System.Diagnostics;
using Vwe.Engines.Jobs;
using Vwe.Maps.Tiles;
using Vwe.Pool;
using ProtocolLimits = Vwe.Protocol.ProtocolLimits;

namespace Vwe.Service.Tiles;

/// <summary>
/// Renders a tile from the pool's region samples (docs/tiles.md, "Rendering"): the tile's <see cref="TileRegion"/>
/// is cut into bands of whole rows, at most <see cref="Vwe.Protocol.ProtocolLimits.MaxSamplePoints"/> points each and as many as
/// a multiple of the engines that run at once, sampled in parallel (seed affinity sends them to the engines that
/// hold the world; an engine without it loads it first), then painted by <see cref="TilePainter"/>. A band starting
/// at row k has z = Z + k·step, exact in double like every tile coordinate, so the bands sample the very points of
/// the whole region.
/// </summary>
public sealed class TileRenderer(WarmEnginePool pool)
{
    public async Task<RenderedTile> RenderAsync(TileKey key, CancellationToken cancellationToken)
    {
        TileRegion region = TileGrid.Region(key.Tile, key.Layer);
        SampleFields fields = key.Layer == TileLayer.Terrain ? SampleFields.Biome | SampleFields.Height : SampleFields.Biome;
        IReadOnlyList<(int FirstRow, int Rows)> bands = Bands(region, pool.Options.MaxConcurrentJobs);
        var samples = new Task<SampleResult>[bands.Count];
        for (int i = 0; i < bands.Count; i++)
        {
            (int firstRow, int rows) = bands[i];
            var area = new SampleRegion(region.X, region.Z + (firstRow * region.Step), region.Step, region.Columns, rows);
            samples[i] = pool.SampleAsync(new SampleJob(key.Seed, area, fields), cancellationToken);
        }

        SampleResult[] results = await Task.WhenAll(samples).ConfigureAwait(false);
        var biomes = new ushort[region.Count];
        float[] heights = key.Layer == TileLayer.Terrain ? new float[region.Count] : [];
        for (int i = 0; i < bands.Count; i++)
        {
            int offset = bands[i].FirstRow * region.Columns;
            results[i].Biome.AsSpan().CopyTo(biomes.AsSpan(offset));
            if (key.Layer == TileLayer.Terrain)
            {
                results[i].Height.AsSpan().CopyTo(heights.AsSpan(offset));
            }
        }

        return new RenderedTile(TilePainter.Paint(key.Layer, region, biomes, heights));
    }

    /// <summary>
    /// Bands of whole rows, south to north: the fewest that keep each under the protocol's point limit, rounded up
    /// to a multiple of <paramref name="concurrentJobs"/> so every engine gets an equal share.
    /// </summary>
    internal static IReadOnlyList<(int FirstRow, int Rows)> Bands(TileRegion region, int concurrentJobs)
    {
        int rowsPerRequest = ProtocolLimits.MaxSamplePoints / region.Columns;
        Debug.Assert(rowsPerRequest >= 1, "a tile row fits in one sample request");
        int count = (region.Rows + rowsPerRequest - 1) / rowsPerRequest;
        int parallel = Math.Max(1, concurrentJobs);
        count = (count + parallel - 1) / parallel * parallel;
        var bands = new List<(int, int)>(count);
        for (int i = 0; i < count; i++)
        {
            int first = region.Rows * i / count;
            int end = region.Rows * (i + 1) / count;
            if (end > first)
            {
                bands.Add((first, end - first));
            }
        }

        return bands;
    }
}
