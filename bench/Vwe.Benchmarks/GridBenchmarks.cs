using BenchmarkDotNet.Attributes;
using Vwe.Maps.Grid;
using Vwe.WorldGen;

namespace Vwe.Benchmarks;

/// <summary>
/// Biome + height of a whole grid covering the minimap square (24 576 m): 512² at 48 m and the game's 2048² at
/// 12 m, on 1 and 2 threads. The sink only counts, so this is sampling alone.
/// </summary>
[MemoryDiagnoser]
public class GridBenchmarks
{
    private WorldGenerator generator = null!;

    [Params(512, 2048)]
    public int Size { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup() => generator = new WorldGenerator(StableHash.WorldSeed("hnLycKKCMI"));

    [Benchmark]
    public long Sample()
    {
        var sink = new CountingSink();
        GridSampler.Sample(generator, new GridSpec(Size, 24576.0 / Size), GridLayers.None, Threads, [sink]);
        return sink.Pixels;
    }

    private sealed class CountingSink : IGridSink
    {
        public long Pixels { get; private set; }

        public void Write(GridBand band) => Pixels += band.PixelCount;

        public void Complete()
        {
        }

        public void Dispose()
        {
        }
    }
}
