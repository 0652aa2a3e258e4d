using Vwe.Engines.Jobs;
using Vwe.Engines.Lifecycle;
using Vwe.Engines.Tests.Support;
using Vwe.Maps.Export;
using Vwe.Protocol;

namespace Vwe.Engines.Tests;

/// <summary>
/// Jobs that do not succeed, for both kinds: a job's own error, a cancellation and a deadline leave the engine
/// usable once reset (never Unhealthy), write nothing, and the next job succeeds.
/// </summary>
public class EngineFailureContractTests
{
    [Theory]
    [InlineData(TestEngines.InProcess)]
    [InlineData(TestEngines.Process)]
    public async Task A_job_error_carries_its_code_and_the_engine_is_usable_after_a_reset(string kind)
    {
        using var temp = new TempDirectory();
        await using Engine engine = await TestEngines.StartAsync(kind);
        string file = temp.Combine("a-file");
        File.WriteAllText(file, "not a folder");

        var io = await Assert.ThrowsAsync<EngineJobException>(
            () => engine.ExportAsync(World.Export(World.Tiny, file), null, CancellationToken.None).WaitAsync(TestEngines.Patience));
        Assert.Equal(ErrorCodes.Io, io.Code);
        Assert.Contains(file, io.Message, StringComparison.Ordinal);
        Assert.Equal(EngineState.Exporting, engine.State);
        await engine.ResetAsync(CancellationToken.None).WaitAsync(TestEngines.Patience);
        Assert.Equal(EngineState.Ready, engine.State);

        ExportJob tooLarge = World.Export(new Maps.Grid.GridSpec(ExportLimits.MaxPngSize + 1, 1), temp.Combine("png")) with { Formats = ExportFormats.Png };
        var badRequest = await Assert.ThrowsAsync<EngineJobException>(
            () => engine.ExportAsync(tooLarge, null, CancellationToken.None).WaitAsync(TestEngines.Patience));
        Assert.Equal(ErrorCodes.BadRequest, badRequest.Code);
        Assert.Contains($"{ExportLimits.MaxPngSize + 1}", badRequest.Message, StringComparison.Ordinal);
        await engine.ResetAsync(CancellationToken.None).WaitAsync(TestEngines.Patience);
        Assert.Equal(EngineState.Ready, engine.State);

        ExportOutcome outcome = await engine.ExportAsync(World.Export(World.Tiny, temp.Combine("after")), null, CancellationToken.None)
            .WaitAsync(TestEngines.Patience);
        await engine.ResetAsync(CancellationToken.None).WaitAsync(TestEngines.Patience);

        Assert.Equal(temp.Combine("after"), outcome.OutputDirectory);
        Assert.Equal("not a folder", File.ReadAllText(file));
        Assert.Equal(["a-file", "after", "after/grid.bin", "after/manifest.json", "after/run.json"], temp.Entries());
        Assert.Equal(EngineState.Ready, engine.State);
    }

    [Theory]
    [InlineData(TestEngines.InProcess)]
    [InlineData(TestEngines.Process)]
    public async Task A_cancelled_export_throws_OperationCanceledException_writes_nothing_and_the_next_export_succeeds(string kind)
    {
        using var temp = new TempDirectory();
        await using Engine engine = await TestEngines.StartAsync(kind);
        using var cancellation = new CancellationTokenSource();
        var progress = new ProgressProbe(cancellation.Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => engine.ExportAsync(World.Export(World.Large, temp.Combine("cancelled")), progress, cancellation.Token).WaitAsync(TestEngines.Patience));

        Assert.True(progress.First.IsCompleted);
        Assert.True(EngineTransitions.IsBusy(engine.State), $"state {engine.State}");
        await engine.ResetAsync(CancellationToken.None).WaitAsync(TestEngines.Patience);
        Assert.Equal(EngineState.Ready, engine.State);
        Assert.Empty(temp.Entries());

        ExportOutcome outcome = await engine.ExportAsync(World.Export(World.Tiny, temp.Combine("next")), null, CancellationToken.None)
            .WaitAsync(TestEngines.Patience);
        await engine.ResetAsync(CancellationToken.None).WaitAsync(TestEngines.Patience);

        Assert.Equal(TimeSpan.Zero, outcome.LoadTime);
        Assert.Equal(["next", "next/grid.bin", "next/manifest.json", "next/run.json"], temp.Entries());
    }

    [Theory]
    [InlineData(TestEngines.InProcess)]
    [InlineData(TestEngines.Process)]
    public async Task An_export_past_its_deadline_is_a_job_error_and_the_engine_stays_healthy(string kind)
    {
        using var temp = new TempDirectory();
        await using Engine engine = await TestEngines.StartAsync(kind);
        await engine.LoadAsync(World.Seed, null, CancellationToken.None).WaitAsync(TestEngines.Patience);
        await engine.ResetAsync(CancellationToken.None).WaitAsync(TestEngines.Patience);

        var late = await Assert.ThrowsAsync<EngineJobException>(
            () => engine.ExportAsync(World.Export(World.Large, temp.Combine("late"), TimeSpan.FromMilliseconds(1)), null, CancellationToken.None)
                .WaitAsync(TestEngines.Patience));

        Assert.Equal(ErrorCodes.DeadlineExceeded, late.Code);
        Assert.Equal(EngineState.Exporting, engine.State);
        await engine.ResetAsync(CancellationToken.None).WaitAsync(TestEngines.Patience);
        Assert.Empty(temp.Entries());
        await engine.ExportAsync(World.Export(World.Tiny, temp.Combine("in-time"), TimeSpan.FromSeconds(20)), null, CancellationToken.None)
            .WaitAsync(TestEngines.Patience);
        await engine.ResetAsync(CancellationToken.None).WaitAsync(TestEngines.Patience);
        Assert.Equal(EngineState.Ready, engine.State);
    }

    [Theory]
    [InlineData(TestEngines.InProcess)]
    [InlineData(TestEngines.Process)]
    public async Task A_deadline_that_runs_out_while_the_world_loads_is_the_jobs_error_not_the_engines(string kind)
    {
        using var temp = new TempDirectory();
        await using Engine engine = await TestEngines.StartAsync(kind);

        var late = await Assert.ThrowsAsync<EngineJobException>(
            () => engine.ExportAsync(World.Export(World.Large, temp.Combine("late"), TimeSpan.FromMilliseconds(1)), null, CancellationToken.None)
                .WaitAsync(TestEngines.Patience));

        Assert.Equal(ErrorCodes.DeadlineExceeded, late.Code);
        // The deadline may fire before the load starts or while the export runs: either way the engine stays healthy.
        Assert.Contains(engine.State, new[] { EngineState.Generating, EngineState.Exporting });
        await engine.ResetAsync(CancellationToken.None).WaitAsync(TestEngines.Patience);
        Assert.Equal(EngineState.Ready, engine.State);
        Assert.Empty(temp.Entries());
    }
}
