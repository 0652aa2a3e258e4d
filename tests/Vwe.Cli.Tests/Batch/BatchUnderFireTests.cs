using System.Diagnostics;
using Vwe.Maps.Export;
using Vwe.Maps.Grid;
using Vwe.WorldGen;

namespace Vwe.Cli.Tests.Batch;

/// <summary>
/// The "done when": <c>vwe batch</c> over 30 seeds with 3 engines succeeds while engines are killed
/// with SIGKILL from outside, and every world equals the in-process export byte for byte.
/// </summary>
public class BatchUnderFireTests
{
    private const int Worlds = 30;

    [LinuxFact]
    public async Task An_engine_killed_while_it_stages_a_world_leaves_no_staging_folder_behind()
    {
        using var temp = new TempDirectory();
        string seeds = temp.Combine("seeds.txt");
        File.WriteAllText(seeds, "hnLycKKCMI\n");
        string output = temp.Combine("out");

        using Process batch = VweProcess.Start(VweProcess.StartInfo(["batch", seeds, "--out", output, "--engines", "1", "--format", "bin"]));
        batch.StandardInput.Close();
        Task<string> stdout = batch.StandardOutput.ReadToEndAsync();
        Task<string> stderr = batch.StandardError.ReadToEndAsync();
        var deadline = Stopwatch.StartNew();
        while (!StagingFolders(output).Any() && !batch.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(10);
        }

        bool staging = StagingFolders(output).Any();
        IReadOnlyList<int> engines = ChildProcesses.Of(batch.Id, "engine");
        foreach (int engine in engines)
        {
            ChildProcesses.Kill(engine);
        }

        Assert.True(batch.WaitForExit(TimeSpan.FromSeconds(120)));
        string summary = await stdout;
        Assert.True(staging && engines.Count > 0, $"no engine caught staging (engines {engines.Count}): {summary} {await stderr}");
        Assert.True(batch.ExitCode == 0, summary + await stderr);
        Assert.Equal(GoldenData.GridSha256("hnLycKKCMI-2048.bin.gz"), GoldenData.Sha256(Path.Combine(output, "1706363555", "grid.bin")));
        Assert.Equal(["1706363555"], Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName));
    }

    private static IEnumerable<string> StagingFolders(string output) =>
        Directory.Exists(output)
            ? Directory.EnumerateDirectories(output).Where(entry => Path.GetFileName(entry).StartsWith("1706363555.tmp-", StringComparison.Ordinal))
            : [];

    [Fact]
    public async Task A_batch_survives_engines_killed_from_outside_and_every_world_equals_the_in_process_one()
    {
        using var temp = new TempDirectory();
        string seeds = temp.Combine("seeds.txt");
        File.WriteAllLines(seeds, Enumerable.Range(0, Worlds).Select(index => $"fire-{index}"));
        string[] args = ["batch", seeds, "--out", temp.Combine("out"), "--engines", "3", "--size", "256", "--pixel-size", "96", "--format", "bin"];

        using Process batch = VweProcess.Start(VweProcess.StartInfo(args));
        batch.StandardInput.Close();
        Task<string> output = batch.StandardOutput.ReadToEndAsync();
        var killed = new List<int>();
        string? line;
        while ((line = await batch.StandardError.ReadLineAsync()) is not null)
        {
            // After every fifth world, kill an engine (busy or idle) as an operator or the OOM killer would.
            if (line.StartsWith('[') && line.Contains($"/{Worlds}]", StringComparison.Ordinal)
                && int.Parse(line[1..line.IndexOf('/', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture) % 5 == 0
                && killed.Count < 4
                && ChildProcesses.Of(batch.Id, "engine") is [int victim, ..])
            {
                ChildProcesses.Kill(victim);
                killed.Add(victim);
            }
        }

        Assert.True(batch.WaitForExit(TimeSpan.FromSeconds(120)));
        string summary = await output;
        Assert.True(batch.ExitCode == 0, summary);
        Assert.Contains($"worlds       {Worlds} ({Worlds} succeeded, 0 failed)", summary, StringComparison.Ordinal);
        Assert.NotEmpty(killed);
        Assert.Empty(ChildProcesses.Of(batch.Id, "engine"));

        var grid = new GridSpec(256, 96);
        for (int index = 0; index < Worlds; index++)
        {
            string text = $"fire-{index}";
            int seed = StableHash.WorldSeed(text);
            string expected = temp.Combine("expected", text);
            WorldExporter.Export(new ExportRequest { Generator = new WorldGenerator(seed), SeedText = text, Grid = grid, OutputDirectory = expected });
            string actual = temp.Combine("out", seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(File.ReadAllBytes(Path.Combine(expected, "grid.bin")), File.ReadAllBytes(Path.Combine(actual, "grid.bin")));
            Assert.Equal(File.ReadAllBytes(Path.Combine(expected, "manifest.json")), File.ReadAllBytes(Path.Combine(actual, "manifest.json")));
        }
    }
}
