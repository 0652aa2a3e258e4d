using System.Net;
using System.Net.Sockets;
using Vwe.Engines;
using Vwe.Engines.Remote;

namespace Vwe.Plugins.Core.Tests.Support;

/// <summary>
/// Our real protocol client (<see cref="ProtocolEngine"/>, <see cref="ProtocolClient"/>) connected over TCP to an
/// engine already listening, as the pool connects to the game plugin at 127.0.0.1:PORT. The engine's kind in the
/// pool's terms is irrelevant here; the hello says <c>game</c>.
/// </summary>
internal sealed class TcpTestEngine(IPEndPoint endpoint, RemoteEngineOptions? options = null)
    : ProtocolEngine($"tcp-{Guid.NewGuid():N}", EngineKind.Process, options ?? new RemoteEngineOptions(), null)
{
    private readonly TaskCompletionSource exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TcpClient? client;

    /// <summary>Completes when the connection is over: the engine's end, as far as a TCP client can see it.</summary>
    public override Task Exited => exited.Task;

    /// <summary>The hello's fields as the client read them.</summary>
    public static async Task<TcpTestEngine> StartAsync(IPEndPoint endpoint, RemoteEngineOptions? options = null)
    {
        var engine = new TcpTestEngine(endpoint, options);
        await engine.StartAsync(CancellationToken.None).WaitAsync(Patience.Long);
        return engine;
    }

    protected override async Task<EngineInfo> StartCoreAsync(CancellationToken cancellationToken)
    {
        client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(endpoint, cancellationToken);
        NetworkStream stream = client.GetStream();
        EngineInfo info = await HandshakeAsync(new ProtocolClient(Id, stream, stream), EngineKind.Process, cancellationToken);
        _ = Disconnected.ContinueWith(_ => exited.TrySetResult(), TaskScheduler.Default);
        return info;
    }

    protected override async Task StopCoreAsync(TimeSpan grace)
    {
        await CloseConnectionAsync();
        client?.Dispose();
        exited.TrySetResult();
    }
}
