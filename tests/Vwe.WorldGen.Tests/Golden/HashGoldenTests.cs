using System.Globalization;
using Vwe.Tests.Golden;

namespace Vwe.WorldGen.Tests.Golden;

/// <summary>golden <c>hash.json</c> (README §1): <c>GetStableHashCode</c> and the world seed of 269 seed texts.</summary>
public class HashGoldenTests
{
    private const int ExpectedCases = 269;

    private static readonly Lazy<HashFile> File = new(() => GoldenData.Read<HashFile>("hash.json.gz"));

    [Fact]
    public void The_golden_set_holds_all_269_cases()
    {
        Assert.Equal(ExpectedCases, File.Value.Count);
        Assert.Equal(ExpectedCases, File.Value.Cases.Count + File.Value.CodeUnitOnlyCases.Count);
    }

    [Fact]
    public void Every_text_hashes_and_seeds_as_the_game_does()
    {
        var differences = new Differences("hash.json cases");
        for (int i = 0; i < File.Value.Cases.Count; i++)
        {
            HashCase item = File.Value.Cases[i];
            string where = $"case #{i} ({item.Category}, {Describe(item.Text)})";

            // The parsed text must be the one the file means before its hash says anything.
            differences.Equal(where, "length", item.Length, item.Text.Length);
            if (item.CodeUnits is not null)
            {
                differences.Equal(where, "code units", item.CodeUnits, CodeUnits(item.Text));
            }

            differences.Equal(where, "hash", item.Hash, StableHash.GetStableHashCode(item.Text));
            differences.Equal(where, "worldSeed", item.WorldSeed, StableHash.WorldSeed(item.Text));
        }

        differences.AssertNone();
    }

    [Fact]
    public void Texts_given_only_as_code_units_hash_as_the_game_does()
    {
        var differences = new Differences("hash.json codeUnitOnlyCases");
        Assert.NotEmpty(File.Value.CodeUnitOnlyCases);
        for (int i = 0; i < File.Value.CodeUnitOnlyCases.Count; i++)
        {
            CodeUnitCase item = File.Value.CodeUnitOnlyCases[i];
            string text = FromCodeUnits(item.CodeUnits);
            string where = $"code-unit case #{i} ({item.Category}, {item.CodeUnits})";
            differences.Equal(where, "length", item.Length, text.Length);
            differences.Equal(where, "hash", item.Hash, StableHash.GetStableHashCode(text));
            differences.Equal(where, "worldSeed", item.WorldSeed, StableHash.WorldSeed(text));
        }

        differences.AssertNone();
    }

    private static string FromCodeUnits(string codeUnits) =>
        new(codeUnits.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(unit => (char)ushort.Parse(unit, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture))
            .ToArray());

    private static string CodeUnits(string text) =>
        string.Join(' ', text.Select(unit => ((int)unit).ToString("X4", CultureInfo.InvariantCulture)));

    private static string Describe(string text) =>
        text.Length <= 24 && text.All(c => c is >= ' ' and <= '~') ? $"\"{text}\"" : $"{text.Length} code units";

    public sealed record HashFile(int Count, IReadOnlyList<HashCase> Cases, IReadOnlyList<CodeUnitCase> CodeUnitOnlyCases);

    public sealed record HashCase(string Category, string Text, int Length, int Hash, int WorldSeed, string? CodeUnits = null);

    public sealed record CodeUnitCase(string Category, string CodeUnits, int Length, int Hash, int WorldSeed);
}
