using System.Diagnostics;
using Vwe.Engines.Jobs;
using Vwe.Engines.Lifecycle;
using Vwe.Engines.Work;
using Vwe.Engines.Wire;
using Vwe.Protocol;

namespace Vwe.Engines.Hosting;

/// <summary>
/// One connection of the engine host (stdio, or one TCP client): sends hello, then reads requests until the
/// stream ends or a shutdown arrives. Control requests (hello, ping, cancel, shutdown) are answered at once on
/// the reading loop; a job (load, export, sample, reset) runs on the thread pool, one at a time, so pings are
/// answered while it runs. docs/protocol.md is the contract.
/// </summary>
internal sealed class EngineSession(EngineWorkbench workbench, EngineHostOptions options, HostCounters counters, Stream input, Stream output)
{
    private readonly FrameReader reader = new(input);
    private readonly FrameWriter writer = new(output);
    private readonly Lock gate = new();
    private RunningJob? running;
    private EngineState state = EngineState.Ready;
    private bool hung;

    /// <summary>Serves the connection; true when a shutdown was asked (the host then exits).</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        await writer.WriteAsync(Hello(), cancellationToken).ConfigureAwait(false);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                Request? request;
                try
                {
                    request = await reader.ReadRequestAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (ProtocolException exception)
                {
                    // The frame is skipped; the stream stays in step, so the session goes on.
                    await writer.WriteAsync(JobWire.Error(null, exception.Code, exception.Message), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (request is null)
                {
                    return false;
                }

                if (await HandleAsync(request, cancellationToken).ConfigureAwait(false))
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            await StopJobAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Answers one request; true for shutdown.</summary>
    private async Task<bool> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        if (hung)
        {
            return false;
        }

        switch (request.Op)
        {
            case Ops.Hello:
                await writer.WriteAsync(Handshake(request), cancellationToken).ConfigureAwait(false);
                return false;
            case Ops.Ping:
                await writer.WriteAsync(Ping(request.Id), cancellationToken).ConfigureAwait(false);
                return false;
            case Ops.Cancel:
                Cancel(request.Target);
                await writer.WriteAsync(new Message { Type = MessageTypes.Result, Id = request.Id, Op = Ops.Cancel }, cancellationToken).ConfigureAwait(false);
                return false;
            case Ops.Shutdown:
                await StopJobAsync().ConfigureAwait(false);
                await writer.WriteAsync(new Message { Type = MessageTypes.Result, Id = request.Id, Op = Ops.Shutdown, State = EngineState.Stopped.ToString() }, cancellationToken).ConfigureAwait(false);
                return true;
            case Ops.Load or Ops.Export or Ops.Sample or Ops.Reset:
                await StartJobAsync(request, cancellationToken).ConfigureAwait(false);
                return false;
            default:
                await writer.WriteAsync(
                    JobWire.Error(request.Id, ErrorCodes.UnknownOp, $"op '{request.Op}' is unknown; known: hello, ping, load, export, sample, reset, cancel, shutdown"),
                    cancellationToken).ConfigureAwait(false);
                return false;
        }
    }

    private async Task StartJobAsync(Request request, CancellationToken cancellationToken)
    {
        RunningJob job;
        lock (gate)
        {
            job = running is null
                ? running = new RunningJob(request, CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                : null!;
        }

        if (job is null)
        {
            await writer.WriteAsync(
                JobWire.Error(request.Id, ErrorCodes.Busy, $"a job is already running; one job at a time (send cancel, or wait for its answer)"),
                cancellationToken).ConfigureAwait(false);
            return;
        }

        if (request.Op != Ops.Reset && counters.NextJob() is var number)
        {
            if (options.Faults.CrashOnJob == number)
            {
                // Fault injection: a real crash, as abrupt as the kernel's OOM killer.
                System.Diagnostics.Process.GetCurrentProcess().Kill();
            }

            if (options.Faults.HangOnJob == number)
            {
                // Fault injection: from now on nothing is answered; requests are still read, so a closed stdin still ends the process.
                hung = true;
                return;
            }
        }

        job.Task = Task.Run(() => RunJobAsync(job), CancellationToken.None);
    }

    private async Task RunJobAsync(RunningJob job)
    {
        Request request = job.Request;
        Message answer;
        try
        {
            if (JobRequests.Deadline(request) is { } deadline)
            {
                job.Cancellation.CancelAfter(deadline);
            }

            answer = Execute(request, job.Cancellation.Token);
        }
        catch (OperationCanceledException) when (job.Cancellation.IsCancellationRequested)
        {
            answer = job.CancelledByClient
                ? JobWire.Error(request.Id, ErrorCodes.Cancelled, $"{request.Op} request {request.Id} was cancelled")
                : JobWire.Error(request.Id, ErrorCodes.DeadlineExceeded, $"{request.Op} request {request.Id} ran past its deadline of {request.DeadlineMs} ms");
        }
        catch (EngineJobException exception)
        {
            answer = JobWire.Error(request.Id, exception.Code, exception.Message);
        }
        catch (Exception exception) when (JobErrors.Code(exception) is { } code)
        {
            answer = JobWire.Error(request.Id, code, exception.Message);
        }
        catch (Exception exception)
        {
            answer = JobWire.Error(request.Id, ErrorCodes.Internal, $"{exception.GetType().Name}: {exception.Message}");
        }
        finally
        {
            SetState(EngineState.Ready);
        }

        lock (gate)
        {
            running = null;
        }

        job.Cancellation.Dispose();
        try
        {
            await writer.WriteAsync(answer, CancellationToken.None).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The client is gone; the reading loop sees the end of the stream and ends the session.
        }
    }

    private Message Execute(Request request, CancellationToken cancellationToken)
    {
        switch (request.Op)
        {
            case Ops.Load:
                int seed = JobRequests.Seed(request);
                SetState(EngineState.Generating);
                HangIfTold(options.Faults.HangLoadOnJob, cancellationToken);
                WorldLoad load = workbench.Load(seed, cancellationToken);
                return JobWire.Loaded(request.Id, load, workbench.LoadedSeeds());
            case Ops.Export:
                ExportJob export = JobRequests.Export(request);
                SetState(workbench.LoadedSeeds().Contains(export.Seed) ? EngineState.Exporting : EngineState.Generating);
                HangIfTold(options.Faults.HangLoadOnJob, cancellationToken);
                var progress = new ProgressFrames(writer, request.Id, () => SetState(EngineState.Exporting));
                ExportOutcome outcome = workbench.Export(export, progress, cancellationToken);
                return JobWire.Exported(request.Id, outcome, workbench.LoadedSeeds());
            case Ops.Sample:
                SampleJob sample = JobRequests.Sample(request);
                SetState(EngineState.Exporting);
                return JobWire.Sampled(request.Id, workbench.Sample(sample, cancellationToken), workbench.LoadedSeeds());
            default:
                SetState(EngineState.Resetting);
                counters.JobDone();
                return new Message
                {
                    Type = MessageTypes.Result,
                    Id = request.Id,
                    Op = Ops.Reset,
                    LoadedWorlds = workbench.Reset(request.KeepWorlds ?? true),
                    State = EngineState.Ready.ToString(),
                };
        }
    }

    /// <summary>Fault injection: a load that never ends (cancellation still ends it, as a stuck native call would not).</summary>
    private void HangIfTold(int? onJob, CancellationToken cancellationToken)
    {
        if (onJob == counters.Jobs)
        {
            cancellationToken.WaitHandle.WaitOne();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private void Cancel(long? target)
    {
        lock (gate)
        {
            if (running is { } job && job.Request.Id == target)
            {
                job.CancelledByClient = true;
                job.Cancellation.Cancel();
            }
        }
    }

    private async Task StopJobAsync()
    {
        RunningJob? job;
        lock (gate)
        {
            job = running;
            if (job is not null)
            {
                job.CancelledByClient = true;
                job.Cancellation.Cancel();
            }
        }

        if (job?.Task is { } task)
        {
            await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private void SetState(EngineState next)
    {
        lock (gate)
        {
            state = next;
        }
    }

    private Message Ping(long id)
    {
        EngineState now;
        lock (gate)
        {
            now = state;
        }

        return JobWire.Ping(id, now, workbench.LoadedSeeds(), counters.Done, counters.Uptime);
    }

    private Message Hello() => new()
    {
        Type = MessageTypes.Hello,
        Protocol = ProtocolVersion.Current,
        Engine = EngineVersion.Text,
        Kind = options.Kind,
        Pid = Environment.ProcessId,
        Threads = workbench.Threads,
        WorldGenVersion = WorldGen.WorldGenerator.SupportedWorldGenVersion,
        EngineDataVersion = Maps.WorldKey.EngineDataVersion,
        MaxWorlds = workbench.MaxWorlds,
        MaxSamplePoints = ProtocolLimits.MaxSamplePoints,
        MaxFrameBytes = ProtocolLimits.MaxFrameBytes,
        State = EngineState.Ready.ToString(),
    };

    private static Message Handshake(Request request) =>
        request.Protocol == ProtocolVersion.Current
            ? new Message { Type = MessageTypes.Result, Id = request.Id, Op = Ops.Hello, Protocol = ProtocolVersion.Current, Engine = EngineVersion.Text }
            : JobWire.Error(
                request.Id,
                ErrorCodes.UnsupportedProtocol,
                $"protocol {request.Protocol?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} is not supported; this engine speaks {ProtocolVersion.Current}");

    private sealed class RunningJob(Request request, CancellationTokenSource cancellation)
    {
        public Request Request { get; } = request;

        public CancellationTokenSource Cancellation { get; } = cancellation;

        public bool CancelledByClient { get; set; }

        public Task? Task { get; set; }
    }
}
