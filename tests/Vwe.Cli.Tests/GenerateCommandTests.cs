using System.Globalization;
using System.Text.Json;
using Vwe.WorldGen;

namespace Vwe.Cli.Tests;

/// <summary><c>vwe generate</c> in-process, writing real files into temp folders (small grids; the full default runs in <see cref="GenerateProcessTests"/>).</summary>
public class GenerateCommandTests
{
    private const string SeedText = "hnLycKKCMI";
    private const string SeedInt = "1706363555";
    private const string Key512 = "1706363555-g2-e1-512x48";

    private static readonly string[] Grid512 = ["--size", "512", "--pixel-size", "48"];

    [Fact]
    public void The_golden_512_grid_is_written_with_a_manifest_of_every_file_and_a_run_record()
    {
        using var temp = new TempDirectory();
        string output = temp.Combine("out");

        CliResult result = Cli.Run(["generate", SeedText, .. Grid512, "--out", output]);

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Equal(GoldenData.GridSha256("hnLycKKCMI-512.bin.gz"), GoldenData.Sha256(Path.Combine(output, "grid.bin")));
        Assert.Equal(
            ["biomes.png", "grid.bin", "manifest.json", "run.json", "terrain.png"],
            Directory.EnumerateFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        using JsonDocument manifest = ReadJson(output, "manifest.json");
        JsonElement root = manifest.RootElement;
        Assert.Equal(Key512, root.GetProperty("worldKey").GetString());
        Assert.Equal(SeedText, root.GetProperty("seedText").GetString());
        Assert.Equal(["bin", "png"], root.GetProperty("formats").EnumerateArray().Select(format => format.GetString()));
        JsonElement[] listed = [.. root.GetProperty("files").EnumerateArray()];
        Assert.Equal(["biomes.png", "grid.bin", "terrain.png"], listed.Select(file => file.GetProperty("name").GetString()));
        foreach (JsonElement file in listed)
        {
            string path = Path.Combine(output, file.GetProperty("name").GetString()!);
            Assert.Equal(new FileInfo(path).Length, file.GetProperty("bytes").GetInt64());
            Assert.Equal(GoldenData.Sha256(path), file.GetProperty("sha256").GetString());
        }

        using JsonDocument run = ReadJson(output, "run.json");
        string started = run.RootElement.GetProperty("startedUtc").GetString()!;
        Assert.EndsWith("Z", started, StringComparison.Ordinal);
        DateTime startedUtc = DateTime.Parse(started, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        Assert.InRange(startedUtc, DateTime.UtcNow.AddMinutes(-10), DateTime.UtcNow.AddMinutes(1));

        Assert.Contains(Key512, result.Output, StringComparison.Ordinal);
        Assert.Contains(Path.GetFullPath(output), result.Output, StringComparison.Ordinal);
        Assert.Contains("grid.bin", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_int_seed_gives_the_same_world_key_and_data_files_as_its_text()
    {
        using var temp = new TempDirectory();

        CliResult fromText = Cli.Run(["generate", SeedText, .. Grid512, "--json", "--out", temp.Combine("text")]);
        CliResult fromInt = Cli.Run(["generate", "--int", SeedInt, .. Grid512, "--json", "--out", temp.Combine("int")]);

        Assert.Equal((0, 0), (fromText.ExitCode, fromInt.ExitCode));
        using JsonDocument text = JsonDocument.Parse(fromText.Output);
        using JsonDocument number = JsonDocument.Parse(fromInt.Output);
        Assert.Equal(Key512, text.RootElement.GetProperty("worldKey").GetString());
        Assert.Equal(Key512, number.RootElement.GetProperty("worldKey").GetString());
        foreach (string name in new[] { "grid.bin", "biomes.png", "terrain.png" })
        {
            Assert.Equal(File.ReadAllBytes(temp.Combine("text", name)), File.ReadAllBytes(temp.Combine("int", name)));
        }

        using JsonDocument manifest = ReadJson(temp.Combine("int"), "manifest.json");
        Assert.Equal(JsonValueKind.Null, manifest.RootElement.GetProperty("seedText").ValueKind);
    }

    [Fact]
    public void Digits_are_seed_text_and_hashed_as_the_game_does()
    {
        using var temp = new TempDirectory();

        CliResult result = Cli.Run("generate", "12345", "--size", "16", "--pixel-size", "1536", "--json", "--out", temp.Combine("out"));

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        using JsonDocument json = JsonDocument.Parse(result.Output);
        int seed = StableHash.WorldSeed("12345");
        Assert.NotEqual(12345, seed);
        Assert.Equal(seed, json.RootElement.GetProperty("seed").GetInt32());
        Assert.StartsWith(seed.ToString(CultureInfo.InvariantCulture) + "-g2-e1-16x1536", json.RootElement.GetProperty("worldKey").GetString(), StringComparison.Ordinal);
        using JsonDocument manifest = ReadJson(temp.Combine("out"), "manifest.json");
        Assert.Equal("12345", manifest.RootElement.GetProperty("seedText").GetString());
    }

    [Fact]
    public void One_and_two_threads_write_the_same_manifest()
    {
        using var temp = new TempDirectory();

        CliResult one = Cli.Run(["generate", SeedText, .. Grid512, "--threads", "1", "--out", temp.Combine("1")]);
        CliResult two = Cli.Run(["generate", SeedText, .. Grid512, "--threads", "2", "--out", temp.Combine("2")]);

        Assert.Equal((0, 0), (one.ExitCode, two.ExitCode));
        Assert.Equal(File.ReadAllBytes(temp.Combine("1", "manifest.json")), File.ReadAllBytes(temp.Combine("2", "manifest.json")));
        Assert.Contains("1 thread)", one.Output, StringComparison.Ordinal);
        Assert.Contains("2 threads)", two.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_prints_the_export_result_as_one_document_matching_the_files()
    {
        using var temp = new TempDirectory();
        string output = temp.Combine("out");

        CliResult result = Cli.Run(["generate", SeedText, .. Grid512, "--json", "--out", output]);

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Single(PointCommandTests.Lines(result.Output));
        using JsonDocument json = JsonDocument.Parse(result.Output);
        JsonElement root = json.RootElement;
        Assert.Equal(Key512, root.GetProperty("worldKey").GetString());
        Assert.Equal(1706363555, root.GetProperty("seed").GetInt32());
        Assert.Equal(Path.GetFullPath(output), root.GetProperty("outputDirectory").GetString());
        JsonElement[] files = [.. root.GetProperty("files").EnumerateArray()];
        Assert.Equal(
            Directory.EnumerateFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal),
            files.Select(file => file.GetProperty("name").GetString()));
        foreach (JsonElement file in files)
        {
            string path = Path.Combine(output, file.GetProperty("name").GetString()!);
            Assert.Equal(new FileInfo(path).Length, file.GetProperty("bytes").GetInt64());
            Assert.Equal(GoldenData.Sha256(path), file.GetProperty("sha256").GetString());
        }

        JsonElement timings = root.GetProperty("timings");
        Assert.True(timings.GetProperty("pregenerationMs").GetInt64() > 0, "pre-generation took no time");
        long rounding = timings.GetProperty("totalMs").GetInt64()
            - timings.GetProperty("pregenerationMs").GetInt64() - timings.GetProperty("exportMs").GetInt64();
        Assert.InRange(rounding, -1, 1);
    }

    [Fact]
    public void The_json_format_writes_biomes_and_heights_that_parse()
    {
        using var temp = new TempDirectory();
        string output = temp.Combine("out");

        CliResult result = Cli.Run(["generate", SeedText, .. Grid512, "--format", "json", "--out", output]);

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Equal(
            ["biomes.json", "heightmap.json", "manifest.json", "run.json"],
            Directory.EnumerateFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using JsonDocument biomes = ReadJson(output, "biomes.json");
        using JsonDocument heights = ReadJson(output, "heightmap.json");
        Assert.Equal(512, biomes.RootElement.GetProperty("biomes").GetArrayLength());
        Assert.Equal(512, heights.RootElement.GetProperty("heights")[511].GetArrayLength());
        Assert.Equal(Key512, heights.RootElement.GetProperty("worldKey").GetString());
    }

    [Fact]
    public void Layers_are_written_as_float32_files_beside_grid_bin()
    {
        using var temp = new TempDirectory();
        string output = temp.Combine("out");
        const int size = 128;

        CliResult result = Cli.Run(
            "generate", SeedText, "--size", "128", "--pixel-size", "192", "--format", "bin", "--layers", "river,forest", "--out", output);

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Equal(6L * size * size, new FileInfo(Path.Combine(output, "grid.bin")).Length);
        Assert.Equal(4L * size * size, new FileInfo(Path.Combine(output, "river.bin")).Length);
        Assert.Equal(4L * size * size, new FileInfo(Path.Combine(output, "forest.bin")).Length);
        using JsonDocument manifest = ReadJson(output, "manifest.json");
        Assert.Equal(["river", "forest"], manifest.RootElement.GetProperty("layers").EnumerateArray().Select(layer => layer.GetString()));
    }

    [Fact]
    public void An_earlier_export_folder_is_replaced()
    {
        using var temp = new TempDirectory();
        string output = temp.Combine("out");
        string[] args = ["generate", SeedText, "--size", "64", "--pixel-size", "384", "--out", output];

        CliResult first = Cli.Run([.. args, "--format", "bin,png"]);
        CliResult second = Cli.Run([.. args, "--format", "bin"]);

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Equal(["out", Path.Combine("out", "grid.bin"), Path.Combine("out", "manifest.json"), Path.Combine("out", "run.json")], temp.Entries());
    }

    public static TheoryData<string[], int, string> BadInputs => new()
    {
        { ["--size", "0"], 2, "--size 0 is outside 1..16384" },
        { ["--size", "16385"], 2, "--size 16385 is outside 1..16384" },
        { ["--size", "abc"], 2, "'abc'" },
        { ["--pixel-size", "NaN"], 2, "--pixel-size 'NaN' is not a positive finite number" },
        { ["--pixel-size", "Infinity"], 2, "--pixel-size 'Infinity' is not a positive finite number" },
        { ["--pixel-size", "-Infinity"], 2, "--pixel-size '-Infinity' is not a positive finite number" },
        { ["--pixel-size", "inf"], 2, "--pixel-size 'inf' is not a number" },
        { ["--pixel-size", "1e999"], 2, "--pixel-size '1e999' is not a positive finite number" },
        { ["--pixel-size", "0"], 2, "--pixel-size '0' is not a positive finite number" },
        { ["--pixel-size", "-12"], 2, "--pixel-size '-12' is not a positive finite number" },
        { ["--pixel-size", "12m"], 2, "--pixel-size '12m' is not a number" },
        { ["--pixel-size", "12,5"], 2, "--pixel-size '12,5' is not a number" },
        { ["--pixel-size", ""], 2, "--pixel-size '' is not a number" },
        { ["--pixel-size", "1e300"], 2, "beyond the float32 range" },
        { ["--format", "xyz"], 2, "unknown format 'xyz'; valid formats are bin, json, png" },
        { ["--format", ""], 2, "give one or more of bin, json, png" },
        { ["--layers", "lake"], 2, "unknown layer 'lake'; valid layers are river, forest" },
        { ["--format", "png", "--layers", "river"], 2, "add bin (e.g. --format bin,png)" },
        { ["--format", "json", "--size", "4097"], 2, "--size 4097 is too large for json (up to 4096" },
        { ["--format", "png", "--size", "8193", "--pixel-size", "3"], 2, "--size 8193 is too large for png (up to 8192" },
        { ["--size", "16384"], 2, "(e.g. --format bin: bin has no size limit)" },
        { ["--format", "bin,json", "--size", "8192"], 2, "drop it (e.g. --format bin: bin has no size limit) or give --size 4096 or less" },
        { ["--threads", "0"], 2, "--threads 0 is outside 1..256" },
        { ["--threads", "-3"], 2, "--threads -3 is outside 1..256" },
        { ["--threads", "100000"], 2, "--threads 100000 is outside 1..256" },
        { ["--bogus"], 2, "'--bogus'" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_is_one_line_on_stderr_and_writes_nothing(string[] options, int exitCode, string named)
    {
        using var temp = new TempDirectory();

        CliResult result = Cli.Run(["generate", SeedText, .. options, "--out", temp.Combine("out")]);

        AssertRefused(result, exitCode, named);
        Assert.Empty(temp.Entries());
    }

    [Fact]
    public void Seed_text_over_4096_code_units_is_refused()
    {
        using var temp = new TempDirectory();

        CliResult result = Cli.Run("generate", new string('a', 4097), "--out", temp.Combine("out"));

        AssertRefused(result, 2, "seed text is 4097 UTF-16 code units long; the limit is 4096");
        Assert.Empty(temp.Entries());
    }

    [Fact]
    public void A_bad_int_seed_is_refused()
    {
        using var temp = new TempDirectory();

        CliResult result = Cli.Run("generate", "--int", "abc", "--out", temp.Combine("out"));

        AssertRefused(result, 2, "'abc' is not an int seed");
        Assert.Empty(temp.Entries());
    }

    [Fact]
    public void An_output_folder_under_a_regular_file_exits_3()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("file"), "");

        CliResult result = Cli.Run(["generate", SeedText, .. Grid512, "--out", temp.Combine("file", "out")]);

        AssertRefused(result, 3, "which is a file");
        Assert.Equal(["file"], temp.Entries());
    }

    [Fact]
    public void An_output_folder_that_is_a_regular_file_exits_3()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("file"), "keep");

        CliResult result = Cli.Run(["generate", SeedText, .. Grid512, "--out", temp.Combine("file")]);

        AssertRefused(result, 3, "is an existing file");
        Assert.Equal("keep", File.ReadAllText(temp.Combine("file")));
    }

    [LinuxFact]
    public void An_output_folder_where_no_folder_can_be_created_exits_3()
    {
        // Root ignores permission bits; /proc takes no new entries from anyone.
        CliResult result = Cli.Run(["generate", SeedText, .. Grid512, "--out", "/proc/vwe-test/out"]);

        AssertRefused(result, 3, "cannot write --out '/proc/vwe-test/out': creating a folder in '/proc' failed");
        Assert.False(Directory.Exists("/proc/vwe-test"));
    }

    [Fact]
    public void An_output_folder_name_too_long_for_its_staging_sibling_is_refused_before_generating()
    {
        using var temp = new TempDirectory();

        // 250 bytes is a legal name, but '<name>.tmp-<12 hex>' would not be.
        CliResult result = Cli.Run(["generate", SeedText, .. Grid512, "--out", temp.Combine(new string('w', 250))]);

        AssertRefused(result, 2, "is 250 bytes (UTF-8); the limit is 238");
        Assert.Empty(temp.Entries());
    }

    [Fact]
    public void The_longest_output_folder_name_is_written()
    {
        using var temp = new TempDirectory();
        string name = new('é', 119); // 238 UTF-8 bytes: multi-byte characters count as bytes, not characters.

        CliResult result = Cli.Run(["generate", SeedText, "--size", "16", "--pixel-size", "300", "--format", "bin", "--out", temp.Combine(name)]);

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.True(File.Exists(temp.Combine(name, "grid.bin")));
    }

    [Fact]
    public void An_output_folder_that_is_a_symbolic_link_is_refused_and_the_target_left_alone()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("target"));
        Directory.CreateSymbolicLink(temp.Combine("link"), temp.Combine("target"));

        CliResult result = Cli.Run(["generate", SeedText, .. Grid512, "--out", temp.Combine("link")]);

        AssertRefused(result, 2, $"is a symbolic link; the export is renamed into place, which would replace the link and leave its target stale. Give the target path instead: '{temp.Combine("target")}'");
        Assert.Equal(temp.Combine("target"), new DirectoryInfo(temp.Combine("link")).ResolveLinkTarget(returnFinalTarget: false)?.FullName);
        Assert.Equal(["link", "target"], temp.Entries());
    }

    [Fact]
    public void A_folder_holding_other_files_is_not_replaced()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("out"));
        File.WriteAllText(temp.Combine("out", "notes.txt"), "mine");

        CliResult result = Cli.Run(["generate", SeedText, .. Grid512, "--out", temp.Combine("out")]);

        AssertRefused(result, 2, "holds 'notes.txt', which no export writes");
        Assert.Equal(["out", Path.Combine("out", "notes.txt")], temp.Entries());
    }

    [Fact]
    public void Help_describes_the_defaults_and_the_output_folder()
    {
        CliResult result = Cli.Run("generate", "--help");

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        foreach (string option in new[] { "--size <N>", "--pixel-size <P>", "--format <bin,json,png>", "--layers <river,forest>", "--threads <T>", "--out <DIR>", "--json", "--int" })
        {
            Assert.Contains(option, result.Output, StringComparison.Ordinal);
        }

        Assert.Contains("./worlds/<world key>", result.Output, StringComparison.Ordinal);
        Assert.Contains("The export folder itself", result.Output, StringComparison.Ordinal);
    }

    private static void AssertRefused(CliResult result, int exitCode, string named)
    {
        Assert.Equal((exitCode, ""), (result.ExitCode, result.Output));
        Assert.Single(PointCommandTests.Lines(result.Error));
        Assert.StartsWith("vwe: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(named, result.Error, StringComparison.Ordinal);
    }

    private static JsonDocument ReadJson(string folder, string name) => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, name)));
}
