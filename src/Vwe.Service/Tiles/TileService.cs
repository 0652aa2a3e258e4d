using System.Diagnostics;

namespace Vwe.Service.Tiles;

/// <summary>Tiles for the API: from the cache, or rendered once through the pool and kept; counted on the way.</summary>
public sealed class TileService(TileCache cache, TileRenderer renderer, TileMetrics metrics)
{
    public async Task<RenderedTile> GetAsync(TileKey key, CancellationToken cancellationToken)
    {
        (RenderedTile tile, TileSource source) = await cache.GetAsync(key, RenderAsync, cancellationToken).ConfigureAwait(false);
        metrics.Answered(key.Layer, source);
        return tile;
    }

    private async Task<RenderedTile> RenderAsync(TileKey key)
    {
        var clock = Stopwatch.StartNew();

        // Not cancelled when the client leaves: others may wait for this tile, and it is kept for the next.
        RenderedTile tile = await renderer.RenderAsync(key, CancellationToken.None).ConfigureAwait(false);
        metrics.Rendered(key.Layer, clock.Elapsed);
        return tile;
    }
}
