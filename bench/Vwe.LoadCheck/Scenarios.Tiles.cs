using System.Diagnostics;
using System.Globalization;

namespace Vwe.LoadCheck;

/// <summary>
/// Map tiles (docs/tiles.md): render latency of tiles never asked for before on a warm world, cached tiles, and
/// the time to a first screen of tiles for a cold and a warm world.
/// </summary>
internal sealed partial class Scenarios
{
    private const int SeedInt = 1706363555; // hnLycKKCMI

    /// <summary>A screen of 1536 × 1024 px: 6 × 4 tiles at level 3, the whole world in view.</summary>
    private static readonly (int X, int Y)[] Screen = [.. Enumerable.Range(1, 6).SelectMany(x => Enumerable.Range(2, 4).Select(y => (x, y)))];

    public async Task TilesAsync()
    {
        // Both engines load the world (a tile's bands go to both); afterwards every tile finds it warm.
        await ReadAsync(client, TilePath("terrain", 3, 3, 3));
        await ReadAsync(client, TilePath("biomes", 3, 3, 3));
        foreach (string layer in new[] { "biomes", "terrain" })
        {
            // Level 7 (0.75 m) tiles inside the world, each asked for once: rendered, never from the cache.
            int next = -1;
            await LatencyAsync($"{layer} tile, warm world, not cached (level 7)", _ =>
            {
                int n = Interlocked.Increment(ref next);
                return TilePath(layer, 7, 24 + (n % 80), 24 + (n / 80 % 80));
            });
        }

        // 64 level-4 tiles rendered once, then asked for at random.
        for (int n = 0; n < 64; n++)
        {
            await ReadAsync(client, TilePath("terrain", 4, 4 + (n % 8), 4 + (n / 8)));
        }

        await LatencyAsync("terrain tile, cached (level 4)", random =>
        {
            int n = random.Next(64);
            return TilePath("terrain", 4, 4 + (n % 8), 4 + (n / 8));
        });
        await FirstScreensAsync();
    }

    /// <summary>A browser's first screen: 24 terrain tiles over 6 connections, for a seed never seen and for a warm one.</summary>
    private async Task FirstScreensAsync()
    {
        Console.WriteLine();
        Console.WriteLine("| first screen (24 terrain tiles at level 3, 6 connections) | run 1 | run 2 | run 3 | median |");
        Console.WriteLine("|---|---|---|---|---|");
        var cold = new double[3];
        var warm = new double[3];
        for (int i = 0; i < 3; i++)
        {
            int seed = Random.Shared.Next(); // any int is a world; one never asked for in this run
            cold[i] = await ScreenAsync(seed, "terrain");

            // The same world again, another layer so no tile is cached: the world is loaded now.
            warm[i] = await ScreenAsync(seed, "biomes");
        }

        Console.WriteLine(ScreenRow("cold seed (world not loaded)", cold));
        Console.WriteLine(ScreenRow("warm seed (world loaded, tiles not cached)", warm));
    }

    private async Task<double> ScreenAsync(int seed, string layer)
    {
        var queue = new Queue<(int X, int Y)>(Screen);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            while (true)
            {
                (int X, int Y) tile;
                lock (queue)
                {
                    if (!queue.TryDequeue(out tile))
                    {
                        return;
                    }
                }

                if (!await ReadAsync(client, TilePath(layer, 3, tile.X, tile.Y, seed)))
                {
                    throw new InvalidOperationException($"tile {layer} 3/{tile.X}/{tile.Y} of seed {seed} failed");
                }
            }
        }));
        return clock.Elapsed.TotalMilliseconds;
    }

    private static string ScreenRow(string what, double[] milliseconds) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {what} | {milliseconds[0]:0} ms | {milliseconds[1]:0} ms | {milliseconds[2]:0} ms | {milliseconds.Order().ElementAt(1):0} ms |");

    private static string TilePath(string layer, int zoom, int x, int y, int seed = SeedInt) =>
        string.Create(CultureInfo.InvariantCulture, $"/api/v1/tiles/g2-e1/{layer}/{seed}/{zoom}/{x}/{y}.png");
}
