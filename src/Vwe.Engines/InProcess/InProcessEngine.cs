using System.Diagnostics;
using Vwe.Engines.Jobs;
using Vwe.Engines.Lifecycle;
using Vwe.Engines.Work;
using Vwe.Maps;
using Vwe.Protocol;
using Vwe.WorldGen;

namespace Vwe.Engines.InProcess;

/// <summary>
/// An engine made of threads in this process: no start-up beyond the warm-up, no isolation (a crash is the
/// caller's crash). For the one-shot CLI, and as the yardstick the process pool is measured against.
/// </summary>
public sealed class InProcessEngine(string id, EngineOptions options, TimeProvider? time = null)
    : Engine(id, EngineKind.InProcess, time)
{
    private readonly EngineWorkbench workbench = new(options.Threads, options.MaxWorlds);
    private readonly TaskCompletionSource exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Stopwatch uptime = Stopwatch.StartNew();

    /// <summary>Loads, exports, samples and resets finished, whatever their outcome: what a process engine's ping reports.</summary>
    private long finished;

    public override Task Exited => exited.Task;

    protected override async Task<EngineInfo> StartCoreAsync(CancellationToken cancellationToken)
    {
        if (options.WarmUp)
        {
            await Task.Run(() => WarmUp.Run(workbench), cancellationToken).ConfigureAwait(false);
        }

        return new EngineInfo(
            ProtocolVersion.Current,
            EngineVersion.Text,
            EngineKind.InProcess,
            Environment.ProcessId,
            workbench.Threads,
            WorldGenerator.SupportedWorldGenVersion,
            WorldKey.EngineDataVersion,
            workbench.MaxWorlds,
            ProtocolLimits.MaxSamplePoints);
    }

    protected override Task<WorldLoad> LoadCoreAsync(int seed, TimeSpan? deadline, CancellationToken cancellationToken) =>
        RunAsync(token => workbench.Load(seed, token), deadline, cancellationToken);

    protected override Task<ExportOutcome> ExportCoreAsync(ExportJob job, IProgress<double>? progress, CancellationToken cancellationToken) =>
        RunAsync(token => workbench.Export(job, progress, token), job.Deadline, cancellationToken);

    protected override Task<SampleResult> SampleCoreAsync(SampleJob job, CancellationToken cancellationToken) =>
        RunAsync(token => workbench.Sample(job, token), job.Deadline, cancellationToken);

    protected override Task<int[]> ResetCoreAsync(CancellationToken cancellationToken)
    {
        int[] seeds = workbench.Reset(keepWorlds: true);
        Interlocked.Increment(ref finished);
        NoteLoadedWorlds(seeds);
        return Task.FromResult(seeds);
    }

    protected override Task<EnginePing> PingCoreAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new EnginePing(State, workbench.LoadedSeeds(), Interlocked.Read(ref finished), TimeSpan.Zero));

    protected override Task StopCoreAsync(TimeSpan grace)
    {
        workbench.Reset(keepWorlds: false);
        exited.TrySetResult();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Runs one job on the thread pool under its deadline. The job's own failures become
    /// <see cref="EngineJobException"/>s with the protocol's codes, as a process engine would report them.
    /// </summary>
    private async Task<T> RunAsync<T>(Func<CancellationToken, T> work, TimeSpan? deadline, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (deadline is { } after)
        {
            limit.CancelAfter(after);
        }

        try
        {
            return await Task.Run(() => work(limit.Token), limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested && limit.IsCancellationRequested)
        {
            throw new EngineJobException(ErrorCodes.DeadlineExceeded, $"the job ran past its deadline of {deadline!.Value.TotalSeconds:0.###} s", exception);
        }
        catch (Exception exception) when (JobErrors.Code(exception) is { } code)
        {
            throw new EngineJobException(code, exception.Message, exception);
        }
        finally
        {
            Interlocked.Increment(ref finished);
        }
    }
}
