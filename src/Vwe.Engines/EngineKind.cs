namespace Vwe.Engines;

/// <summary>How an engine runs. The lower-case names appear in the protocol's hello and in options.</summary>
public enum EngineKind
{
    /// <summary>Threads in the calling process: no start-up, no isolation (the one-shot CLI).</summary>
    InProcess,

    /// <summary>A child process running <c>vwe engine</c>, spoken to over its stdin and stdout: the pool's default.</summary>
    Process,

    /// <summary>
    /// <c>vwe engine --listen</c> in a Docker container, spoken to over TCP through a port published on the host's
    /// loopback (Vwe.Engines.Containers, docs/containers.md).
    /// </summary>
    Docker,
}

public static class EngineKindNames
{
    public static string Name(EngineKind kind) => kind switch
    {
        EngineKind.InProcess => "inprocess",
        EngineKind.Process => "process",
        EngineKind.Docker => "docker",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown engine kind"),
    };

    /// <summary>Parses <c>inprocess</c>, <c>process</c> or <c>docker</c>; anything else throws <see cref="FormatException"/> naming them.</summary>
    public static EngineKind Parse(string text) => text switch
    {
        "inprocess" => EngineKind.InProcess,
        "process" => EngineKind.Process,
        "docker" => EngineKind.Docker,
        _ => throw new FormatException($"engine kind '{text}' is not one of inprocess, process, docker"),
    };
}
