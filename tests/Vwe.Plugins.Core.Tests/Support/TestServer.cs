using System.Net;
using Vwe.Plugins.Core.Server;

namespace Vwe.Plugins.Core.Tests.Support;

/// <summary>The library's engine server on a free loopback port, over <see cref="NativeWorlds"/>; disposed with the test.</summary>
internal sealed class TestServer : IDisposable
{
    private int shutdowns;

    public TestServer(NativeWorlds? worlds = null, int maxWorlds = 2)
    {
        Worlds = worlds ?? new NativeWorlds();
        Server = new EngineServer(Worlds, new EngineServerOptions
        {
            EngineName = "vwe-plugins-test",
            MaxWorlds = maxWorlds,
            ShutdownRequested = () => Interlocked.Increment(ref shutdowns),
        });
        Endpoint = Server.Start();
    }

    public NativeWorlds Worlds { get; }

    public EngineServer Server { get; }

    public IPEndPoint Endpoint { get; }

    /// <summary>How often the server asked its host to shut down.</summary>
    public int Shutdowns => Volatile.Read(ref shutdowns);

    public void Dispose() => Server.Dispose();
}
