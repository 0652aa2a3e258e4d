namespace Vwe.Cli.Tests.Batch;

/// <summary><c>vwe batch</c> in-process, with real engine processes (children running the built vwe.dll).</summary>
public class BatchCommandTests
{
    private static readonly string[] Grid512 = ["--size", "512", "--pixel-size", "48", "--format", "bin"];

    [Theory]
    [InlineData("process")]
    [InlineData("inprocess")]
    public void Each_world_is_written_to_its_seed_folder_exactly_as_generate_writes_it(string engine)
    {
        using var temp = new TempDirectory();
        string seeds = temp.Combine("seeds.txt");
        File.WriteAllText(seeds, "# two worlds\nhnLycKKCMI\nint:1706363555\nMWd8eV6svz\n");

        CliResult batch = Cli.Run(["batch", seeds, "--out", temp.Combine("out"), "--engine", engine, "--engines", "2", .. Grid512]);
        CliResult generate = Cli.Run(["generate", "MWd8eV6svz", .. Grid512, "--out", temp.Combine("generated")]);

        Assert.Equal(0, batch.ExitCode);
        Assert.Equal(0, generate.ExitCode);
        Assert.Contains("worlds       2 (2 succeeded, 0 failed)", batch.Output, StringComparison.Ordinal);
        Assert.Equal(["-1772362158", "1706363555"], Directory.EnumerateDirectories(temp.Combine("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(GoldenData.GridSha256("hnLycKKCMI-512.bin.gz"), GoldenData.Sha256(temp.Combine("out", "1706363555", "grid.bin")));
        foreach (string file in new[] { "grid.bin", "manifest.json" })
        {
            Assert.Equal(File.ReadAllBytes(temp.Combine("generated", file)), File.ReadAllBytes(temp.Combine("out", "-1772362158", file)));
        }
    }

    [Fact]
    public void Cold_mode_starts_a_fresh_engine_per_world()
    {
        using var temp = new TempDirectory();
        string seeds = temp.Combine("seeds.txt");
        File.WriteAllText(seeds, "int:1\nint:2\nint:3\n");

        CliResult batch = Cli.Run(["batch", seeds, "--out", temp.Combine("out"), "--cold", "--engines", "2", "--size", "64", "--pixel-size", "384"]);

        Assert.Equal(0, batch.ExitCode);
        Assert.Contains("process engines, cold (a fresh one per world)", batch.Output, StringComparison.Ordinal);

        // Each engine retires after its one job: three worlds, three engines replaced.
        Assert.Contains("restarts     3 engines replaced", batch.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Engines_stopped_because_the_batch_is_over_are_not_counted_or_announced_as_replaced()
    {
        using var temp = new TempDirectory();
        string seeds = temp.Combine("seeds.txt");
        File.WriteAllText(seeds, "int:1\nint:2\n");

        CliResult batch = Cli.Run(["batch", seeds, "--out", temp.Combine("out"), "--engines", "2", "--size", "64", "--pixel-size", "384"]);

        Assert.Equal(0, batch.ExitCode);
        Assert.Contains("restarts     0 engines replaced (0 failed starts)", batch.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("replacing engine", batch.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_seeds_file_is_refused_before_anything_starts_or_is_written()
    {
        using var temp = new TempDirectory();
        string seeds = temp.Combine("seeds.txt");
        File.WriteAllText(seeds, "good\nint:nope\n");

        CliResult batch = Cli.Run(["batch", seeds, "--out", temp.Combine("out")]);

        Assert.Equal(2, batch.ExitCode);
        Assert.Equal($"vwe: {seeds}:2: 'nope' is not an int seed (-2147483648..2147483647); write text:int:nope for that text.{Environment.NewLine}", batch.Error);
        Assert.False(Directory.Exists(temp.Combine("out")));
    }

    [Fact]
    public void Engines_out_of_range_is_an_input_error()
    {
        using var temp = new TempDirectory();
        string seeds = temp.Combine("seeds.txt");
        File.WriteAllText(seeds, "a\n");

        CliResult batch = Cli.Run(["batch", seeds, "--out", temp.Combine("out"), "--engines", "0"]);

        Assert.Equal((2, $"vwe: --engines 0 is outside 1..64.{Environment.NewLine}"), (batch.ExitCode, batch.Error));
    }
}
