using System.Globalization;
using System.Text.Json;
using Vwe.WorldGen;

namespace Vwe.Cli.Tests;

public class PointCommandTests
{
    private const string ReferenceSeedText = "hnLycKKCMI";
    private const int ReferenceSeed = 1706363555;

    /// <summary>Spec §10.3: seed hnLycKKCMI, (x, z as typed, biome flag, height float32 bits).</summary>
    private static readonly (string X, string Z, Biome Biome, uint HeightBits)[] ReferencePoints =
    [
        ("0", "0", Biome.Meadows, 0x410B88B8),
        ("800", "0", Biome.Meadows, 0x42816892),
        ("-800", "400", Biome.Mountain, 0x42B9CF7B),
        ("-3200", "800", Biome.Plains, 0x415AABB9),
        ("-3200", "1200", Biome.Swamp, 0x41EF44C7),
        ("-9200", "400", Biome.BlackForest, 0x42024D19),
        ("8800", "-400", Biome.Mistlands, 0x42B60000),
        ("5200", "8000", Biome.DeepNorth, 0x42BC8171),
        ("-3600", "-8000", Biome.AshLands, 0x418A351E),
        ("0", "-9000", Biome.AshLands, 0x420CFF78),
        ("-2400", "0", Biome.Ocean, 0x3ECCCBCF),
        ("10200", "0", Biome.Ocean, 0xC1AEB977),
        ("10600", "0", Biome.Ocean, 0xC3C80000),
        ("1200", "-1200", Biome.BlackForest, 0x41FEB53D),
        ("400", "-2800", Biome.Swamp, 0x41CC87B8),
        ("6800", "-4800", Biome.Mistlands, 0x41E00000),
        ("1234.5", "-678.25", Biome.BlackForest, 0x4164E708),
        ("-4321.125", "2345.75", Biome.Swamp, 0x41EE574D),
        ("3333.3", "3333.3", Biome.Plains, 0x428AF953),
        ("-7777.7", "-1111.1", Biome.Mistlands, 0x41F00001),
    ];

    [Fact]
    public void Reference_points_of_spec_10_3_have_the_game_biome_and_height()
    {
        string[] args = ["point", ReferenceSeedText, .. ReferencePoints.SelectMany(p => new[] { "--at", $"{p.X},{p.Z}" })];

        CliResult result = Cli.Run(args);

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        string[] lines = Lines(result.Output);
        Assert.Equal(ReferencePoints.Length, lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            (string x, string z, Biome biome, uint heightBits) = ReferencePoints[i];
            using var json = JsonDocument.Parse(lines[i]);
            JsonElement point = json.RootElement;
            string where = $"point {i + 1} ({x},{z})";
            Assert.True(ReferenceSeed == point.GetProperty("seed").GetInt32(), $"{where}: seed");
            Assert.True(ParseFloat(x) == ReadFloat(point, "x"), $"{where}: x");
            Assert.True(ParseFloat(z) == ReadFloat(point, "z"), $"{where}: z");
            Assert.True((int)biome == point.GetProperty("biome").GetProperty("flag").GetInt32(), $"{where}: biome flag");
            Assert.True(Biomes.Name(biome) == point.GetProperty("biome").GetProperty("name").GetString(), $"{where}: biome name");
            uint printed = BitConverter.SingleToUInt32Bits(ReadFloat(point, "height"));
            Assert.True(heightBits == printed, $"{where}: height 0x{printed:X8}, expected 0x{heightBits:X8}");
        }
    }

    [Fact]
    public void Golden_points_read_from_a_file_match_every_field_bit_for_bit()
    {
        using JsonDocument world = GoldenData.ReadDocument($"worlds/{ReferenceSeedText}.json.gz");
        JsonElement[] golden = [.. world.RootElement.GetProperty("points").EnumerateArray()];
        using var file = new TempFile(string.Join('\n', golden.Select(p =>
            string.Create(CultureInfo.InvariantCulture, $"{Bits.FromDecimal(p.GetProperty("x").GetDouble()):R},{Bits.FromDecimal(p.GetProperty("z").GetDouble()):R}"))));

        CliResult result = Cli.Run("point", ReferenceSeedText, "--in", file.Path);

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        string[] lines = Lines(result.Output);
        Assert.Equal(golden.Length, lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            JsonElement expected = golden[i];
            using var json = JsonDocument.Parse(lines[i]);
            JsonElement point = json.RootElement;
            string where = $"{file.Path}:{i + 1} ({expected.GetProperty("x")},{expected.GetProperty("z")})";
            Assert.True(
                expected.GetProperty("biome").GetInt32() == point.GetProperty("biome").GetProperty("flag").GetInt32(), $"{where}: biome");
            AssertBits(expected, "height", point, "height", where);
            AssertBits(expected, "base", point, "baseHeight", where);
            AssertBits(expected, "riverWeight", point, "riverWeight", where);
            AssertBits(expected, "forest", point, "forestFactor", where);
        }
    }

    [Fact]
    public void Int_seed_gives_the_same_lines_as_its_seed_text()
    {
        CliResult text = Cli.Run("point", ReferenceSeedText, "--at", "0,0", "--at", "-9200,400");
        CliResult number = Cli.Run("point", "--int", ReferenceSeed.ToString(CultureInfo.InvariantCulture), "--at", "0,0", "--at", "-9200,400");

        Assert.Equal((0, 0), (text.ExitCode, number.ExitCode));
        Assert.Equal(2, Lines(text.Output).Length);
        Assert.Equal(text.Output, number.Output);
    }

    [Fact]
    public void Digits_without_int_are_seed_text()
    {
        CliResult result = Cli.Run("point", "12345", "--at", "0,0");

        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(StableHash.WorldSeed("12345"), json.RootElement.GetProperty("seed").GetInt32());
        Assert.NotEqual(12345, StableHash.WorldSeed("12345"));
    }

    [Fact]
    public void File_points_skip_blank_lines_and_comments_and_follow_the_at_points()
    {
        using var file = new TempFile("# reference points\r\n\r\n  -3200 , 800  \r\n1234.5,-678.25 # BlackForest\n\n   # indented comment\n-0,0\n");

        CliResult result = Cli.Run("point", ReferenceSeedText, "--at", "800,0", "--in", file.Path, "--at", "0,-9000");

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        (float, float)[] printed = [.. Lines(result.Output).Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            return (ReadFloat(json.RootElement, "x"), ReadFloat(json.RootElement, "z"));
        })];
        Assert.Equal([(800f, 0f), (0f, -9000f), (-3200f, 800f), (1234.5f, -678.25f), (-0f, 0f)], printed);
    }

    [Fact]
    public void Negative_zero_is_printed_as_negative_zero()
    {
        CliResult result = Cli.Run("point", ReferenceSeedText, "--at", "-0,0");

        Assert.StartsWith("{\"seed\":1706363555,\"x\":-0,\"z\":0,", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_have_exactly_the_documented_fields_in_order()
    {
        CliResult result = Cli.Run("point", ReferenceSeedText, "--at", "-9200,400");

        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(
            ["seed", "x", "z", "biome", "height", "baseHeight", "riverWeight", "forestFactor"],
            json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["flag", "name"], json.RootElement.GetProperty("biome").EnumerateObject().Select(p => p.Name));
        Assert.EndsWith("}\n", result.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> BadInputs => new()
    {
        { ["point", ReferenceSeedText, "--at", "0,0", "--at", "12,abc"], "--at #2 '12,abc': z 'abc' is not a number" },
        { ["point", ReferenceSeedText, "--at", "NaN,0"], "--at #1 'NaN,0': x 'NaN' is not a finite" },
        { ["point", ReferenceSeedText, "--at", "0,-Infinity"], "z '-Infinity' is not a finite" },
        { ["point", ReferenceSeedText, "--at", "1e39,0"], "x '1e39' is not a finite" },
        { ["point", ReferenceSeedText, "--at", "1234,5,-678,25"], "--at #1 '1234,5,-678,25': expected X,Z" },
        { ["point", ReferenceSeedText, "--at", "800"], "--at #1 '800': expected X,Z" },
        { ["point", ReferenceSeedText], "No point given" },
        { ["point", ReferenceSeedText, "--at", "0,0", "--bogus"], "'--bogus'" },
        { ["point", ReferenceSeedText, "--in", "/nonexistent/vwe-points.txt"], "cannot read --in file '/nonexistent/vwe-points.txt'" },
        { ["point", ReferenceSeedText, "--in", ""], "--in is empty" },
        { ["point", ReferenceSeedText, "--in", Path.GetTempPath()], "is a folder" },
        { ["point", new string('a', 4097), "--at", "0,0"], "4097" },
        { ["point", "--int", "abc", "--at", "0,0"], "'abc' is not an int seed" },
        { ["point", "--int", "2147483648", "--at", "0,0"], "'2147483648' is not an int seed" },
        { ["point", ReferenceSeedText, "--at"], "--at" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_is_one_line_on_stderr_with_exit_2_and_nothing_on_stdout(string[] args, string named)
    {
        CliResult result = Cli.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Single(Lines(result.Error));
        Assert.StartsWith("vwe: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(named, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_file_line_is_named_by_file_and_line_number()
    {
        using var file = new TempFile("# header\n0,0\n\n1,2;3\n4,5\n");

        CliResult result = Cli.Run("point", ReferenceSeedText, "--in", file.Path);

        Assert.Equal((2, ""), (result.ExitCode, result.Output));
        Assert.Equal($"vwe: {file.Path}:4: '1,2;3': z '2;3' is not a number (e.g. -3200,800 or 1234.5,-678.25).", result.Error.TrimEnd());
    }

    [Fact]
    public void An_empty_file_prints_nothing_and_succeeds()
    {
        using var file = new TempFile("# nothing yet\n\n");

        CliResult result = Cli.Run("point", ReferenceSeedText, "--in", file.Path);

        Assert.Equal((0, "", ""), (result.ExitCode, result.Output, result.Error));
    }

    [Fact]
    public void Help_describes_the_options_and_exits_0()
    {
        CliResult result = Cli.Run("point", "--help");

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Contains("--at <X,Z>", result.Output, StringComparison.Ordinal);
        Assert.Contains("--in <FILE>", result.Output, StringComparison.Ordinal);
        Assert.Contains("docs/point.md", result.Output, StringComparison.Ordinal);
    }

    internal static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static float ParseFloat(string text) => float.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The printed number as float32 (GetSingle parses the exact text, so "-0" stays negative).</summary>
    private static float ReadFloat(JsonElement point, string name) => point.GetProperty(name).GetSingle();

    private static void AssertBits(JsonElement expected, string goldenName, JsonElement point, string name, string where)
    {
        uint want = Bits.Parse(expected.GetProperty(goldenName).GetString()!);
        uint got = BitConverter.SingleToUInt32Bits(ReadFloat(point, name));
        Assert.True(want == got, $"{where}: {name} 0x{got:X8}, expected 0x{want:X8}");
    }
}
