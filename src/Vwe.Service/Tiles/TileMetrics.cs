using System.Diagnostics.Metrics;
using Vwe.Maps.Tiles;
using Vwe.Service.Jobs;

namespace Vwe.Service.Tiles;

/// <summary>
/// The tiles' instruments on the service's meter. In Prometheus text: <c>vwe_service_tiles_total{layer,source}</c>
/// (answers by where they came from: cache, joined, rendered), <c>vwe_service_tiles_rendered_total{layer}</c>,
/// <c>vwe_service_tiles_cache_hits_total{layer}</c>, <c>vwe_service_tile_render_duration_seconds{layer}</c> (samples
/// and PNG, waits for an engine included), <c>vwe_service_tiles_cache_bytes</c>, <c>vwe_service_tiles_cache_tiles</c>.
/// </summary>
public sealed class TileMetrics
{
    private readonly Counter<long> answers;
    private readonly Counter<long> rendered;
    private readonly Counter<long> hits;
    private readonly Histogram<double> renderDuration;

    public TileMetrics(ServiceMetrics service, TileCache cache)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(cache);
        Meter meter = service.Meter;
        answers = meter.CreateCounter<long>("vwe.service.tiles", "{tile}", "Tiles answered, by layer and source (cache, joined, rendered)");
        rendered = meter.CreateCounter<long>("vwe.service.tiles.rendered", "{tile}", "Tiles rendered from engine samples, by layer");
        hits = meter.CreateCounter<long>("vwe.service.tiles.cache.hits", "{tile}", "Tiles answered from the tile cache, by layer");
        renderDuration = meter.CreateHistogram<double>("vwe.service.tile.render.duration", "s", "Time to render one tile: its samples and its PNG");
        meter.CreateObservableGauge("vwe.service.tiles.cache.bytes", () => cache.Bytes, "By", "Bytes of the tiles in memory");
        meter.CreateObservableGauge("vwe.service.tiles.cache.tiles", () => cache.Count, "{tile}", "Tiles in memory");
    }

    public void Answered(TileLayer layer, TileSource source)
    {
        var layerTag = new KeyValuePair<string, object?>("layer", TileLayers.Name(layer));
        answers.Add(1, layerTag, new KeyValuePair<string, object?>("source", source switch
        {
            TileSource.Cache => "cache",
            TileSource.Joined => "joined",
            _ => "rendered",
        }));
        if (source == TileSource.Cache)
        {
            hits.Add(1, layerTag);
        }
    }

    public void Rendered(TileLayer layer, TimeSpan elapsed)
    {
        var layerTag = new KeyValuePair<string, object?>("layer", TileLayers.Name(layer));
        rendered.Add(1, layerTag);
        renderDuration.Record(elapsed.TotalSeconds, layerTag);
    }
}
