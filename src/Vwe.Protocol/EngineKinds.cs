namespace Vwe.Protocol;

/// <summary>The <c>kind</c> an engine reports in its hello frame (docs/protocol.md §3). Names are permanent.</summary>
public static class EngineKinds
{
    /// <summary>Runs inside the client's own process (no frames cross a stream).</summary>
    public const string InProcess = "inprocess";

    /// <summary>A child process of the client, speaking over its stdin and stdout.</summary>
    public const string Process = "process";

    /// <summary>A process in a container, speaking over TCP.</summary>
    public const string Container = "container";

    /// <summary>A plugin inside the real game server, speaking over TCP.</summary>
    public const string Game = "game";
}
