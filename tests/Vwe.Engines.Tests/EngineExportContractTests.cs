using Vwe.Engines.Jobs;
using Vwe.Engines.Lifecycle;
using Vwe.Engines.Tests.Support;
using Vwe.Maps;
using Vwe.Maps.Export;
using Vwe.Tests.Golden;

namespace Vwe.Engines.Tests;

/// <summary>
/// Exports through the engine contract, for both kinds: the golden grid bit for bit, every file listed with
/// its SHA-256, and the lifecycle each export walks through (a cold world is generated first, a loaded one is not).
/// </summary>
public class EngineExportContractTests
{
    [Theory]
    [InlineData(TestEngines.InProcess)]
    [InlineData(TestEngines.Process)]
    public async Task An_export_writes_the_golden_grid_and_lists_every_file_with_its_SHA256(string kind)
    {
        using var temp = new TempDirectory();
        await using Engine engine = await TestEngines.StartAsync(kind);
        string folder = temp.Combine("golden");

        ExportOutcome outcome = await engine.ExportAsync(World.Export(World.Golden, folder), null, CancellationToken.None)
            .WaitAsync(TestEngines.Patience);
        await engine.ResetAsync(CancellationToken.None).WaitAsync(TestEngines.Patience);

        Assert.Equal(GoldenData.GridSha256("hnLycKKCMI-512.bin.gz"), GoldenData.Sha256(Path.Combine(folder, "grid.bin")));
        Assert.Equal(WorldKey.For(World.Seed, World.Golden), outcome.WorldKey);
        Assert.Equal(folder, outcome.OutputDirectory);
        string[] onDisk = [.. Directory.EnumerateFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        Assert.Equal(["grid.bin", "manifest.json", "run.json"], onDisk);
        Assert.Equal(onDisk, outcome.Files.Select(file => file.Name));
        foreach (ExportedFile file in outcome.Files)
        {
            string path = Path.Combine(folder, file.Name);
            Assert.Equal(GoldenData.Sha256(path), file.Sha256);
            Assert.Equal(new FileInfo(path).Length, file.Bytes);
        }

        // The seed text travels with the job into the manifest, as `vwe generate` records it.
        Assert.Contains($"\"{World.SeedText}\"", File.ReadAllText(Path.Combine(folder, "manifest.json")), StringComparison.Ordinal);
        Assert.Equal(["golden"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(TestEngines.InProcess)]
    [InlineData(TestEngines.Process)]
    public async Task A_cold_world_is_generated_then_exported_and_a_loaded_one_goes_straight_to_Exporting(string kind)
    {
        using var temp = new TempDirectory();
        await using Engine engine = await TestEngines.StartAsync(kind);
        var states = new StateRecorder(engine.Lifecycle);

        ExportOutcome cold = await engine.ExportAsync(World.Export(World.Tiny, temp.Combine("cold")), null, CancellationToken.None)
            .WaitAsync(TestEngines.Patience);
        await engine.ResetAsync(CancellationToken.None).WaitAsync(TestEngines.Patience);

        Assert.Equal(
            [EngineState.Ready, EngineState.Generating, EngineState.Exporting, EngineState.Resetting, EngineState.Ready],
            states.Path);
        Assert.True(cold.LoadTime > TimeSpan.Zero);
        Assert.Equal([World.Seed], engine.LoadedWorlds);
        Assert.True(engine.HasLoaded(World.Seed));
        Assert.Equal(1, engine.JobsDone);

        states.Clear();
        var progress = new ProgressProbe();
        ExportOutcome warm = await engine.ExportAsync(World.Export(World.Tiny, temp.Combine("warm")), progress, CancellationToken.None)
            .WaitAsync(TestEngines.Patience);
        await engine.ResetAsync(CancellationToken.None).WaitAsync(TestEngines.Patience);

        Assert.Equal([EngineState.Ready, EngineState.Exporting, EngineState.Resetting, EngineState.Ready], states.Path);
        Assert.Equal(TimeSpan.Zero, warm.LoadTime);
        Assert.True(progress.Reports > 0);
        Assert.Equal([World.Seed], engine.LoadedWorlds);
        Assert.Equal(2, engine.JobsDone);

        // Same world, same grid: the same data, whichever way the world got loaded.
        Assert.Equal(cold.Files.Single(file => file.Name == "grid.bin"), warm.Files.Single(file => file.Name == "grid.bin"));
        EnginePing ping = await engine.PingAsync(CancellationToken.None).WaitAsync(TestEngines.Patience);
        // The engine counts every job it finished: load, export, reset, export, reset.
        Assert.Equal((EngineState.Ready, 5L), (ping.State, ping.Jobs));
        Assert.Equal([World.Seed], ping.LoadedWorlds);
    }

    [Theory]
    [InlineData(TestEngines.InProcess)]
    [InlineData(TestEngines.Process)]
    public async Task A_load_then_an_export_walks_Generating_to_Exporting_and_loads_once(string kind)
    {
        using var temp = new TempDirectory();
        await using Engine engine = await TestEngines.StartAsync(kind);
        var states = new StateRecorder(engine.Lifecycle);

        WorldLoad load = await engine.LoadAsync(World.Seed, null, CancellationToken.None).WaitAsync(TestEngines.Patience);
        ExportOutcome outcome = await engine.ExportAsync(World.Export(World.Tiny, temp.Combine("tiny")), null, CancellationToken.None)
            .WaitAsync(TestEngines.Patience);
        await engine.ResetAsync(CancellationToken.None).WaitAsync(TestEngines.Patience);

        Assert.Equal((World.Seed, false), (load.Seed, load.Cached));
        Assert.True(load.Duration > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, outcome.LoadTime);
        Assert.Equal(
            [EngineState.Ready, EngineState.Generating, EngineState.Exporting, EngineState.Resetting, EngineState.Ready],
            states.Path);
    }
}
