using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Docker.DotNet;
using Docker.DotNet.Models;
using Vwe.Engines.Jobs;
using Vwe.Engines.Remote;
using Vwe.Protocol;

namespace Vwe.Engines.Containers;

/// <summary>
/// An engine in a Docker container: <c>vwe engine --listen</c> from the engine image, its port published on the
/// host's 127.0.0.1 only, spoken to over TCP. Ready when its hello answers through that port (never by reading its
/// logs). Its death is noticed at once, by the connection closing and by the daemon's wait on the container
/// returning. A failed engine's container is handed to the next engine, which restarts it (the fast-restart
/// fallback); otherwise stopping removes it.
/// </summary>
public sealed class DockerEngine : ProtocolEngine
{
    private static readonly TimeSpan ConnectRetry = TimeSpan.FromMilliseconds(50);

    private readonly DockerEngineFactory factory;
    private readonly DockerEngineOptions options;
    private readonly TaskCompletionSource exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource stopWatching = new();
    private TcpClient? connection;
    private Task? watch;
    private volatile bool stopping;
    private int handedOver;

    internal DockerEngine(string id, DockerEngineFactory factory)
        : base(id, EngineKind.Docker, factory.Options.Remote, time: null)
    {
        this.factory = factory;
        options = factory.Options;

        // Runs before the pool hears of the failure (the state changes before the exception travels), so the
        // replacement the pool starts finds the container waiting for its restart.
        Lifecycle.Changed += change =>
        {
            if (change.To == Vwe.Engines.Lifecycle.EngineState.Unhealthy)
            {
                HandOverForRestart();
            }
        };
    }

    public override Task Exited => exited.Task;

    /// <summary>The container's id once created (or taken over for a restart).</summary>
    public string? ContainerId { get; private set; }

    /// <summary>The host port on 127.0.0.1 that reaches the engine's control port.</summary>
    public int? HostPort { get; private set; }

    /// <summary>Whether this engine restarted a failed engine's container rather than creating one.</summary>
    public bool Restarted { get; private set; }

    private DockerClient Client => factory.Client;

    private string ShortId => ContainerId is { Length: > 12 } id ? id[..12] : ContainerId ?? "(none)";

    protected override async Task<EngineInfo> StartCoreAsync(CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Options.StartTimeout);
        try
        {
            await RunContainerAsync(limit.Token).ConfigureAwait(false);
            watch = WatchContainerAsync(ContainerId!);
            HostPort = await PublishedPortAsync(limit.Token).ConfigureAwait(false);
            EngineInfo info = await ConnectAsync(HostPort.Value, limit.Token).ConfigureAwait(false);
            _ = Disconnected.ContinueWith(closed => Broke(closed.Result), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return info;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EngineStartException(Id, $"its container {ShortId} gave no handshake within {Options.StartTimeout.TotalSeconds:0.#} s");
        }
        catch (DockerApiException exception)
        {
            throw new EngineStartException(Id, $"the Docker daemon at {options.Endpoint} refused: {exception.Message}", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new EngineStartException(Id, $"the Docker daemon at {options.Endpoint} did not answer: {exception.Message}", exception);
        }
    }

    protected override Task<ExportOutcome> ExportCoreAsync(ExportJob job, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);

        // The export is staged in a sibling folder and renamed into place: the parent must be mounted, or the files
        // would land inside the container and vanish with it.
        string parent = Path.GetDirectoryName(Path.GetFullPath(job.OutputDirectory)) ?? job.OutputDirectory;
        if (!options.Mounts.Any(mount => IsInside(parent, mount)))
        {
            throw new EngineJobException(
                ErrorCodes.BadRequest,
                $"the output folder {job.OutputDirectory} is not inside a folder mounted into the engine containers ({string.Join(", ", options.Mounts)}); mount its parent folder");
        }

        return base.ExportCoreAsync(job, progress, cancellationToken);
    }

    protected override async Task StopCoreAsync(TimeSpan grace)
    {
        bool failed = State == Vwe.Engines.Lifecycle.EngineState.Unhealthy;
        stopping = true;
        if (!failed && grace > TimeSpan.Zero)
        {
            // E27: the engine exits with code 0 and its container stops.
            await RequestShutdownAsync(grace).ConfigureAwait(false);
        }

        await CloseConnectionAsync().ConfigureAwait(false);
        connection?.Dispose();
        if (ContainerId is { } id && Volatile.Read(ref handedOver) == 0)
        {
            await factory.RemoveQuietlyAsync(id).ConfigureAwait(false);
        }

        await stopWatching.CancelAsync().ConfigureAwait(false);
        if (watch is not null)
        {
            await watch.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        stopWatching.Dispose();
        exited.TrySetResult();
    }

    private static bool IsInside(string path, string folder)
    {
        string relative = Path.GetRelativePath(Path.GetFullPath(folder), path);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }

    /// <summary>Restarts a failed engine's container when one is kept, else creates and starts a fresh one.</summary>
    private async Task RunContainerAsync(CancellationToken cancellationToken)
    {
        if (factory.TryTakeForRestart(out string kept))
        {
            ContainerId = kept;
            try
            {
                await Client.Containers.RestartContainerAsync(kept, new ContainerRestartParameters { WaitBeforeKillSeconds = 0 }, cancellationToken).ConfigureAwait(false);
                Restarted = true;
                return;
            }
            catch (DockerApiException)
            {
                // Removed meanwhile (by hand, or a daemon restart): make a fresh one.
                await factory.RemoveQuietlyAsync(kept).ConfigureAwait(false);
                ContainerId = null;
            }
        }

        CreateContainerResponse created = await Client.Containers.CreateContainerAsync(ContainerSpec(), cancellationToken).ConfigureAwait(false);
        ContainerId = created.ID;
        await Client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
    }

    private CreateContainerParameters ContainerSpec()
    {
        string port = $"{DockerEngineOptions.ContainerPort}/tcp";
        double cpus = options.Cpus ?? options.Engine.Threads;
        return new CreateContainerParameters
        {
            Image = options.Image,
            Name = $"vwe-engine-{factory.PoolId[..12]}-{Id}",
            User = CallerIdentity.UserAndGroup ?? "",
            Cmd = [.. EngineArguments()],
            Labels = ContainerLabels.For(factory.PoolId, Id),
            ExposedPorts = new Dictionary<string, EmptyStruct> { [port] = default },
            HostConfig = new HostConfig
            {
                // Loopback only, a port the daemon picks: the protocol has no authentication (docs/protocol.md §1).
                PortBindings = new Dictionary<string, IList<PortBinding>> { [port] = [new PortBinding { HostIP = "127.0.0.1", HostPort = "" }] },
                Memory = options.MemoryBytes,
                MemorySwap = options.MemoryBytes,
                NanoCPUs = (long)Math.Round(cpus * 1e9),
                PidsLimit = 512,
                NetworkMode = options.Network,
                Binds = [.. options.Mounts.Select(mount => $"{mount}:{mount}:rw")],
                ReadonlyRootfs = true,
                Tmpfs = new Dictionary<string, string> { ["/tmp"] = "rw,nosuid,nodev,size=64m" },
                CapDrop = ["ALL"],
                SecurityOpt = ["no-new-privileges"],
            },
        };
    }

    private IEnumerable<string> EngineArguments()
    {
        yield return "--threads";
        yield return options.Engine.Threads.ToString(CultureInfo.InvariantCulture);
        yield return "--max-worlds";
        yield return options.Engine.MaxWorlds.ToString(CultureInfo.InvariantCulture);
        if (!options.Engine.WarmUp)
        {
            yield return "--no-warm-up";
        }
    }

    private async Task<int> PublishedPortAsync(CancellationToken cancellationToken)
    {
        ContainerInspectResponse container = await Client.Containers.InspectContainerAsync(ContainerId!, cancellationToken).ConfigureAwait(false);
        string key = $"{DockerEngineOptions.ContainerPort}/tcp";
        if (container.NetworkSettings?.Ports is { } ports && ports.TryGetValue(key, out IList<PortBinding>? bindings)
            && bindings?.FirstOrDefault(binding => binding.HostIP == "127.0.0.1") is { } binding
            && int.TryParse(binding.HostPort, NumberStyles.None, CultureInfo.InvariantCulture, out int hostPort))
        {
            return hostPort;
        }

        throw new EngineStartException(Id, $"its container {ShortId} has no port published on 127.0.0.1 for {key}; is network '{options.Network}' a bridge network?");
    }

    /// <summary>
    /// Connects until the engine's hello answers. Before the engine listens, the daemon's port proxy accepts and then
    /// closes the connection; that is retried until the start deadline, unless the container has stopped.
    /// </summary>
    private async Task<EngineInfo> ConnectAsync(int port, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (exited.Task.IsCompleted || stopping)
            {
                throw new EngineStartException(Id, $"its container {ShortId} stopped before its handshake{await LastWordsAsync().ConfigureAwait(false)}");
            }

            var tcp = new TcpClient { NoDelay = true };
            try
            {
                await tcp.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
                NetworkStream stream = tcp.GetStream();
                EngineInfo info = await HandshakeAsync(stream, stream, EngineKind.Docker, cancellationToken).ConfigureAwait(false);
                connection = tcp;
                return info;
            }
            catch (Exception exception) when (exception is SocketException or IOException or EngineStartException or EngineFailedException
                && !cancellationToken.IsCancellationRequested)
            {
                await CloseConnectionAsync().ConfigureAwait(false);
                tcp.Dispose();
            }

            await Task.WhenAny(exited.Task, Task.Delay(ConnectRetry, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Waits on the daemon until the container stops: a container that dies is noticed at once.</summary>
    private async Task WatchContainerAsync(string containerId)
    {
        string reason;
        try
        {
            ContainerWaitResponse stopped = await Client.Containers.WaitContainerAsync(containerId, stopWatching.Token).ConfigureAwait(false);
            reason = string.Create(CultureInfo.InvariantCulture, $"its container {ShortId} stopped with exit code {stopped.StatusCode}");
        }
        catch (OperationCanceledException) when (stopWatching.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception) when (exception is DockerApiException or HttpRequestException or IOException)
        {
            reason = $"the Docker daemon stopped answering about its container {ShortId}: {exception.Message}";
        }

        Broke(reason);
        exited.TrySetResult();
    }

    private void Broke(string reason)
    {
        if (stopping)
        {
            return;
        }

        Disconnect(reason);
        MarkUnhealthy(reason);
    }

    /// <summary>
    /// Gives a failed engine's container to the factory, for the next engine to restart rather than create one (the
    /// fast-restart fallback); the restart also ends a hung engine. Stopping this engine then leaves the container be.
    /// </summary>
    private void HandOverForRestart()
    {
        if (stopping || ContainerId is not { } id || Interlocked.Exchange(ref handedOver, 1) != 0)
        {
            return;
        }

        if (!factory.TryKeepForRestart(id))
        {
            Volatile.Write(ref handedOver, 0);
        }
    }

    /// <summary>The container's state and last log lines, for the error message of a failed start only.</summary>
    private async Task<string> LastWordsAsync()
    {
        if (ContainerId is null)
        {
            return "";
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            ContainerInspectResponse container = await Client.Containers.InspectContainerAsync(ContainerId, limit.Token).ConfigureAwait(false);
            string state = container.State is { } facts
                ? string.Create(CultureInfo.InvariantCulture, $" (exit code {facts.ExitCode}{(facts.OOMKilled ? ", killed for lack of memory" : "")})")
                : "";
            using MultiplexedStream logs = await Client.Containers.GetContainerLogsAsync(
                ContainerId, new ContainerLogsParameters { ShowStderr = true, ShowStdout = true, Tail = "3" }, limit.Token).ConfigureAwait(false);
            (string stdout, string stderr) = await logs.ReadOutputToEndAsync(limit.Token).ConfigureAwait(false);
            string words = string.Join(" | ", (stdout + stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            return words.Length == 0 ? state : $"{state}; its last words: {words}";
        }
        catch (Exception exception) when (exception is DockerApiException or HttpRequestException or OperationCanceledException or IOException)
        {
            return "";
        }
    }
}
