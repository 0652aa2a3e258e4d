namespace Vwe.Protocol;

/// <summary>
/// One request from a client to an engine: an <see cref="Id"/> the answers carry back, the <see cref="Op"/>, and
/// that op's fields (docs/protocol.md §5 says which op reads which). Fields an op does not read stay null and are
/// not written. Property order is the order on the wire.
/// </summary>
public sealed class Request
{
    /// <summary>Chosen by the client, &gt; 0, unique among its requests in flight on one connection.</summary>
    public long Id { get; set; }

    /// <summary>One of <see cref="Ops"/>.</summary>
    public string Op { get; set; } = "";

    /// <summary>hello: the protocol version the client speaks.</summary>
    public int? Protocol { get; set; }

    /// <summary>hello: who is asking, for the engine's log, e.g. <c>vwe-pool 0.3.0</c>.</summary>
    public string? Client { get; set; }

    /// <summary>load, export, sample: the world's int seed.</summary>
    public int? SeedInt { get; set; }

    /// <summary>export: the seed text the int came from, when known; recorded in manifest.json.</summary>
    public string? SeedText { get; set; }

    /// <summary>export: the grid to write.</summary>
    public GridArgs? Grid { get; set; }

    /// <summary>export: any of <c>bin</c>, <c>json</c>, <c>png</c>.</summary>
    public string[]? Formats { get; set; }

    /// <summary>export: any of <c>river</c>, <c>forest</c>.</summary>
    public string[]? Layers { get; set; }

    /// <summary>export: the folder to create or replace, as a path on the engine's file system.</summary>
    public string? OutputDirectory { get; set; }

    /// <summary>load, export, sample: milliseconds after which the engine gives up with deadline-exceeded.</summary>
    public long? DeadlineMs { get; set; }

    /// <summary>sample: the points as x0, z0, x1, z1, … in metres.</summary>
    public double[]? Points { get; set; }

    /// <summary>sample: a rectangle of points, instead of <see cref="Points"/>.</summary>
    public RegionArgs? Region { get; set; }

    /// <summary>sample: which of <see cref="SampleFields"/> to answer.</summary>
    public string[]? Fields { get; set; }

    /// <summary>reset: whether loaded worlds stay loaded.</summary>
    public bool? KeepWorlds { get; set; }

    /// <summary>cancel: the id of the request to cancel.</summary>
    public long? Target { get; set; }

    /// <summary>A hello announcing <see cref="ProtocolVersion.Current"/>.</summary>
    public static Request Hello(long id, string client) =>
        new() { Id = id, Op = Ops.Hello, Protocol = ProtocolVersion.Current, Client = client };

    public static Request Ping(long id) => new() { Id = id, Op = Ops.Ping };

    public static Request Cancel(long id, long target) => new() { Id = id, Op = Ops.Cancel, Target = target };

    public static Request Shutdown(long id) => new() { Id = id, Op = Ops.Shutdown };
}
