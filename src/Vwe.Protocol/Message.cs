namespace Vwe.Protocol;

/// <summary>
/// One frame from an engine to a client: its <see cref="Type"/> (<see cref="MessageTypes"/>), the
/// <see cref="Id"/> of the request it concerns, and fields (docs/protocol.md §4–§5 say which type and op carries
/// which). Fields left null are not written. Property order is the order on the wire.
/// </summary>
public sealed class Message
{
    /// <summary>One of <see cref="MessageTypes"/>.</summary>
    public string Type { get; set; } = "";

    /// <summary>The request's id; null for hello and state frames and for errors about a frame whose id could not be read.</summary>
    public long? Id { get; set; }

    /// <summary>result (and error, when known): the op of the request answered.</summary>
    public string? Op { get; set; }

    /// <summary>error: one of <see cref="ErrorCodes"/>.</summary>
    public string? Code { get; set; }

    /// <summary>error: what went wrong and what to do, for people. Written as <c>message</c>.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("message")]
    public string? ErrorMessage { get; set; }

    /// <summary>progress: the job's phase, <c>load</c> or <c>export</c>.</summary>
    public string? Phase { get; set; }

    /// <summary>progress: how much of the phase is done, 0 to 1.</summary>
    public double? Fraction { get; set; }

    /// <summary>hello: the protocol version the engine speaks.</summary>
    public int? Protocol { get; set; }

    /// <summary>hello: the engine's name and version, e.g. <c>vwe 0.3.0</c>.</summary>
    public string? Engine { get; set; }

    /// <summary>hello: one of <see cref="EngineKinds"/>.</summary>
    public string? Kind { get; set; }

    /// <summary>hello: the engine's process id.</summary>
    public int? Pid { get; set; }

    /// <summary>hello: threads the engine samples with.</summary>
    public int? Threads { get; set; }

    /// <summary>hello: the worldGenVersion of the worlds it generates (the <c>g</c> of a world key).</summary>
    public int? WorldGenVersion { get; set; }

    /// <summary>hello: the engine data version of its output (the <c>e</c> of a world key).</summary>
    public int? EngineDataVersion { get; set; }

    /// <summary>hello: how many worlds it keeps loaded.</summary>
    public int? MaxWorlds { get; set; }

    /// <summary>hello: the most points one sample request may ask for.</summary>
    public int? MaxSamplePoints { get; set; }

    /// <summary>hello: the most bytes of one frame it reads.</summary>
    public long? MaxFrameBytes { get; set; }

    /// <summary>The engine's state, one of <see cref="EngineStates"/>.</summary>
    public string? State { get; set; }

    /// <summary>The int seeds of the loaded worlds, most recently used first.</summary>
    public int[]? LoadedWorlds { get; set; }

    /// <summary>Jobs finished since the engine started, whatever their outcome.</summary>
    public long? Jobs { get; set; }

    /// <summary>Milliseconds since the engine started.</summary>
    public double? UptimeMs { get; set; }

    /// <summary>load, export, sample: the world's int seed.</summary>
    public int? SeedInt { get; set; }

    /// <summary>load, export, sample: whether the world was already loaded.</summary>
    public bool? Cached { get; set; }

    /// <summary>load, export, sample: milliseconds spent loading the world (0 when it was cached).</summary>
    public double? LoadMs { get; set; }

    /// <summary>export: the world key, e.g. <c>1706363555-g2-e1-2048x12</c>.</summary>
    public string? WorldKey { get; set; }

    /// <summary>export: the folder written, absolute, on the engine's file system.</summary>
    public string? OutputDirectory { get; set; }

    /// <summary>export: every file in the folder.</summary>
    public FileEntry[]? Files { get; set; }

    /// <summary>export: milliseconds spent sampling, writing and hashing (loading not included).</summary>
    public double? ExportMs { get; set; }

    /// <summary>sample: how many points were sampled.</summary>
    public int? Count { get; set; }

    /// <summary>sample: base64 of little-endian uint16 biome flags (<see cref="SampleArrays"/>).</summary>
    public string? Biome { get; set; }

    /// <summary>sample: base64 of little-endian float32 heights.</summary>
    public string? Height { get; set; }

    /// <summary>sample: base64 of little-endian float32 base heights.</summary>
    public string? BaseHeight { get; set; }

    /// <summary>sample: base64 of little-endian float32 river weights.</summary>
    public string? River { get; set; }

    /// <summary>sample: base64 of little-endian float32 forest factors.</summary>
    public string? Forest { get; set; }

    /// <summary>A result answering request <paramref name="id"/>; set the op's fields on it.</summary>
    public static Message Result(long id, string op) => new() { Type = MessageTypes.Result, Id = id, Op = op };

    /// <summary>An error; <paramref name="id"/> is null when the failed frame's id could not be read.</summary>
    public static Message Error(long? id, string code, string message) =>
        new() { Type = MessageTypes.Error, Id = id, Code = code, ErrorMessage = message };

    /// <summary>The error reporting <paramref name="exception"/>: its code, request id (when known) and message.</summary>
    public static Message Error(ProtocolException exception) =>
        exception is null
            ? throw new System.ArgumentNullException(nameof(exception))
            : Error(exception.RequestId, exception.Code, exception.Message);

    public static Message Progress(long id, string phase, double fraction) =>
        new() { Type = MessageTypes.Progress, Id = id, Phase = phase, Fraction = fraction };
}
