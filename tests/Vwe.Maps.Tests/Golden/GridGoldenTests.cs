using System.Security.Cryptography;
using Vwe.Maps.Grid;
using Vwe.Tests.Golden;
using Vwe.WorldGen;

namespace Vwe.Maps.Tests.Golden;

/// <summary>
/// golden <c>grids/</c> (README §5): seven 512² grids at 48 m and the game's own 2048² / 12 m minimap grid of
/// hnLycKKCMI, sampled by <see cref="GridSampler"/> and compared byte for byte.
/// </summary>
public class GridGoldenTests
{
    /// <summary>
    /// SHA-256 of <c>tests/golden/grids/index.json</c> as committed: it pins the reference set (files, checksums,
    /// counts), so a trimmed or edited index fails here instead of silently testing less.
    /// </summary>
    private const string IndexSha256 = "99361c9e7b70faa1496ef7f786230e95e50fbbad16decb38a92f464dd82481a4";

    private static readonly Lazy<GridIndex> Index = new(() => GoldenData.Read<GridIndex>("grids/index.json"));

    public static TheoryData<string> GridFiles => [.. GoldenData.Read<GridIndex>("grids/index.json").Grids.Select(grid => grid.File)];

    [Fact]
    public void The_index_is_the_pinned_reference_set_of_eight_grids()
    {
        Assert.Equal(IndexSha256, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(GoldenData.PathOf("grids/index.json")))));
        Assert.Equal(8, Index.Value.Grids.Count);
        Assert.Equal(7, Index.Value.Grids.Count(grid => grid is { N: 512, PixelSize: 48 }));
        Assert.Single(Index.Value.Grids, grid => grid is { File: "hnLycKKCMI-2048.bin.gz", N: 2048, PixelSize: 12 });
    }

    [Theory]
    [MemberData(nameof(GridFiles))]
    public void The_golden_payload_is_the_one_the_index_names(string file)
    {
        GridEntry entry = Entry(file);
        byte[] payload = GoldenData.ReadBytes($"grids/{file}");

        Assert.Equal(entry.PayloadBytes, payload.Length);
        Assert.Equal((long)entry.N * entry.N * 6, payload.LongLength);
        Assert.Equal(entry.Sha256OfUncompressedPayload, Convert.ToHexStringLower(SHA256.HashData(payload)));
    }

    [Theory]
    [MemberData(nameof(GridFiles))]
    public void The_sampled_grid_is_the_golden_payload_byte_for_byte(string file)
    {
        GridEntry entry = Entry(file);
        Assert.Equal(entry.Seed, StableHash.WorldSeed(entry.SeedText));
        SampledGrid grid = SampledGrid.Get(entry.Seed, new GridSpec(entry.N, entry.PixelSize));

        string sha = Convert.ToHexStringLower(SHA256.HashData(grid.Payload));
        if (sha != entry.Sha256OfUncompressedPayload)
        {
            Assert.Fail($"{file} (seed {entry.Seed}, {entry.N}² at {entry.PixelSize} m): SHA-256 of the sampled payload is {sha}, expected {entry.Sha256OfUncompressedPayload}; " +
                FirstDifference(grid, GoldenData.ReadBytes($"grids/{file}")));
        }
    }

    [Theory]
    [MemberData(nameof(GridFiles))]
    public void Biome_counts_and_edge_pixels_match_the_index(string file)
    {
        GridEntry entry = Entry(file);
        SampledGrid grid = SampledGrid.Get(entry.Seed, new GridSpec(entry.N, entry.PixelSize));

        var counts = new Dictionary<string, int>();
        int minus400 = 0;
        for (int pixel = 0; pixel < grid.PixelCount; pixel++)
        {
            string biome = Biomes.Name(grid.BiomeAt(pixel));
            counts[biome] = counts.GetValueOrDefault(biome) + 1;
            if (grid.HeightBitsAt(pixel) == 0xC3C80000u)
            {
                minus400++;
            }
        }

        Assert.Equal(entry.BiomeCounts.OrderBy(pair => pair.Key, StringComparer.Ordinal), counts.OrderBy(pair => pair.Key, StringComparer.Ordinal));
        Assert.Equal(entry.HeightMinus400Count, minus400);
    }

    [Fact]
    public void One_thread_and_two_threads_give_the_same_bytes()
    {
        GridEntry entry = Entry("hnLycKKCMI-512.bin.gz");
        var spec = new GridSpec(entry.N, entry.PixelSize);

        SampledGrid oneThread = SampledGrid.Sample(entry.Seed, spec, threads: 1);
        SampledGrid twoThreads = SampledGrid.Get(entry.Seed, spec);

        if (!oneThread.Payload.AsSpan().SequenceEqual(twoThreads.Payload))
        {
            Assert.Fail($"threads 1 vs 2 differ: {FirstDifference(twoThreads, oneThread.Payload)}");
        }
    }

    private static GridEntry Entry(string file) => Index.Value.Grids.Single(grid => grid.File == file);

    /// <summary>Names the first pixel (row, column, world x/z) whose biome or height differs from <paramref name="expected"/>.</summary>
    private static string FirstDifference(SampledGrid actual, byte[] expected)
    {
        if (expected.Length != actual.Payload.Length)
        {
            return $"payload lengths differ: expected {expected.Length} bytes, actual {actual.Payload.Length}";
        }

        int differing = 0;
        string? first = null;
        for (int pixel = 0; pixel < actual.PixelCount; pixel++)
        {
            Biome expectedBiome = SampledGrid.BiomeAt(expected, pixel);
            uint expectedHeight = SampledGrid.HeightBitsAt(expected, actual.PixelCount, pixel);
            if (expectedBiome == actual.BiomeAt(pixel) && expectedHeight == actual.HeightBitsAt(pixel))
            {
                continue;
            }

            differing++;
            if (first is null)
            {
                int row = pixel / actual.Size;
                int column = pixel % actual.Size;
                first = $"first differing pixel row {row}, column {column} (x {Bits.Describe(actual.Grid.X(column))}, " +
                    $"z {Bits.Describe(actual.Grid.Z(row))}): biome expected {expectedBiome}, actual {actual.BiomeAt(pixel)}; " +
                    $"height expected {Bits.Describe(expectedHeight)}, actual {Bits.Describe(actual.HeightBitsAt(pixel))}";
            }
        }

        return first is null ? "no pixel differs (?)" : $"{differing} pixel(s) differ; {first}";
    }

    public sealed record GridIndex(IReadOnlyList<GridEntry> Grids);

    public sealed record GridEntry(
        string File,
        string SeedText,
        int Seed,
        int N,
        double PixelSize,
        int PayloadBytes,
        string Sha256OfUncompressedPayload,
        IReadOnlyDictionary<string, int> BiomeCounts,
        int HeightMinus400Count,
        int PixelsDifferingWhenEvaluatedInReverseOrder);
}
