using Vwe.Engines.Jobs;
using Vwe.Engines.Lifecycle;
using Vwe.Engines.Processes;
using Vwe.Engines.Remote;
using Vwe.Engines.Tests.Support;

namespace Vwe.Engines.Tests.Processes;

/// <summary>
/// Real failures, injected with <c>--fault</c> when the child is spawned: an engine that cannot start, starts
/// too slowly, crashes on a job, hangs on a load or stops answering altogether. Each is reported as the
/// engine's failure (never the job's), in time, and the child can always be reaped.
/// </summary>
public class ProcessEngineFaultTests
{
    [Fact]
    public async Task An_engine_that_fails_to_start_says_it_exited_with_code_1_before_its_handshake()
    {
        var engine = new ProcessEngine("fails", TestEngines.ProcessOptions(), ["fail-start"]);

        var failed = await Assert.ThrowsAsync<EngineStartException>(() => engine.StartAsync(CancellationToken.None).WaitAsync(TestEngines.Patience));

        Assert.Equal("fails", failed.EngineId);
        Assert.Contains("exited with code 1 before its handshake", failed.Message, StringComparison.Ordinal);
        Assert.Equal(EngineState.Stopped, engine.State);
        Assert.False(ChildProcesses.IsAlive(engine.ProcessId!.Value));
        await engine.DisposeAsync();
    }

    [Fact]
    public async Task An_engine_slower_than_the_start_timeout_is_given_up_and_killed()
    {
        var remote = new RemoteEngineOptions { StartTimeout = TimeSpan.FromMilliseconds(500) };
        var engine = new ProcessEngine("slow", TestEngines.ProcessOptions(remote: remote), ["slow-start:1500"]);

        var failed = await Assert.ThrowsAsync<EngineStartException>(() => engine.StartAsync(CancellationToken.None).WaitAsync(TestEngines.Patience));

        Assert.Contains("no handshake within 0.5 s", failed.Message, StringComparison.Ordinal);
        Assert.Equal(EngineState.Stopped, engine.State);
        Assert.False(ChildProcesses.IsAlive(engine.ProcessId!.Value));
        await engine.DisposeAsync();
    }

    [Fact]
    public async Task A_slow_start_within_the_start_timeout_is_fine()
    {
        await using ProcessEngine engine = await TestEngines.StartProcessAsync(["slow-start:300"]);

        Assert.Equal(EngineState.Ready, engine.State);
    }

    [Theory]
    [InlineData("load")]
    [InlineData("export")]
    [InlineData("export with a long deadline")]
    public async Task A_load_that_hangs_past_the_load_timeout_fails_the_engine_which_stays_killable(string job)
    {
        using var temp = new TempDirectory();
        var remote = new RemoteEngineOptions { LoadTimeout = TimeSpan.FromSeconds(1), Grace = TimeSpan.FromSeconds(2) };
        await using ProcessEngine engine = await TestEngines.StartProcessAsync(["hang-load:1"], remote);
        int processId = engine.ProcessId!.Value;

        // A job deadline longer than the load timeout must not stretch it: the test's patience is shorter.
        Task work = job switch
        {
            "load" => engine.LoadAsync(World.Seed, null, CancellationToken.None),
            "export" => engine.ExportAsync(World.Export(World.Tiny, temp.Combine("hung")), null, CancellationToken.None),
            _ => engine.ExportAsync(World.Export(World.Tiny, temp.Combine("hung"), TimeSpan.FromMinutes(10)), null, CancellationToken.None),
        };
        var failed = await Assert.ThrowsAsync<EngineFailedException>(() => work.WaitAsync(TestEngines.Patience));

        // The fast-restart rule: a load that fails or times out is the engine's failure, never retried on it.
        Assert.Contains($"world {World.Seed}", failed.Message, StringComparison.Ordinal);
        Assert.Equal(EngineState.Unhealthy, engine.State);
        Assert.False(engine.HasLoaded(World.Seed));
        Assert.True(ChildProcesses.IsAlive(processId));
        await engine.StopAsync(TimeSpan.Zero).WaitAsync(TestEngines.Patience);
        Assert.False(ChildProcesses.IsAlive(processId));
        Assert.Empty(temp.Entries());
    }

    [Fact]
    public async Task A_job_deadline_shorter_than_the_load_timeout_that_runs_out_in_a_hung_load_is_the_jobs_error()
    {
        using var temp = new TempDirectory();
        var remote = new RemoteEngineOptions { LoadTimeout = TimeSpan.FromMinutes(5) };
        await using ProcessEngine engine = await TestEngines.StartProcessAsync(["hang-load:1"], remote);

        var late = await Assert.ThrowsAsync<EngineJobException>(
            () => engine.ExportAsync(World.Export(World.Tiny, temp.Combine("late"), TimeSpan.FromMilliseconds(500)), null, CancellationToken.None)
                .WaitAsync(TestEngines.Patience));

        Assert.Equal(Protocol.ErrorCodes.DeadlineExceeded, late.Code);
        await engine.ResetAsync(CancellationToken.None).WaitAsync(TestEngines.Patience);
        Assert.Equal(EngineState.Ready, engine.State);
    }

    [Fact]
    public async Task An_engine_that_crashes_on_its_first_job_fails_that_job_and_is_gone()
    {
        using var temp = new TempDirectory();
        await using ProcessEngine engine = await TestEngines.StartProcessAsync(["crash:1"], new RemoteEngineOptions { LoadTimeout = TimeSpan.FromMinutes(5) });
        int processId = engine.ProcessId!.Value;

        var failed = await Assert.ThrowsAsync<EngineFailedException>(
            () => engine.ExportAsync(World.Export(World.Tiny, temp.Combine("crashed")), null, CancellationToken.None).WaitAsync(TestEngines.Patience));

        Assert.Equal(engine.Id, failed.EngineId);
        Assert.Equal(EngineState.Unhealthy, engine.State);
        await engine.Exited.WaitAsync(TestEngines.Patience);
        Assert.False(ChildProcesses.IsAlive(processId));
        Assert.Empty(temp.Entries());
    }

    [Fact]
    public async Task An_engine_killed_while_idle_fails_its_next_job_as_the_engines_failure_so_the_job_can_go_elsewhere()
    {
        await using ProcessEngine engine = await TestEngines.StartProcessAsync([]);
        var job = new SampleJob(World.Seed, new SamplePoints([0, 0]), SampleFields.Biome);
        await engine.SampleAsync(job, CancellationToken.None).WaitAsync(TestEngines.Patience);
        await engine.ResetAsync(CancellationToken.None).WaitAsync(TestEngines.Patience);

        // Killed between jobs, as the OOM killer might: the pool may have lent it just before it noticed.
        ChildProcesses.Kill(engine.ProcessId!.Value);
        await engine.Exited.WaitAsync(TestEngines.Patience);

        Assert.Equal(EngineState.Unhealthy, engine.State);
        var loaded = await Assert.ThrowsAsync<EngineFailedException>(() => engine.SampleAsync(job, CancellationToken.None).WaitAsync(TestEngines.Patience));
        var other = await Assert.ThrowsAsync<EngineFailedException>(
            () => engine.SampleAsync(job with { Seed = World.Seed + 1 }, CancellationToken.None).WaitAsync(TestEngines.Patience));
        Assert.Equal(engine.Id, loaded.EngineId);
        Assert.Equal(engine.Id, other.EngineId);
        Assert.Equal(EngineState.Unhealthy, engine.State);
    }

    [Fact]
    public async Task An_engine_that_hangs_on_a_job_answers_no_ping_after_it()
    {
        await using ProcessEngine engine = await TestEngines.StartProcessAsync(["hang:1"], new RemoteEngineOptions { LoadTimeout = TimeSpan.FromMinutes(5) });
        int processId = engine.ProcessId!.Value;
        Assert.Equal(EngineState.Ready, (await engine.PingAsync(CancellationToken.None).WaitAsync(TestEngines.Patience)).State);

        // The load is written before the ping (one writer, in call order), so the engine reads it first and hangs.
        Task load = engine.LoadAsync(World.Seed, null, CancellationToken.None);
        Task ping = engine.PingAsync(CancellationToken.None);

        await Assert.ThrowsAsync<TimeoutException>(() => ping.WaitAsync(TimeSpan.FromSeconds(1)));
        Assert.False(load.IsCompleted);
        Assert.True(ChildProcesses.IsAlive(processId));
        await engine.StopAsync(TimeSpan.FromMilliseconds(500)).WaitAsync(TestEngines.Patience);
        Assert.False(ChildProcesses.IsAlive(processId));
        await Assert.ThrowsAsync<EngineFailedException>(() => load.WaitAsync(TestEngines.Patience));
    }
}
