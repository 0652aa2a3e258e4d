using System.Globalization;
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
/// answered while it runs. The rules E1–E29 of docs/protocol.md are the contract; comments cite them.
/// </summary>
internal sealed class EngineSession(EngineWorkbench workbench, EngineHostOptions options, HostCounters counters, Stream input, Stream output)
{
    private readonly FrameReader reader = new(input);
    private readonly FrameWriter writer = new(output);
    private readonly Lock gate = new();
    private RunningJob? running;
    private EngineState state = EngineState.Ready;
    private bool hung;

    /// <summary>Cleared once the session ends: a job cancelled by shutdown or by the end of input gets no answer (E20, E28).</summary>
    private volatile bool answering = true;

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
                    // WaitAsync: a read of stdin ignores its token, and the parent's death must end the session
                    // even while the (orphaned) stdin stays open. The abandoned read is never resumed.
                    request = await reader.ReadRequestAsync(cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (ProtocolException exception)
                {
                    // E26: the frame is skipped and the stream stays in step, so the session goes on.
                    await writer.WriteAsync(Message.Error(exception), cancellationToken).ConfigureAwait(false);
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
            answering = false;
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
                await WriteAsync(Handshake(request), cancellationToken).ConfigureAwait(false);
                return false;
            case Ops.Ping:
                await WriteAsync(Stamp(new Message { Type = MessageTypes.Result, Id = request.Id, Op = Ops.Ping, UptimeMs = counters.Uptime.TotalMilliseconds }), cancellationToken)
                    .ConfigureAwait(false);
                return false;
            case Ops.Cancel:
                Cancel(request.Target);
                await WriteAsync(Stamp(Message.Result(request.Id, Ops.Cancel)), cancellationToken).ConfigureAwait(false);
                return false;
            case Ops.Shutdown:
                // E20: the shutdown answer is the last frame; the running job is cancelled and gets none.
                answering = false;
                await StopJobAsync().ConfigureAwait(false);
                SetState(EngineState.Stopped, announce: false);
                await writer.WriteAsync(Stamp(Message.Result(request.Id, Ops.Shutdown)), cancellationToken).ConfigureAwait(false);
                return true;
            case Ops.Load or Ops.Export or Ops.Sample or Ops.Reset:
                await StartJobAsync(request, cancellationToken).ConfigureAwait(false);
                return false;
            default:
                await WriteAsync(
                    Error(request, ErrorCodes.UnknownOp, $"op '{request.Op}' is unknown; known: {string.Join(", ", Ops.All)}"),
                    cancellationToken).ConfigureAwait(false);
                return false;
        }
    }

    private async Task StartJobAsync(Request request, CancellationToken cancellationToken)
    {
        RunningJob? job;
        Request? busyWith;
        lock (gate)
        {
            busyWith = running?.Request;
            job = busyWith is null ? running = new RunningJob(request, CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)) : null;
        }

        if (job is null)
        {
            // E21: refused at once, the running job undisturbed.
            await WriteAsync(
                Error(request, ErrorCodes.Busy, $"request {busyWith!.Id} ({busyWith.Op}) is running; this engine runs one job at a time. Send it to another engine or wait for request {busyWith.Id}"),
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
            answer = job.CancelledBy is { } by
                ? Error(request, ErrorCodes.Cancelled, $"{request.Op} request {request.Id} was cancelled{by}; nothing was written")
                : Error(request, ErrorCodes.DeadlineExceeded, $"{request.Op} request {request.Id} did not finish within its deadline of {request.DeadlineMs} ms; nothing was written. Give a longer deadlineMs or a smaller job");
        }
        catch (EngineJobException exception)
        {
            answer = Error(request, exception.Code, exception.Message);
        }
        catch (Exception exception) when (JobErrors.Code(exception) is { } code)
        {
            answer = Error(request, code, exception.Message);
        }
        catch (Exception exception)
        {
            answer = Error(request, ErrorCodes.Internal, $"{request.Op} request {request.Id} failed inside the engine: {exception.GetType().Name}: {exception.Message}");
        }

        // E22: back to Ready (and free for the next job) before the answer is written.
        counters.JobDone();
        lock (gate)
        {
            running = null;
        }

        SetState(EngineState.Ready);
        job.Cancellation.Dispose();
        if (answer.Type == MessageTypes.Result)
        {
            Stamp(answer);
        }

        await WriteAsync(answer, CancellationToken.None).ConfigureAwait(false);
    }

    private Message Execute(Request request, CancellationToken cancellationToken)
    {
        switch (request.Op)
        {
            case Ops.Load:
                int seed = JobRequests.Seed(request);
                SetState(EngineState.Generating);
                HangIfTold(options.Faults.HangLoadOnJob, cancellationToken);
                return JobWire.Loaded(request.Id, workbench.Load(seed, cancellationToken));
            case Ops.Export:
                ExportJob export = JobRequests.Export(request);
                SetState(workbench.LoadedSeeds().Contains(export.Seed) ? EngineState.Exporting : EngineState.Generating);
                HangIfTold(options.Faults.HangLoadOnJob, cancellationToken);
                var progress = new ProgressFrames(this, request.Id);
                return JobWire.Exported(request.Id, export.Seed, workbench.Export(export, progress, cancellationToken));
            case Ops.Sample:
                SampleJob sample = JobRequests.Sample(request);
                SetState(workbench.LoadedSeeds().Contains(sample.Seed) ? EngineState.Exporting : EngineState.Generating);
                return JobWire.Sampled(request.Id, sample.Seed, workbench.Sample(sample, cancellationToken));
            default:
                SetState(EngineState.Resetting);
                workbench.Reset(request.KeepWorlds ?? true);
                return Message.Result(request.Id, Ops.Reset);
        }
    }

    /// <summary>Called with export progress: the first report means the world is loaded and sampling began.</summary>
    internal void OnExportProgress(long requestId, double fraction)
    {
        SetState(EngineState.Exporting);
        Write(Message.Progress(requestId, "export", fraction));
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
                job.CancelledBy = string.Create(CultureInfo.InvariantCulture, $" by a cancel request");
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
                job.CancelledBy = " because the engine is stopping";
                job.Cancellation.Cancel();
            }
        }

        if (job?.Task is { } task)
        {
            await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>E24: every change of state is announced with a state frame, before anything that depends on it.</summary>
    private void SetState(EngineState next, bool announce = true)
    {
        lock (gate)
        {
            if (state == next)
            {
                return;
            }

            state = next;
        }

        if (announce)
        {
            Write(Stamp(new Message { Type = MessageTypes.State }));
        }
    }

    /// <summary>E9: results and state frames carry the state, the loaded worlds and the jobs done as they are when written.</summary>
    private Message Stamp(Message message)
    {
        lock (gate)
        {
            message.State = state.ToString();
        }

        message.LoadedWorlds = workbench.LoadedSeeds();
        message.Jobs = counters.Done;
        return message;
    }

    private static Message Error(Request request, string code, string text)
    {
        Message error = Message.Error(request.Id, code, text);
        error.Op = request.Op;
        return error;
    }

    /// <summary>Writes a frame from a job's thread; a client that has gone is the reading loop's to notice (E28, E29).</summary>
    private void Write(Message message) => WriteAsync(message, CancellationToken.None).GetAwaiter().GetResult();

    private async Task WriteAsync(Message message, CancellationToken cancellationToken)
    {
        if (!answering)
        {
            return;
        }

        try
        {
            await writer.WriteAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The client is gone; the reading loop sees the end of the stream and ends the session.
            answering = false;
        }
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
        LoadedWorlds = workbench.LoadedSeeds(),
        Jobs = counters.Done,
        UptimeMs = counters.Uptime.TotalMilliseconds,
    };

    private Message Handshake(Request request) =>
        request.Protocol == ProtocolVersion.Current
            ? Stamp(new Message { Type = MessageTypes.Result, Id = request.Id, Op = Ops.Hello, Protocol = ProtocolVersion.Current, Engine = EngineVersion.Text, Kind = options.Kind })
            : Error(
                request,
                ErrorCodes.UnsupportedProtocol,
                string.Create(CultureInfo.InvariantCulture, $"this engine speaks protocol {ProtocolVersion.Current}, not {request.Protocol?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}; use a client that speaks protocol {ProtocolVersion.Current}"));

    private sealed class RunningJob(Request request, CancellationTokenSource cancellation)
    {
        public Request Request { get; } = request;

        public CancellationTokenSource Cancellation { get; } = cancellation;

        /// <summary>Why the job was cancelled, when it was on purpose (else its deadline ran out).</summary>
        public string? CancelledBy { get; set; }

        public Task? Task { get; set; }
    }
}
