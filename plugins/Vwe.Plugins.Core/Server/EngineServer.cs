using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Vwe.Plugins.Core.Worlds;
using Vwe.Protocol;

namespace Vwe.Plugins.Core.Server;

/// <summary>
/// The control protocol (docs/protocol.md) on a TCP port: one client at a time (E2: a second one gets a single
/// busy error and is closed), each with its own hello (E3), loaded worlds kept across connections (E29), until a
/// shutdown request or <see cref="Dispose"/>. The game plugin runs one inside the game server; tests run one
/// over the native generator.
/// </summary>
public sealed class EngineServer : IDisposable
{
    /// <summary>How long a new connection waits for the current session to notice its client has gone.</summary>
    private static readonly TimeSpan HandOver = TimeSpan.FromMilliseconds(500);

    private readonly EngineCore core;
    private readonly TcpListener listener;
    private readonly CancellationTokenSource lifetime = new();
    private readonly TaskCompletionSource<bool> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object gate = new();
    private TcpClient? current;
    private bool started;

    public EngineServer(IWorldFactory factory, EngineServerOptions options)
    {
        if (factory is null || options is null)
        {
            throw new ArgumentNullException(factory is null ? nameof(factory) : nameof(options));
        }

        if (options.MaxWorlds < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxWorlds, "MaxWorlds must be at least 1");
        }

        core = new EngineCore(factory, options);
        listener = new TcpListener(options.Address, options.Port);
    }

    /// <summary>Where it listens, once started (the real port when 0 was asked for).</summary>
    public IPEndPoint? Endpoint { get; private set; }

    /// <summary>Completes when the server has stopped: true after a shutdown request, false after <see cref="Dispose"/>.</summary>
    public Task<bool> Completion => completion.Task;

    /// <summary>Binds the port and starts accepting; throws <see cref="SocketException"/> when the port is taken.</summary>
    public IPEndPoint Start()
    {
        lock (gate)
        {
            if (started)
            {
                throw new InvalidOperationException("the engine server is already started");
            }

            started = true;
        }

        listener.Start();
        Endpoint = (IPEndPoint)listener.LocalEndpoint;
        _ = Task.Run(AcceptLoopAsync);
        return Endpoint;
    }

    public void Dispose()
    {
        Stop();
        completion.TrySetResult(false);
    }

    private void Stop()
    {
        lifetime.Cancel();
        listener.Stop();
        lock (gate)
        {
            // A read of a socket may ignore its token (Mono's does): closing the socket ends it.
            current?.Close();
        }
    }

    private async Task AcceptLoopAsync()
    {
        Task<bool>? session = null;
        Task<TcpClient>? accepting = null;
        try
        {
            while (!lifetime.IsCancellationRequested)
            {
                accepting ??= listener.AcceptTcpClientAsync();
                Task first = session is null ? accepting : await Task.WhenAny(accepting, session).ConfigureAwait(false);
                if (first == session)
                {
                    if (await session.ConfigureAwait(false))
                    {
                        break;
                    }

                    session = null;
                    continue;
                }

                TcpClient client = await accepting.ConfigureAwait(false);
                accepting = null;
                if (session is not null && await Task.WhenAny(session, Task.Delay(HandOver)).ConfigureAwait(false) == session)
                {
                    // The previous client closed and reconnected at once: its session ends before the new one is refused.
                    if (await session.ConfigureAwait(false))
                    {
                        client.Close();
                        break;
                    }

                    session = null;
                }

                if (session is null)
                {
                    session = ServeAsync(client);
                }
                else
                {
                    await RefuseAsync(client).ConfigureAwait(false);
                }
            }
        }
        catch (Exception exception) when (exception is ObjectDisposedException || exception is SocketException || exception is InvalidOperationException)
        {
            // The listener was stopped (Dispose).
        }

        bool shutdown = !lifetime.IsCancellationRequested;
        Stop();
        if (session is not null)
        {
            await session.ConfigureAwait(false);
        }

        if (shutdown)
        {
            core.Options.Log?.Invoke("shutdown requested; the listener is closed");
            core.Options.ShutdownRequested?.Invoke();
        }

        completion.TrySetResult(shutdown);
    }

    private async Task<bool> ServeAsync(TcpClient client)
    {
        lock (gate)
        {
            current = client;
        }

        core.Options.Log?.Invoke("client connected from " + client.Client.RemoteEndPoint);
        try
        {
            client.NoDelay = true;
            using NetworkStream stream = client.GetStream();
            return await new EngineSession(core, stream).RunAsync(lifetime.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException || exception is ObjectDisposedException || exception is SocketException || exception is OperationCanceledException)
        {
            // That client went away (E29), or the server is stopping; the next one is served.
            return false;
        }
        finally
        {
            lock (gate)
            {
                current = null;
            }

            client.Close();
            core.Options.Log?.Invoke("client disconnected");
        }
    }

    private async Task RefuseAsync(TcpClient client)
    {
        core.Options.Log?.Invoke("refused a second client: one connection at a time");
        try
        {
            using NetworkStream stream = client.GetStream();
            await new FrameWriter(stream).WriteAsync(
                Message.Error(null, ErrorCodes.Busy, "another client is connected; this engine serves one connection at a time"), CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException || exception is ObjectDisposedException || exception is SocketException)
        {
            // It left first.
        }
        finally
        {
            client.Close();
        }
    }
}
