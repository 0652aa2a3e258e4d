using Vwe.Engines.Jobs;
using Vwe.Engines.Lifecycle;
using Vwe.Engines.Tests.Support;
using Vwe.Maps;
using Vwe.Protocol;
using Vwe.WorldGen;

namespace Vwe.Engines.Tests;

/// <summary>
/// The engine contract's start, ping and stop, run for both kinds: what a pool may rely on whether the engine
/// is threads in this process or a <c>vwe engine</c> child.
/// </summary>
public class EngineStartContractTests
{
    [Theory]
    [InlineData(TestEngines.InProcess)]
    [InlineData(TestEngines.Process)]
    public async Task Start_moves_Starting_to_Ready_and_fills_Info(string kind)
    {
        await using Engine engine = TestEngines.Create(kind, TestEngines.Quick with { Threads = 2, MaxWorlds = 4 });
        var states = new StateRecorder(engine.Lifecycle);
        Assert.Equal(EngineState.Starting, engine.State);
        Assert.Null(engine.Info);

        await engine.StartAsync(CancellationToken.None).WaitAsync(TestEngines.Patience);

        Assert.Equal([EngineState.Starting, EngineState.Ready], states.Path);
        EngineInfo info = Assert.IsType<EngineInfo>(engine.Info);
        Assert.Equal(EngineKindNames.Parse(kind), info.Kind);
        Assert.Equal(EngineKindNames.Parse(kind), engine.Kind);
        Assert.Equal(ProtocolVersion.Current, info.ProtocolVersion);
        Assert.Equal(EngineVersion.Text, info.EngineVersion);
        Assert.StartsWith("vwe ", info.EngineVersion, StringComparison.Ordinal);
        Assert.Equal(2, info.Threads);
        Assert.Equal(4, info.MaxWorlds);
        Assert.Equal(WorldGenerator.SupportedWorldGenVersion, info.WorldGenVersion);
        Assert.Equal(WorldKey.EngineDataVersion, info.EngineDataVersion);
        Assert.Equal(ProtocolLimits.MaxSamplePoints, info.MaxSamplePoints);
        int processId = Assert.NotNull(info.ProcessId);
        Assert.True(ChildProcesses.IsAlive(processId));
        if (engine.Kind == EngineKind.InProcess)
        {
            Assert.Equal(Environment.ProcessId, processId);
        }
        else
        {
            Assert.Contains(processId, ChildProcesses.Of(Environment.ProcessId, "engine"));
        }
    }

    [Theory]
    [InlineData(TestEngines.InProcess)]
    [InlineData(TestEngines.Process)]
    public async Task A_ping_of_a_fresh_engine_answers_Ready_with_no_world_and_no_job(string kind)
    {
        await using Engine engine = await TestEngines.StartAsync(kind);

        EnginePing ping = await engine.PingAsync(CancellationToken.None).WaitAsync(TestEngines.Patience);

        Assert.Equal(EngineState.Ready, ping.State);
        Assert.Empty(ping.LoadedWorlds);
        Assert.Equal(0, ping.Jobs);
        Assert.True(ping.RoundTrip >= TimeSpan.Zero);
    }

    [Theory]
    [InlineData(TestEngines.InProcess)]
    [InlineData(TestEngines.Process)]
    public async Task Stop_ends_in_Stopped_completes_Exited_and_refuses_further_jobs(string kind)
    {
        Engine engine = await TestEngines.StartAsync(kind);
        int processId = engine.Info!.ProcessId!.Value;

        await engine.StopAsync(TimeSpan.FromSeconds(5)).WaitAsync(TestEngines.Patience);
        await engine.StopAsync(TimeSpan.FromSeconds(5)).WaitAsync(TestEngines.Patience);
        await engine.DisposeAsync();

        Assert.Equal(EngineState.Stopped, engine.State);
        Assert.True(engine.Exited.IsCompleted);
        Assert.Equal(engine.Kind == EngineKind.InProcess, ChildProcesses.IsAlive(processId));
        var refused = await Assert.ThrowsAsync<IllegalTransitionException>(
            () => engine.LoadAsync(World.Seed, null, CancellationToken.None));
        Assert.Equal((EngineState.Stopped, EngineState.Generating), (refused.From, refused.To));
    }

    [Theory]
    [InlineData(TestEngines.InProcess)]
    [InlineData(TestEngines.Process)]
    public async Task A_job_before_start_is_refused_by_the_lifecycle(string kind)
    {
        await using Engine engine = TestEngines.Create(kind);

        var refused = await Assert.ThrowsAsync<IllegalTransitionException>(
            () => engine.LoadAsync(World.Seed, null, CancellationToken.None));

        Assert.Equal((EngineState.Starting, EngineState.Generating), (refused.From, refused.To));
        Assert.Equal(EngineState.Starting, engine.State);
    }
}
