using BenchmarkDotNet.Attributes;
using Vwe.WorldGen;

namespace Vwe.Benchmarks;

/// <summary>World construction = pre-generation (lakes, rivers, two stream passes), per seed.</summary>
[MemoryDiagnoser]
public class PregenerationBenchmarks
{
    [Params("hnLycKKCMI", "MWd8eV6svz")]
    public string Seed { get; set; } = "";

    [Params(1, 2)]
    public int Threads { get; set; }

    [Benchmark]
    public int Pregenerate() => new WorldGenerator(StableHash.WorldSeed(Seed), threads: Threads).RiverPointCount;
}
