using System.Diagnostics;
using System.Globalization;
using Vwe.Engines.Remote;

namespace Vwe.Engines.Processes;

/// <summary>
/// An engine in a child process running <c>vwe engine</c>, spoken to over its stdin and stdout; its stderr is
/// kept (the last lines) for error messages. Its death is noticed at once: the exit fails every pending request
/// and marks the engine Unhealthy. Stopping asks it to shut down, then kills it; the child is always reaped.
/// </summary>
public sealed class ProcessEngine : ProtocolEngine
{
    private const int StderrLinesKept = 20;

    private readonly ProcessEngineOptions options;
    private readonly IReadOnlyList<string> faults;
    private readonly Queue<string> stderrTail = new();
    private readonly TaskCompletionSource exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? process;

    public ProcessEngine(string id, ProcessEngineOptions options, IReadOnlyList<string>? faults = null, TimeProvider? time = null)
        : base(id, EngineKind.Process, options.Remote, time)
    {
        this.options = options;
        this.faults = faults ?? [];
    }

    public override Task Exited => exited.Task;

    /// <summary>The child's process id once spawned.</summary>
    public int? ProcessId { get; private set; }

    protected override async Task<EngineInfo> StartCoreAsync(CancellationToken cancellationToken)
    {
        Process child = Spawn();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Options.StartTimeout);
        var connection = new ProtocolClient(Id, child.StandardOutput.BaseStream, child.StandardInput.BaseStream);
        Task<EngineInfo> handshake = HandshakeAsync(connection, EngineKind.Process, limit.Token);
        Task first = await Task.WhenAny(handshake, exited.Task).ConfigureAwait(false);
        if (first == handshake && handshake.IsFaulted)
        {
            // Its stdout ended (or broke) before the hello: usually because it is exiting, and its stdout's end
            // can come before the exit is seen. Wait for the exit a little, so the error says how it ended.
            await Task.WhenAny(exited.Task, Task.Delay(Options.Grace, cancellationToken)).ConfigureAwait(false);
        }

        if (exited.Task.IsCompleted)
        {
            await ((Task)handshake).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw new EngineStartException(Id, $"it exited with code {child.ExitCode} before its handshake{StderrSummary()}");
        }

        try
        {
            return await handshake.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EngineStartException(Id, $"no handshake within {Options.StartTimeout.TotalSeconds:0.#} s{StderrSummary()}");
        }
    }

    protected override async Task StopCoreAsync(TimeSpan grace)
    {
        if (process is not { } child)
        {
            return;
        }

        if (!child.HasExited && grace > TimeSpan.Zero && await RequestShutdownAsync(grace).ConfigureAwait(false))
        {
            using var wait = new CancellationTokenSource(grace);
            await child.WaitForExitAsync(wait.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (!child.HasExited)
        {
            child.Kill(entireProcessTree: true);
        }

        // Reaps the child and lets the exit handler finish.
        await child.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        await exited.Task.ConfigureAwait(false);
        await CloseConnectionAsync().ConfigureAwait(false);
        child.Dispose();
    }

    private Process Spawn()
    {
        var info = new ProcessStartInfo(options.Command.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in options.Command.Prefix)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (string argument in EngineArguments())
        {
            info.ArgumentList.Add(argument);
        }

        // Tiered compilation stays on: the warm-up brings the hot paths to optimised code before the hello.
        info.Environment["DOTNET_gcServer"] = "0";
        var child = new Process { StartInfo = info, EnableRaisingEvents = true };
        child.ErrorDataReceived += (_, line) => KeepStderr(line.Data);
        child.Exited += (_, _) => OnExited(child);
        if (!child.Start())
        {
            throw new EngineStartException(Id, $"'{info.FileName}' could not be started");
        }

        process = child;
        ProcessId = child.Id;
        child.BeginErrorReadLine();
        return child;
    }

    private IEnumerable<string> EngineArguments()
    {
        yield return "engine";
        yield return "--threads";
        yield return options.Engine.Threads.ToString(CultureInfo.InvariantCulture);
        yield return "--max-worlds";
        yield return options.Engine.MaxWorlds.ToString(CultureInfo.InvariantCulture);
        yield return "--parent-pid";
        yield return Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        if (!options.Engine.WarmUp)
        {
            yield return "--no-warm-up";
        }

        foreach (string fault in faults)
        {
            yield return "--fault";
            yield return fault;
        }
    }

    private void OnExited(Process child)
    {
        string reason = string.Create(CultureInfo.InvariantCulture, $"its process {child.Id} exited with code {child.ExitCode}{StderrSummary()}");
        Disconnect(reason);
        MarkUnhealthy(reason);
        exited.TrySetResult();
    }

    private void KeepStderr(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        lock (stderrTail)
        {
            stderrTail.Enqueue(line);
            while (stderrTail.Count > StderrLinesKept)
            {
                stderrTail.Dequeue();
            }
        }
    }

    private string StderrSummary()
    {
        lock (stderrTail)
        {
            return stderrTail.Count == 0 ? "" : $"; its last words: {string.Join(" | ", stderrTail.TakeLast(3))}";
        }
    }
}
