namespace Vwe.Engines;

/// <summary>How an engine runs. The lower-case names appear in the protocol's hello and in options.</summary>
public enum EngineKind
{
    /// <summary>Threads in the calling process: no start-up, no isolation (the one-shot CLI).</summary>
    InProcess,

    /// <summary>A child process running <c>vwe engine</c>, spoken to over its stdin and stdout: the pool's default.</summary>
    Process,
}

public static class EngineKindNames
{
    public static string Name(EngineKind kind) => kind switch
    {
        EngineKind.InProcess => "inprocess",
        EngineKind.Process => "process",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown engine kind"),
    };

    /// <summary>Parses <c>inprocess</c> or <c>process</c>; anything else throws <see cref="FormatException"/> naming both.</summary>
    public static EngineKind Parse(string text) => text switch
    {
        "inprocess" => EngineKind.InProcess,
        "process" => EngineKind.Process,
        _ => throw new FormatException($"engine kind '{text}' is not one of inprocess, process"),
    };
}
