using System;
using System.Net;
using Vwe.Protocol;

namespace Vwe.Plugins.Core.Server;

/// <summary>How an <see cref="EngineServer"/> listens and what it says about itself in its hello.</summary>
public sealed class EngineServerOptions
{
    /// <summary>
    /// The address to listen on: loopback (docs/protocol.md §1, a game plugin on the user's machine). Inside a
    /// container it is all interfaces, and the port is published on the host's loopback only (docs/plugins.md).
    /// </summary>
    public IPAddress Address { get; set; } = IPAddress.Loopback;

    /// <summary>The TCP port; 0 picks a free one (tests).</summary>
    public int Port { get; set; }

    /// <summary>The hello's <c>engine</c>: program and version, e.g. <c>vwe-game 1.0.0 (Valheim 0.221.4)</c>.</summary>
    public string EngineName { get; set; } = "vwe-plugins";

    /// <summary>The hello's <c>kind</c> (<see cref="EngineKinds"/>).</summary>
    public string Kind { get; set; } = EngineKinds.Game;

    /// <summary>How many worlds stay loaded (docs/protocol.md §5.3). Each holds tens of megabytes of river points.</summary>
    public int MaxWorlds { get; set; } = 2;

    /// <summary>
    /// Called once a shutdown request has been answered and the running job has stopped (E20): the game plugin
    /// shuts the server down the way the game does. Called on a thread-pool thread.
    /// </summary>
    public Action? ShutdownRequested { get; set; }

    /// <summary>One line per connection, refusal and job failure, for the host's log. Never a completion signal.</summary>
    public Action<string>? Log { get; set; }
}
