using System.Diagnostics;
using Vwe.Engines.Jobs;
using Vwe.Engines.Wire;
using Vwe.Protocol;

namespace Vwe.Engines.Remote;

/// <summary>
/// An engine spoken to through the control protocol, whatever carries the bytes (a child's stdio here; TCP to a
/// container or the game later). Subclasses connect and disconnect; this class turns each engine operation into
/// a request and its answer back into results, with the time limits of <see cref="RemoteEngineOptions"/>.
/// </summary>
public abstract class ProtocolEngine(string id, EngineKind kind, RemoteEngineOptions options, TimeProvider? time)
    : Engine(id, kind, time)
{
    private ProtocolClient? client;

    protected RemoteEngineOptions Options { get; } = options;

    /// <summary>Why the connection ended, once it has.</summary>
    protected Task<string> Disconnected => Client.Closed;

    private ProtocolClient Client => client ?? throw new InvalidOperationException($"engine {Id} is not connected");

    /// <summary>Reads the hello of a fresh connection and completes the handshake; returns what the engine said.</summary>
    private protected async Task<EngineInfo> HandshakeAsync(ProtocolClient connection, EngineKind expectedKind, CancellationToken cancellationToken)
    {
        client = connection;
        Message hello = await connection.ReadHelloAsync(cancellationToken).ConfigureAwait(false);
        if (hello.Protocol != ProtocolVersion.Current)
        {
            throw new EngineStartException(Id, $"it speaks protocol {hello.Protocol}, this pool speaks {ProtocolVersion.Current}");
        }

        await SendAsync(new Request { Op = Ops.Hello, Protocol = ProtocolVersion.Current, Client = EngineVersion.Text }, null, Options.ControlTimeout, cancellationToken)
            .ConfigureAwait(false);
        return new EngineInfo(
            hello.Protocol ?? 0,
            hello.Engine ?? "unknown",
            expectedKind,
            hello.Pid,
            hello.Threads ?? 1,
            hello.WorldGenVersion ?? 0,
            hello.EngineDataVersion ?? 0,
            hello.MaxWorlds ?? 0,
            hello.MaxSamplePoints ?? 0);
    }

    /// <summary>
    /// Reads the hello on a fresh byte stream (a TCP connection) and completes the handshake; the connection replaces
    /// any earlier one, which the caller closes first (<see cref="CloseConnectionAsync"/>).
    /// </summary>
    protected Task<EngineInfo> HandshakeAsync(Stream fromEngine, Stream toEngine, EngineKind expectedKind, CancellationToken cancellationToken) =>
        HandshakeAsync(new ProtocolClient(Id, fromEngine, toEngine), expectedKind, cancellationToken);

    /// <summary>Fails every pending and later request: the process died, the socket closed.</summary>
    protected void Disconnect(string reason) => client?.Fail(reason);

    protected ValueTask CloseConnectionAsync() => client?.DisposeAsync() ?? ValueTask.CompletedTask;

    protected override async Task<WorldLoad> LoadCoreAsync(int seed, TimeSpan? deadline, CancellationToken cancellationToken)
    {
        // The shorter limit binds: the job's deadline (running out is the job's error) or our load timeout (running
        // out is the engine's failure: the fast-restart rule), so a long job deadline never lets a load hang longer.
        bool jobsDeadline = deadline is { } job && job <= Options.LoadTimeout;
        TimeSpan limit = jobsDeadline ? deadline!.Value : Options.LoadTimeout;
        Message answer;
        try
        {
            answer = await SendAsync(JobWire.Load(0, seed, limit), null, limit, cancellationToken).ConfigureAwait(false);
        }
        catch (EngineJobException exception) when (!jobsDeadline && exception.Code == ErrorCodes.DeadlineExceeded)
        {
            throw new EngineFailedException(Id, $"world {seed} did not load within the load timeout of {Options.LoadTimeout.TotalSeconds:0.#} s", exception);
        }

        NoteLoadedWorlds(answer.LoadedWorlds ?? []);
        return Decode(answer, JobWire.Loaded);
    }

    protected override async Task<ExportOutcome> ExportCoreAsync(ExportJob job, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        Action<Message>? onProgress = progress is null ? null : frame => progress.Report(frame.Fraction ?? 0);
        Message answer = await SendAsync(JobWire.Export(0, job), onProgress, job.Deadline ?? Options.JobTimeout, cancellationToken).ConfigureAwait(false);
        NoteLoadedWorlds(answer.LoadedWorlds ?? []);
        return Decode(answer, JobWire.Exported);
    }

    protected override async Task<SampleResult> SampleCoreAsync(SampleJob job, CancellationToken cancellationToken)
    {
        Message answer = await SendAsync(JobWire.Sample(0, job), null, job.Deadline ?? Options.JobTimeout, cancellationToken).ConfigureAwait(false);
        NoteLoadedWorlds(answer.LoadedWorlds ?? []);
        return Decode(answer, message => JobWire.Sampled(message, job));
    }

    protected override async Task<int[]> ResetCoreAsync(CancellationToken cancellationToken)
    {
        Message answer = await SendAsync(new Request { Op = Ops.Reset, KeepWorlds = true }, null, Options.ControlTimeout, cancellationToken)
            .ConfigureAwait(false);
        return answer.LoadedWorlds ?? [];
    }

    protected override async Task<EnginePing> PingCoreAsync(CancellationToken cancellationToken)
    {
        // No time limit of ours: whoever pings judges a late answer (the pool counts misses, as Agones does);
        // a limit here would declare the engine dead after one slow answer.
        var clock = Stopwatch.StartNew();
        Message answer = await SendAsync(new Request { Op = Ops.Ping }, null, timeout: null, cancellationToken).ConfigureAwait(false);
        return Decode(answer, message => JobWire.Ping(message, clock.Elapsed));
    }

    /// <summary>Asks the engine to exit; false when it did not confirm within <paramref name="grace"/>.</summary>
    protected async Task<bool> RequestShutdownAsync(TimeSpan grace)
    {
        if (client is null || client.Closed.IsCompleted)
        {
            return false;
        }

        try
        {
            await client.SendAsync(new Request { Op = Ops.Shutdown }, null, grace, TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is EngineFailedException or EngineJobException)
        {
            return false;
        }
    }

    private Task<Message> SendAsync(Request request, Action<Message>? onProgress, TimeSpan? timeout, CancellationToken cancellationToken) =>
        Client.SendAsync(request, onProgress, timeout, Options.Grace, cancellationToken);

    private T Decode<T>(Message answer, Func<Message, T> decode)
    {
        try
        {
            return decode(answer);
        }
        catch (FormatException exception)
        {
            throw new EngineFailedException(Id, $"its answer was not understood: {exception.Message}", exception);
        }
    }
}
