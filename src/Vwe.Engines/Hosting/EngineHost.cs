using System.Net;
using System.Net.Sockets;
using Vwe.Engines.Work;
using Vwe.Protocol;

namespace Vwe.Engines.Hosting;

/// <summary>
/// <c>vwe engine</c>: hosts the generator behind the control protocol, on stdio (a child of the pool) or on a
/// TCP port (a container). Warms up before it says hello, keeps the last few worlds, and exits when its input
/// ends, when asked to shut down, or when its parent process is gone: an engine never outlives its pool.
/// </summary>
public sealed class EngineHost(EngineHostOptions options)
{
    private readonly EngineWorkbench workbench = new(options.Engine.Threads, options.Engine.MaxWorlds);
    private readonly HostCounters counters = new();

    /// <summary>Serves one session on <paramref name="input"/>/<paramref name="output"/>; returns the exit code.</summary>
    public async Task<int> RunAsync(Stream input, Stream output, CancellationToken cancellationToken)
    {
        if (StartUp() is { } failed)
        {
            return failed;
        }

        using CancellationTokenSource lifetime = WatchParent(cancellationToken);
        try
        {
            await new EngineSession(workbench, options, counters, input, output).RunAsync(lifetime.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            // The parent is gone or the pipe broke: nobody is left to answer.
        }

        return 0;
    }

    /// <summary>How long a new connection waits for the current session to notice its client has gone.</summary>
    private static readonly TimeSpan HandOver = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Serves TCP clients on <paramref name="endpoint"/>, one at a time (E2: a second connection gets one busy
    /// error and is closed), each with its own hello (E3), until a shutdown; returns the exit code.
    /// </summary>
    public async Task<int> ListenAsync(IPEndPoint endpoint, Action<IPEndPoint> listening, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listening);
        if (StartUp() is { } failed)
        {
            return failed;
        }

        using CancellationTokenSource lifetime = WatchParent(cancellationToken);
        using var listener = new TcpListener(endpoint);
        listener.Start();
        listening((IPEndPoint)listener.LocalEndpoint);
        Task<bool>? session = null;
        Task<TcpClient>? accepting = null;
        try
        {
            while (true)
            {
                accepting ??= listener.AcceptTcpClientAsync(lifetime.Token).AsTask();
                Task first = session is null ? accepting : await Task.WhenAny(accepting, session).ConfigureAwait(false);
                if (first == session)
                {
                    if (await session.ConfigureAwait(false))
                    {
                        return 0;
                    }

                    session = null;
                    continue;
                }

                TcpClient client = await accepting.ConfigureAwait(false);
                accepting = null;
                if (session is not null && await Task.WhenAny(session, Task.Delay(HandOver, lifetime.Token)).ConfigureAwait(false) == session)
                {
                    // The previous client closed and reconnected at once: its session ends before the new one is refused.
                    if (await session.ConfigureAwait(false))
                    {
                        client.Dispose();
                        return 0;
                    }

                    session = null;
                }

                if (session is null)
                {
                    session = ServeAsync(client, lifetime.Token);
                }
                else
                {
                    await RefuseAsync(client).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            return 0;
        }
    }

    private async Task<bool> ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using (client)
        {
            client.NoDelay = true;
            await using NetworkStream stream = client.GetStream();
            try
            {
                return await new EngineSession(workbench, options, counters, stream, stream).RunAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // That client went away (E29); the next one is served.
                return false;
            }
        }
    }

    private static async Task RefuseAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await using NetworkStream stream = client.GetStream();
                await new FrameWriter(stream).WriteAsync(
                    Message.Error(null, ErrorCodes.Busy, "another client is connected; this engine serves one connection at a time"), CancellationToken.None)
                    .ConfigureAwait(false);
            }
            catch (IOException)
            {
                // It left first.
            }
        }
    }

    /// <summary>Faults of start-up, then the warm-up; an exit code when the engine must not start.</summary>
    private int? StartUp()
    {
        if (options.Faults.FailStart)
        {
            Console.Error.WriteLine("vwe engine: failing to start (--fault fail-start)");
            return 1;
        }

        Thread.Sleep(options.Faults.SlowStart);
        ReserveThreads();
        if (options.Engine.WarmUp)
        {
            WarmUp.Run(workbench);
        }

        return null;
    }

    /// <summary>
    /// The host blocks pool threads by design: the stdin read (a console stream reads synchronously), the job,
    /// its sampling threads and its progress writes. With the pool's minimum (the core count) that starves the
    /// timers of job deadlines and the writes of answers until the pool injects threads, about one every half
    /// second: a 1 ms deadline was seen after a whole load. Enough threads up front keep them prompt.
    /// </summary>
    private void ReserveThreads()
    {
        ThreadPool.GetMinThreads(out int workers, out int completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, Environment.ProcessorCount + options.Engine.Threads + 4), completionPorts);
    }

    /// <summary>A token cancelled by <paramref name="cancellationToken"/> or by the death of the parent process.</summary>
    private CancellationTokenSource WatchParent(CancellationToken cancellationToken)
    {
        var lifetime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options.ParentProcessId is { } parent)
        {
            CancellationToken token = lifetime.Token;
            _ = Task.Run(async () =>
            {
                using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
                try
                {
                    while (IsAlive(parent) && await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
                    {
                    }

                    await lifetime.CancelAsync().ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
                {
                    // The host is ending anyway.
                }
            }, CancellationToken.None);
        }

        return lifetime;
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
