using System.Diagnostics;

namespace Vwe.Service.Tiles;

/// <summary>
/// Tiles kept in memory, least recently used evicted first once their bytes pass <see cref="CapacityBytes"/>
/// (a tile larger than the whole capacity is served but not kept). Requests for a tile that is being rendered
/// wait for that render: a tile is rendered once however many ask at the same moment. A render runs to its end
/// even when the requests that wanted it leave (the tile is cached for the next one); a failed render is not
/// cached, so the next request tries again.
/// </summary>
public sealed class TileCache(long capacityBytes)
{
    private readonly Lock gate = new();
    private readonly Dictionary<TileKey, LinkedListNode<(TileKey Key, RenderedTile Tile)>> entries = [];
    private readonly LinkedList<(TileKey Key, RenderedTile Tile)> recency = new();
    private readonly Dictionary<TileKey, Task<RenderedTile>> rendering = [];
    private long bytes;

    public long CapacityBytes { get; } = capacityBytes >= 0 ? capacityBytes : throw new ArgumentOutOfRangeException(nameof(capacityBytes));

    /// <summary>Bytes of PNG held now.</summary>
    public long Bytes
    {
        get
        {
            lock (gate)
            {
                return bytes;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>
    /// The tile of <paramref name="key"/>: from the cache, else from the render in flight, else from a new call of
    /// <paramref name="render"/> (never cancelled by <paramref name="cancellationToken"/>, which only stops the wait).
    /// </summary>
    public async Task<(RenderedTile Tile, TileSource Source)> GetAsync(
        TileKey key, Func<TileKey, Task<RenderedTile>> render, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(render);
        Task<RenderedTile> task;
        TileSource source;
        lock (gate)
        {
            if (entries.TryGetValue(key, out var node))
            {
                recency.Remove(node);
                recency.AddFirst(node);
                return (node.Value.Tile, TileSource.Cache);
            }

            if (rendering.TryGetValue(key, out Task<RenderedTile>? running))
            {
                task = running;
                source = TileSource.Joined;
            }
            else
            {
                task = RenderThenKeepAsync(key, render);
                rendering[key] = task;
                source = TileSource.Rendered;
            }
        }

        return (await task.WaitAsync(cancellationToken).ConfigureAwait(false), source);
    }

    private async Task<RenderedTile> RenderThenKeepAsync(TileKey key, Func<TileKey, Task<RenderedTile>> render)
    {
        // Off the caller's stack: the lock in GetAsync is held while this task is created.
        await Task.Yield();
        try
        {
            RenderedTile tile = await render(key).ConfigureAwait(false);
            Keep(key, tile);
            return tile;
        }
        finally
        {
            lock (gate)
            {
                rendering.Remove(key);
            }
        }
    }

    private void Keep(TileKey key, RenderedTile tile)
    {
        lock (gate)
        {
            if (tile.Png.LongLength > CapacityBytes || entries.ContainsKey(key))
            {
                return;
            }

            entries[key] = recency.AddFirst((key, tile));
            bytes += tile.Png.LongLength;
            while (bytes > CapacityBytes && recency.Last is { } oldest)
            {
                recency.RemoveLast();
                entries.Remove(oldest.Value.Key);
                bytes -= oldest.Value.Tile.Png.LongLength;
            }

            Debug.Assert(bytes >= 0 && bytes <= CapacityBytes, "the cache holds at most its capacity");
        }
    }
}
