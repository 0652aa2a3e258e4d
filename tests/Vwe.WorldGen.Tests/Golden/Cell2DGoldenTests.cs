using System.Buffers.Binary;
using System.Security.Cryptography;
using Vwe.Tests.Golden;
using Vwe.WorldGen.Noise;

namespace Vwe.WorldGen.Tests.Golden;

/// <summary>golden <c>fastnoise-cell2d.json</c>: FastNoise's CELL_2D table behind the AshLands cellular noise (spec §5.6).</summary>
public class Cell2DGoldenTests
{
    private static readonly Lazy<Cell2DFile> File = new(() => GoldenData.Read<Cell2DFile>("fastnoise-cell2d.json"));

    [Fact]
    public void The_golden_table_is_the_one_its_checksum_names()
    {
        Assert.Equal(256, File.Value.Count);
        Assert.Equal(256, File.Value.Pairs.Count);
        uint[] bits = File.Value.Pairs.SelectMany(pair => new[] { Bits.Parse(pair.X), Bits.Parse(pair.Y) }).ToArray();
        Assert.Equal(File.Value.Sha256OfFloat32PairsLittleEndian, Sha256OfLittleEndian(bits));
    }

    [Fact]
    public void The_generator_holds_every_pair_exactly_widened_from_float32()
    {
        Assert.Equal(256, Cell2D.X.Length);
        Assert.Equal(256, Cell2D.Y.Length);
        var differences = new Differences("fastnoise-cell2d.json");
        uint[] table = new uint[512];
        for (int i = 0; i < 256; i++)
        {
            // Widened from float32: narrowing back must be exact, or the table holds a double the game never had.
            differences.Equal($"pair #{i}", "x is a widened float32", Cell2D.X[i], (double)(float)Cell2D.X[i]);
            differences.Equal($"pair #{i}", "y is a widened float32", Cell2D.Y[i], (double)(float)Cell2D.Y[i]);
            table[2 * i] = Bits.Of((float)Cell2D.X[i]);
            table[(2 * i) + 1] = Bits.Of((float)Cell2D.Y[i]);
            differences.Bits($"pair #{i}", "x", Bits.Parse(File.Value.Pairs[i].X), table[2 * i]);
            differences.Bits($"pair #{i}", "y", Bits.Parse(File.Value.Pairs[i].Y), table[(2 * i) + 1]);
        }

        differences.AssertNone();
        Assert.Equal(File.Value.Sha256OfFloat32PairsLittleEndian, Sha256OfLittleEndian(table));
    }

    private static string Sha256OfLittleEndian(uint[] words)
    {
        byte[] bytes = new byte[words.Length * 4];
        for (int i = 0; i < words.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4 * i), words[i]);
        }

        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    public sealed record Cell2DFile(string Sha256OfFloat32PairsLittleEndian, int Count, IReadOnlyList<Cell2DPair> Pairs);

    public sealed record Cell2DPair(string X, string Y);
}
