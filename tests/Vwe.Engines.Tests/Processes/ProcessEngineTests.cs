using System.Diagnostics;
using Vwe.Engines.Jobs;
using Vwe.Engines.Lifecycle;
using Vwe.Engines.Processes;
using Vwe.Engines.Remote;
using Vwe.Engines.Tests.Support;

namespace Vwe.Engines.Tests.Processes;

/// <summary>
/// What only a child-process engine can show: it answers pings while it works, its death is noticed at once,
/// and stopping it, politely or not, leaves no process behind.
/// </summary>
public class ProcessEngineTests
{
    /// <summary>Limits far longer than any test waits: a failure noticed within the test's own bound is noticed at once.</summary>
    private static readonly RemoteEngineOptions Patient = new() { JobTimeout = TimeSpan.FromMinutes(5), LoadTimeout = TimeSpan.FromMinutes(5) };

    [Fact]
    public async Task A_ping_is_answered_while_an_export_runs()
    {
        using var temp = new TempDirectory();
        await using Engine engine = await TestEngines.StartAsync(TestEngines.Process, remote: Patient);
        using var cancellation = new CancellationTokenSource();
        var progress = new ProgressProbe();
        Task<ExportOutcome> export = engine.ExportAsync(World.Export(World.Large, temp.Combine("large")), progress, cancellation.Token);

        await progress.First.WaitAsync(TestEngines.Patience);
        EnginePing ping = await engine.PingAsync(CancellationToken.None).WaitAsync(TestEngines.Patience);
        bool stillRunning = !export.IsCompleted;
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => export.WaitAsync(TestEngines.Patience));

        Assert.True(stillRunning, "the export ended before the ping was answered; the ping proves nothing");
        Assert.Equal(EngineState.Exporting, ping.State);
        Assert.Equal([World.Seed], ping.LoadedWorlds);
        Assert.True(ping.RoundTrip < TimeSpan.FromSeconds(5), $"round trip {ping.RoundTrip}");
    }

    [Fact]
    public async Task A_child_killed_mid_job_fails_the_job_at_once_and_the_engine_is_Unhealthy()
    {
        using var temp = new TempDirectory();
        await using Engine engine = await TestEngines.StartAsync(TestEngines.Process, remote: Patient);
        int processId = engine.Info!.ProcessId!.Value;
        var progress = new ProgressProbe();
        Task<ExportOutcome> export = engine.ExportAsync(World.Export(World.Large, temp.Combine("large")), progress, CancellationToken.None);
        await progress.First.WaitAsync(TestEngines.Patience);

        var clock = Stopwatch.StartNew();
        ChildProcesses.Kill(processId);
        var failed = await Assert.ThrowsAsync<EngineFailedException>(() => export.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"noticed after {clock.Elapsed}");
        Assert.Equal(engine.Id, failed.EngineId);
        Assert.Equal(EngineState.Unhealthy, engine.State);
        await engine.Exited.WaitAsync(TestEngines.Patience);
        Assert.False(ChildProcesses.IsAlive(processId));
        await Assert.ThrowsAsync<EngineFailedException>(() => engine.PingAsync(CancellationToken.None).WaitAsync(TestEngines.Patience));
    }

    [Fact]
    public async Task A_child_killed_while_idle_is_noticed_without_any_request()
    {
        await using Engine engine = await TestEngines.StartAsync(TestEngines.Process);
        var unhealthy = new TaskCompletionSource<EngineStateChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        engine.Lifecycle.Changed += change =>
        {
            if (change.To == EngineState.Unhealthy)
            {
                unhealthy.TrySetResult(change);
            }
        };

        ChildProcesses.Kill(engine.Info!.ProcessId!.Value);

        EngineStateChange change = await unhealthy.Task.WaitAsync(TestEngines.Patience);
        Assert.Equal(EngineState.Ready, change.From);
        Assert.Contains($"{engine.Info.ProcessId}", change.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2000)]
    [InlineData(0)]
    public async Task Stop_leaves_no_process_whether_asked_politely_or_killed(int graceMs)
    {
        var engine = (ProcessEngine)await TestEngines.StartAsync(TestEngines.Process);
        int processId = engine.ProcessId!.Value;
        Assert.Equal(engine.Info!.ProcessId, processId);
        Assert.Contains(processId, ChildProcesses.Of(Environment.ProcessId, "engine"));

        await engine.StopAsync(TimeSpan.FromMilliseconds(graceMs)).WaitAsync(TestEngines.Patience);

        Assert.False(ChildProcesses.IsAlive(processId));
        Assert.DoesNotContain(processId, ChildProcesses.Of(Environment.ProcessId, "engine"));
        Assert.Equal(EngineState.Stopped, engine.State);
        Assert.True(engine.Exited.IsCompleted);
    }

    [Fact]
    public async Task Disposing_mid_job_fails_the_job_and_leaves_no_process()
    {
        using var temp = new TempDirectory();
        Engine engine = await TestEngines.StartAsync(TestEngines.Process, remote: Patient);
        int processId = engine.Info!.ProcessId!.Value;
        var progress = new ProgressProbe();
        Task<ExportOutcome> export = engine.ExportAsync(World.Export(World.Large, temp.Combine("large")), progress, CancellationToken.None);
        await progress.First.WaitAsync(TestEngines.Patience);

        await engine.DisposeAsync().AsTask().WaitAsync(TestEngines.Patience);

        await Assert.ThrowsAsync<EngineFailedException>(() => export.WaitAsync(TestEngines.Patience));
        Assert.False(ChildProcesses.IsAlive(processId));
        Assert.Equal(EngineState.Stopped, engine.State);
    }
}
