using System.Collections.Concurrent;
using Vwe.Tests.Golden;

namespace Vwe.WorldGen.Tests.Golden.Worlds;

/// <summary>One golden <c>worlds/&lt;name&gt;.json</c> (README §4). Only the fields the tests check are read.</summary>
public sealed record GoldenWorldFile(
    string SeedText,
    int Seed,
    int WorldGenVersion,
    IReadOnlyList<int> Offsets,
    int RiverSeed,
    int StreamSeed,
    GoldenPregeneration Pregeneration,
    GoldenRiverCacheState RiverCacheAfterPregeneration,
    GoldenEvaluation Evaluation,
    IReadOnlyList<GoldenPoint> Points,
    IReadOnlyList<IReadOnlyList<double>> Lakes,
    IReadOnlyList<GoldenRiver> Rivers,
    IReadOnlyList<GoldenRiver> Streams,
    IReadOnlyList<GoldenRiverCell> SampleRiverCells)
{
    /// <summary>The seven golden worlds, by file name (README "Worlds").</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["hnLycKKCMI", "MWd8eV6svz", "hnBd9gJf2G", "HHcLC5acQt", "empty", "2gcIuu0k0L", "UmzX2K5xe5"];

    private static readonly ConcurrentDictionary<string, Lazy<GoldenWorldFile>> Cache = new();

    /// <summary>The parsed file of a world, read once per test run.</summary>
    public static GoldenWorldFile Load(string name) =>
        Cache.GetOrAdd(name, static n => new Lazy<GoldenWorldFile>(() => GoldenData.Read<GoldenWorldFile>($"worlds/{n}.json.gz"))).Value;
}

/// <summary>The pre-generation fingerprint: list and river-grid sizes after construction.</summary>
public sealed record GoldenPregeneration(int Lakes, int Rivers, int Streams, int RiverCells, int RiverPoints);

public sealed record GoldenRiverCacheState(IReadOnlyList<int> Cell, bool Stale, int CachedPointCount, int CurrentPointCount);

public sealed record GoldenEvaluation(int Candidates, int Dropped, int Kept);

/// <summary>A river or stream; coordinates and widths are float32 decimals.</summary>
public sealed record GoldenRiver(
    IReadOnlyList<double> P0,
    IReadOnlyList<double> P1,
    IReadOnlyList<double> Center,
    double WidthMin,
    double WidthMax,
    double CurveWidth,
    double CurveWavelength);

/// <summary>The complete ordered point list of one river-grid cell: <c>[px, pz, w, w²]</c> bit patterns.</summary>
public sealed record GoldenRiverCell(IReadOnlyList<int> Cell, int PointCount, IReadOnlyList<IReadOnlyList<string>> Points);

/// <summary>One point sample: coordinates as float32 decimals, every output as a bit pattern.</summary>
public sealed record GoldenPoint(
    double X,
    double Z,
    string Tag,
    int Biome,
    string Height,
    string Base,
    string Forest,
    string RiverWeight,
    string RiverWidth,
    IReadOnlyList<string> Mask);
