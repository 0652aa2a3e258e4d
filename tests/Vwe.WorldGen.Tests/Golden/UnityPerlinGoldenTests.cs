using System.Security.Cryptography;
using Vwe.Tests.Golden;
using Vwe.WorldGen.Unity;

namespace Vwe.WorldGen.Tests.Golden;

/// <summary>golden <c>perlin.json</c> and <c>perlin-permutation.json</c> (README §3): <c>Mathf.PerlinNoise</c>.</summary>
public class UnityPerlinGoldenTests
{
    private const int ExpectedCases = 6444;

    private static readonly Lazy<PerlinFile> File = new(() => GoldenData.Read<PerlinFile>("perlin.json.gz"));

    [Fact]
    public void The_golden_set_holds_all_6444_cases()
    {
        Assert.Equal(ExpectedCases, File.Value.Count);
        Assert.Equal(ExpectedCases, File.Value.Groups.Sum(group => group.Cases.Count));
    }

    [Fact]
    public void Every_case_matches_bit_for_bit()
    {
        var differences = new Differences("perlin.json");
        foreach (PerlinGroup group in File.Value.Groups)
        {
            for (int i = 0; i < group.Cases.Count; i++)
            {
                PerlinCase item = group.Cases[i];
                uint x = Bits.Parse(item.X);
                uint y = Bits.Parse(item.Y);
                float result = UnityPerlin.PerlinNoise(BitConverter.UInt32BitsToSingle(x), BitConverter.UInt32BitsToSingle(y));
                differences.Bits($"{group.Name} #{i} at ({Bits.Describe(x)}, {Bits.Describe(y)})", "PerlinNoise", Bits.Parse(item.R), result);
            }
        }

        differences.AssertNone();
    }

    [Fact]
    public void The_permutation_is_Ken_Perlins_and_the_generator_uses_it_repeated()
    {
        PermutationFile golden = GoldenData.Read<PermutationFile>("perlin-permutation.json");
        byte[] perm = golden.Perm.Select(entry => checked((byte)entry)).ToArray();
        Assert.Equal(256, perm.Length);
        Assert.Equal(golden.Sha256OfBytes, Convert.ToHexStringLower(SHA256.HashData(perm)));

        byte[] table = PerlinPermutation.Table;
        Assert.Equal(512, table.Length);
        Assert.Equal(perm, table[..256]);
        Assert.Equal(perm, table[256..]);
        Assert.Equal(golden.Sha256OfBytes, Convert.ToHexStringLower(SHA256.HashData(table.AsSpan(0, 256))));
    }

    public sealed record PerlinFile(int Count, IReadOnlyList<PerlinGroup> Groups);

    public sealed record PerlinGroup(string Name, IReadOnlyList<PerlinCase> Cases);

    public sealed record PerlinCase(string X, string Y, string R);

    public sealed record PermutationFile(string Sha256OfBytes, IReadOnlyList<int> Perm);
}
