using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Vwe.Plugins.Core.Export;
using Vwe.Plugins.Core.Grid;
using Vwe.Plugins.Core.Sampling;
using Vwe.Plugins.Core.Worlds;
using Vwe.Protocol;

namespace Vwe.Plugins.Core.Server;

/// <summary>
/// One connection: sends hello, then reads requests until the stream ends or a shutdown arrives. hello, ping,
/// cancel and shutdown are answered at once on the reading loop; a job (load, export, sample, reset) runs on the
/// thread pool, one at a time, so pings are answered while it runs. The rules E1–E29 of docs/protocol.md are the
/// contract, the same the native engine host keeps; comments cite them.
/// </summary>
internal sealed class EngineSession
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(100);

    private readonly EngineCore core;
    private readonly FrameReader reader;
    private readonly FrameWriter writer;
    private readonly object gate = new();
    private RunningJob? running;
    private string state = EngineStates.Ready;

    /// <summary>Cleared once the session ends: a job cancelled by shutdown or by the end of input gets no answer (E20, E29).</summary>
    private volatile bool answering = true;

    public EngineSession(EngineCore core, Stream stream)
    {
        this.core = core;
        reader = new FrameReader(stream);
        writer = new FrameWriter(stream);
    }

    /// <summary>Serves the connection; true when a shutdown was asked.</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        await writer.WriteAsync(Hello(MessageTypes.Hello, null), cancellationToken).ConfigureAwait(false);
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
                    // E26: the frame was skipped and the stream stays in step, so the session goes on.
                    await WriteAsync(Message.Error(exception), cancellationToken).ConfigureAwait(false);
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
            await StopJobAsync(" because the client went away").ConfigureAwait(false);
        }
    }

    /// <summary>Answers one request; true for shutdown.</summary>
    private async Task<bool> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        switch (request.Op)
        {
            case Ops.Hello:
                await WriteAsync(Handshake(request), cancellationToken).ConfigureAwait(false);
                return false;
            case Ops.Ping:
                Message pong = Stamp(Message.Result(request.Id, Ops.Ping));
                pong.UptimeMs = core.UptimeMs;
                await WriteAsync(pong, cancellationToken).ConfigureAwait(false);
                return false;
            case Ops.Cancel:
                Cancel(request);
                await WriteAsync(Stamp(Message.Result(request.Id, Ops.Cancel)), cancellationToken).ConfigureAwait(false);
                return false;
            case Ops.Shutdown:
                // E20: the answer is the last frame; the running job is cancelled and gets none.
                answering = false;
                await StopJobAsync(" because the engine is stopping").ConfigureAwait(false);
                SetState(EngineStates.Stopped, announce: false);
                await writer.WriteAsync(Stamp(Message.Result(request.Id, Ops.Shutdown)), cancellationToken).ConfigureAwait(false);
                return true;
            case Ops.Load:
            case Ops.Export:
            case Ops.Sample:
            case Ops.Reset:
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
        RunningJob? job = null;
        Request? busyWith;
        lock (gate)
        {
            busyWith = running?.Request;
            if (busyWith is null)
            {
                job = running = new RunningJob(request, CancellationTokenSource.CreateLinkedTokenSource(cancellationToken));
            }
        }

        if (job is null)
        {
            // E21: refused at once, the running job undisturbed.
            await WriteAsync(
                Error(request, ErrorCodes.Busy, FormattableString.Invariant(
                    $"request {busyWith!.Id} ({busyWith.Op}) is running; this engine runs one job at a time. Send it to another engine or wait for request {busyWith.Id}")),
                cancellationToken).ConfigureAwait(false);
            return;
        }

        job.Task = Task.Run(() => RunJob(job), CancellationToken.None);
    }

    private void RunJob(RunningJob job)
    {
        Request request = job.Request;
        Message answer;
        try
        {
            if (JobChecks.Deadline(request) is { } deadline)
            {
                // E25: the clock runs from reading the request and includes loading the world.
                job.Cancellation.CancelAfter(deadline);
            }

            answer = Execute(request, job.Cancellation.Token);
        }
        catch (OperationCanceledException) when (job.Cancellation.IsCancellationRequested)
        {
            answer = job.CancelledBy is { } by
                ? Error(request, ErrorCodes.Cancelled, FormattableString.Invariant($"{request.Op} request {request.Id} was cancelled{by}; nothing was written"))
                : Error(request, ErrorCodes.DeadlineExceeded, FormattableString.Invariant(
                    $"{request.Op} request {request.Id} did not finish within its deadline of {request.DeadlineMs} ms; nothing was written. Give a longer deadlineMs or a smaller job"));
        }
        catch (JobFailure failure)
        {
            answer = Error(request, failure.Code, failure.Message);
        }
        catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
        {
            answer = Error(request, ErrorCodes.Io, FormattableString.Invariant($"{request.Op} request {request.Id}: {exception.Message}"));
        }
        catch (Exception exception)
        {
            core.Options.Log?.Invoke(FormattableString.Invariant($"{request.Op} request {request.Id} failed: {exception}"));
            answer = Error(request, ErrorCodes.Internal, FormattableString.Invariant(
                $"{request.Op} request {request.Id} failed inside the engine: {exception.GetType().Name}: {exception.Message}"));
        }

        // E22: back to Ready (and free for the next job) before the answer is written.
        core.JobDone();
        lock (gate)
        {
            running = null;
        }

        SetState(EngineStates.Ready);
        job.Cancellation.Dispose();
        if (answer.Type == MessageTypes.Result)
        {
            Stamp(answer);
        }

        Write(answer);
    }

    private Message Execute(Request request, CancellationToken cancellationToken)
    {
        switch (request.Op)
        {
            case Ops.Load:
                {
                    int seed = JobChecks.Seed(request);
                    WorldLoad load = Load(request.Id, seed, cancellationToken);
                    return Loaded(Message.Result(request.Id, Ops.Load), seed, load);
                }

            case Ops.Export:
                {
                    ExportPlan plan = JobChecks.Export(request);
                    WorldLoad load = Load(request.Id, plan.Seed, cancellationToken);
                    SetState(EngineStates.Exporting);
                    ExportReport report = GridExporter.Export(load.World, plan, new ProgressFrames(this, request.Id), cancellationToken);
                    Message result = Loaded(Message.Result(request.Id, Ops.Export), plan.Seed, load);
                    result.WorldKey = report.WorldKey;
                    result.OutputDirectory = report.OutputDirectory;
                    result.Files = [.. report.Files];
                    result.ExportMs = report.Duration.TotalMilliseconds;
                    return result;
                }

            case Ops.Sample:
                {
                    SamplePlan plan = JobChecks.Sample(request);
                    WorldLoad load = Load(request.Id, plan.Seed, cancellationToken);
                    SetState(EngineStates.Exporting);
                    var clock = Stopwatch.StartNew();
                    Message result = Loaded(Message.Result(request.Id, Ops.Sample), plan.Seed, load);
                    PointSampler.Sample(load.World, plan, result, cancellationToken);
                    result.ExportMs = clock.Elapsed.TotalMilliseconds;
                    return result;
                }

            default:
                // E18: a reset drops what jobs left behind; the generator keeps no buffers of ours beyond the worlds.
                SetState(EngineStates.Resetting);
                if (request.KeepWorlds == false)
                {
                    core.Worlds.Clear();
                }

                return Message.Result(request.Id, Ops.Reset);
        }
    }

    /// <summary>
    /// The world of <paramref name="seed"/>, loaded unless it still is (E11, E12, E15). A load that is cancelled or
    /// runs out of time leaves the loaded worlds as they were.
    /// </summary>
    private WorldLoad Load(long requestId, int seed, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (core.Worlds.Find(seed) is { } loaded)
        {
            return new WorldLoad(loaded, cached: true, TimeSpan.Zero);
        }

        SetState(EngineStates.Generating);
        Write(Message.Progress(requestId, "load", 0));
        var clock = Stopwatch.StartNew();
        IWorldSource world = core.Factory.Create(seed, cancellationToken);
        TimeSpan duration = clock.Elapsed;
        cancellationToken.ThrowIfCancellationRequested();
        if (world.Seed != seed || world.WorldGenVersion != WorldKeys.WorldGenVersion)
        {
            throw new InvalidOperationException(FormattableString.Invariant(
                $"the world made for seed {seed} is seed {world.Seed}, worldGenVersion {world.WorldGenVersion}; expected worldGenVersion {WorldKeys.WorldGenVersion}"));
        }

        core.Worlds.Add(world);
        Write(Message.Progress(requestId, "load", 1));
        return new WorldLoad(world, cached: false, duration);
    }

    private static Message Loaded(Message result, int seed, WorldLoad load)
    {
        result.SeedInt = seed;
        result.Cached = load.Cached;
        result.LoadMs = load.Duration.TotalMilliseconds;
        return result;
    }

    /// <summary>Export progress, at most one frame per <see cref="ProgressInterval"/> (E23), the last always.</summary>
    private sealed class ProgressFrames : IProgress<double>
    {
        private readonly EngineSession session;
        private readonly long requestId;
        private readonly Stopwatch sinceLast = new();

        public ProgressFrames(EngineSession session, long requestId)
        {
            this.session = session;
            this.requestId = requestId;
        }

        public void Report(double value)
        {
            if (sinceLast.IsRunning && sinceLast.Elapsed < ProgressInterval && value < 1)
            {
                return;
            }

            sinceLast.Reset();
            sinceLast.Start();
            session.Write(Message.Progress(requestId, "export", value));
        }
    }

    private void Cancel(Request request)
    {
        lock (gate)
        {
            if (running is { } job && request.Target is { } target && job.Request.Id == target)
            {
                job.CancelledBy = FormattableString.Invariant($" by request {request.Id}");
                job.Cancellation.Cancel();
            }
        }
    }

    private async Task StopJobAsync(string why)
    {
        RunningJob? job;
        lock (gate)
        {
            job = running;
            if (job is not null)
            {
                job.CancelledBy ??= why;
                job.Cancellation.Cancel();
            }
        }

        if (job?.Task is { } task)
        {
            try
            {
                await task.ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                // The job answers its own failures; this is only the wait for it to stop.
                core.Options.Log?.Invoke("a job ended badly while stopping: " + exception.Message);
            }
        }
    }

    /// <summary>E24: every change of state is announced with a state frame, before anything that depends on it.</summary>
    private void SetState(string next, bool announce = true)
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

    /// <summary>E9: results and state frames carry the state, loaded worlds and jobs as they are when written.</summary>
    private Message Stamp(Message message)
    {
        lock (gate)
        {
            message.State = state;
        }

        message.LoadedWorlds = core.Worlds.Seeds();
        message.Jobs = core.JobsDone;
        return message;
    }

    /// <summary>The hello frame (E4), or the result of a hello request (E5): the same fields.</summary>
    private Message Hello(string type, long? id)
    {
        Message hello = Stamp(new Message
        {
            Type = type,
            Id = id,
            Op = id is null ? null : Ops.Hello,
            Protocol = ProtocolVersion.Current,
            Engine = core.Options.EngineName,
            Kind = core.Options.Kind,
            Pid = CurrentProcessId(),
            Threads = 1,
            WorldGenVersion = WorldKeys.WorldGenVersion,
            EngineDataVersion = WorldKeys.EngineDataVersion,
            MaxWorlds = core.Worlds.Capacity,
            MaxSamplePoints = ProtocolLimits.MaxSamplePoints,
            MaxFrameBytes = ProtocolLimits.MaxFrameBytes,
        });
        hello.UptimeMs = core.UptimeMs;
        return hello;
    }

    private Message Handshake(Request request)
    {
        if (request.Protocol is null)
        {
            return Error(request, ErrorCodes.BadRequest, FormattableString.Invariant(
                $"hello request {request.Id}: protocol is missing; give the version the client speaks ({ProtocolVersion.Current})"));
        }

        return request.Protocol == ProtocolVersion.Current
            ? Hello(MessageTypes.Result, request.Id)
            : Error(request, ErrorCodes.UnsupportedProtocol, FormattableString.Invariant(
                $"this engine speaks protocol {ProtocolVersion.Current}, not {request.Protocol}; use a client that speaks protocol {ProtocolVersion.Current}"));
    }

    private static Message Error(Request request, string code, string text)
    {
        Message error = Message.Error(request.Id, code, text);
        error.Op = request.Op;
        return error;
    }

    private static int CurrentProcessId()
    {
        using var process = Process.GetCurrentProcess();
        return process.Id;
    }

    /// <summary>Writes a frame from a job's thread; a client that has gone is the reading loop's to notice (E29).</summary>
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
        catch (Exception exception) when (exception is IOException || exception is ObjectDisposedException || exception is InvalidOperationException)
        {
            // The client is gone (a failed writer refuses further writes); the reading loop ends the session.
            answering = false;
        }
    }

    private sealed class WorldLoad
    {
        public WorldLoad(IWorldSource world, bool cached, TimeSpan duration)
        {
            World = world;
            Cached = cached;
            Duration = duration;
        }

        public IWorldSource World { get; }

        public bool Cached { get; }

        public TimeSpan Duration { get; }
    }

    private sealed class RunningJob
    {
        public RunningJob(Request request, CancellationTokenSource cancellation)
        {
            Request = request;
            Cancellation = cancellation;
        }

        public Request Request { get; }

        public CancellationTokenSource Cancellation { get; }

        /// <summary>Why the job was cancelled, when on purpose (else its deadline ran out).</summary>
        public string? CancelledBy { get; set; }

        public Task? Task { get; set; }
    }
}
