using System.Collections.Concurrent;
using System.Diagnostics;
using Vwe.Engines;
using Vwe.Engines.Jobs;
using Vwe.Engines.Processes;
using Vwe.Engines.Remote;
using Vwe.Maps.Export;
using Vwe.Maps.Grid;
using Vwe.WorldGen;

namespace Vwe.Pool.Tests;

/// <summary>
/// A fresh <see cref="WarmEnginePool"/> of real engine processes (the built vwe.dll beside the test assembly,
/// run as <c>vwe engine</c>) for one test, with an output folder of its own. It remembers every engine it made,
/// so disposing it checks what the issue asks of shutdown: no engine child left, every engine process gone.
/// </summary>
internal sealed class TestPool : IAsyncDisposable
{
    /// <summary>A grid small enough that a job is mostly start-up and load (64 × 64 pixels of 384 m).</summary>
    public static readonly GridSpec SmallGrid = new(64, 384);

    private readonly ConcurrentDictionary<int, ProcessEngine> created = new();
    private readonly ConcurrentDictionary<int, EngineRecorder> recorders = new();

    private TestPool(PoolOptions options, Func<int, IReadOnlyList<string>?>? faults, RemoteEngineOptions remote, TimeProvider? time)
    {
        string vwe = Path.Combine(AppContext.BaseDirectory, "vwe.dll");
        var engineOptions = new ProcessEngineOptions
        {
            Command = EngineCommand.Dll(vwe),
            Engine = new EngineOptions { Threads = 1, WarmUp = false },
            Remote = remote,
        };
        Pool = new WarmEnginePool(options, serial => Spawn(serial, engineOptions, faults?.Invoke(serial)), time);
    }

    public WarmEnginePool Pool { get; }

    public TempDirectory Output { get; } = new();

    /// <summary>Every engine the pool has made so far, by serial (1-based, in the order the pool asked for them).</summary>
    public IReadOnlyDictionary<int, ProcessEngine> Created => created;

    /// <summary>Runs from the pool's creation; <see cref="States"/> times are on it.</summary>
    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    /// <summary>When engine <paramref name="serial"/> entered each state, on <see cref="Clock"/>, from its creation on.</summary>
    public EngineRecorder States(int serial) => recorders[serial];

    /// <summary>A pool, not started yet. <paramref name="faults"/> gives the <c>--fault</c> values of the Nth engine.</summary>
    public static TestPool Create(
        PoolOptions options, Func<int, IReadOnlyList<string>?>? faults = null, RemoteEngineOptions? remote = null, TimeProvider? time = null) =>
        new(options, faults, remote ?? new RemoteEngineOptions(), time);

    /// <summary>A pool whose ready buffer is full.</summary>
    public static async Task<TestPool> StartAsync(
        PoolOptions options, Func<int, IReadOnlyList<string>?>? faults = null, RemoteEngineOptions? remote = null, TimeProvider? time = null)
    {
        TestPool pool = Create(options, faults, remote, time);
        try
        {
            await pool.Pool.StartAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch
        {
            await pool.DisposeAsync();
            throw;
        }

        return pool;
    }

    /// <summary>An export of the world of <paramref name="seedText"/> into a folder of its own under <see cref="Output"/>.</summary>
    public ExportJob Job(string seedText, GridSpec? grid = null, string? folder = null) => new(
        StableHash.WorldSeed(seedText), seedText, grid ?? SmallGrid, ExportFormats.Bin, GridLayers.None, Output.Combine(folder ?? seedText));

    /// <summary>The pooled export of <paramref name="job"/> landed in its folder with the in-process export's data files.</summary>
    public void AssertSameAsInProcess(ExportJob job, ExportOutcome outcome)
    {
        Assert.Equal(job.OutputDirectory, outcome.OutputDirectory);
        InProcessExport.AssertSameDataFiles(job, outcome.OutputDirectory, Output);
    }

    /// <summary>The process id of the engine with <paramref name="id"/>, as the pool's snapshot shows it.</summary>
    public int ProcessIdOf(string id) =>
        Pool.Snapshot().Single(engine => engine.Id == id).ProcessId ?? throw new InvalidOperationException($"engine {id} has no process id");

    private ProcessEngine Spawn(int serial, ProcessEngineOptions options, IReadOnlyList<string>? faults)
    {
        var engine = new ProcessEngine($"p{serial}", options, faults);
        recorders[serial] = new EngineRecorder(engine, Clock);
        created[serial] = engine;
        return engine;
    }

    /// <summary>Checks no engine outlived the pool: this process has no engine child, and no engine the pool made is alive.</summary>
    public void AssertNoEngineProcessLeft()
    {
        Assert.Empty(ChildProcesses.Of(Environment.ProcessId, "engine"));
        foreach (ProcessEngine engine in created.Values)
        {
            Assert.True(
                engine.ProcessId is not { } pid || !ChildProcesses.IsAlive(pid),
                $"engine {engine.Id} (process {engine.ProcessId}) is still alive after the pool was disposed");
        }
    }

    /// <summary>Disposes the pool (again, if the test did), then checks no engine process survived it.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Pool.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
            AssertNoEngineProcessLeft();
        }
        finally
        {
            Output.Dispose();
        }
    }
}
