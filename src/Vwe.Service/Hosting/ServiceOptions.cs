using System.Globalization;
using System.Net;
using Vwe.Engines;
using Vwe.Engines.Containers;
using Vwe.Engines.Processes;

namespace Vwe.Service.Hosting;

/// <summary>
/// How <see cref="VweService"/> runs: defaults in code (those of <c>vwe serve</c>, docs/service.md),
/// <see cref="Validate"/> refuses an inconsistent setting by the name <c>vwe serve</c> gives it.
/// </summary>
public sealed record ServiceOptions
{
    public const int MaxEnginesLimit = 64;

    /// <summary>The address to listen on: an IP address or <c>localhost</c>. Anything but loopback needs <see cref="ApiKey"/>.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>0 takes a free port (read it from <see cref="VweService.Address"/>).</summary>
    public int Port { get; init; } = 8080;

    /// <summary>Holds jobs.db and worlds/ (the cache); created when missing.</summary>
    public string DataDirectory { get; init; } = "vwe-data";

    public EngineKind EngineKind { get; init; } = EngineKind.Process;

    /// <summary>Engines in the pool; the cores are shared between them (<see cref="Vwe.Pool.PoolSizing"/>).</summary>
    public int Engines { get; init; } = 2;

    /// <summary>How to start <c>vwe engine</c>; needed for <see cref="EngineKind.Process"/>.</summary>
    public EngineCommand? EngineCommand { get; init; }

    /// <summary>How to run <see cref="EngineKind.Docker"/> engines; null for the defaults (which mount nothing: give the data folder).</summary>
    public DockerEngineOptions? Docker { get; init; }

    /// <summary>Total bytes of cached worlds above which the least recently used are evicted.</summary>
    public long CacheSizeBytes { get; init; } = 10_000_000_000;

    /// <summary>Bytes of tile PNGs kept in memory, least recently used dropped first (docs/tiles.md, "Caching").</summary>
    public long TileCacheBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>Queued jobs at most; a request that needs one more gets 429.</summary>
    public int MaxQueued { get; init; } = 100;

    /// <summary>When set, POST and DELETE need it in the <c>X-Api-Key</c> header. Required off loopback.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Request bodies larger than this get 413.</summary>
    public long MaxRequestBodyBytes { get; init; } = 64 * 1024;

    /// <summary>On stop: how long running jobs may finish before they are cancelled and queued again.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a request (a point query, a job) waits for a free engine.</summary>
    public TimeSpan EngineWaitTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The web viewer's files, served at <c>/</c>: <c>wwwroot/</c> beside the app, where the build puts them (web/Viewer.targets).
    /// Without an <c>index.html</c> there, <c>/</c> answers a page saying the viewer was not built.
    /// </summary>
    public string ViewerDirectory { get; init; } = Path.Combine(AppContext.BaseDirectory, "wwwroot");

    /// <summary>Whether <paramref name="host"/> is a loopback address (127.0.0.0/8, ::1) or <c>localhost</c>.</summary>
    public static bool IsLoopback(string host) =>
        host == "localhost" || (IPAddress.TryParse(host, out IPAddress? address) && IPAddress.IsLoopback(address));

    /// <summary>Throws <see cref="ServiceOptionsException"/> naming the first bad setting, its value and what to do.</summary>
    public void Validate()
    {
        Require(Host == "localhost" || IPAddress.TryParse(Host, out _), $"--host '{Host}' is not an IP address; give e.g. 127.0.0.1, 0.0.0.0 or ::1.");
        Require(Port is >= 0 and <= 65535, Invariant($"--port {Port} is outside 0..65535 (0 takes a free port)."));
        Require(!string.IsNullOrWhiteSpace(DataDirectory), "--data is empty; give a folder for jobs.db and the cache.");
        Require(Engines is >= 1 and <= MaxEnginesLimit, Invariant($"--engines {Engines} is outside 1..{MaxEnginesLimit}."));
        Require(EngineKind != EngineKind.Process || EngineCommand is not null, "process engines need the command that starts `vwe engine`.");
        Require(CacheSizeBytes >= 0, Invariant($"--cache-size {CacheSizeBytes} is negative."));
        Require(TileCacheBytes >= 0, Invariant($"the tile cache size {TileCacheBytes} is negative."));
        Require(MaxQueued is >= 1 and <= 1_000_000, Invariant($"--max-queued {MaxQueued} is outside 1..1000000."));
        Require(MaxRequestBodyBytes >= 1024, Invariant($"the request body limit {MaxRequestBodyBytes} is below 1024 bytes."));
        Require(DrainTimeout >= TimeSpan.Zero, "the drain timeout is negative.");
        Require(
            IsLoopback(Host) || !string.IsNullOrEmpty(ApiKey),
            $"--host {Host} is not loopback: anyone on the network could submit jobs. Set VWE_API_KEY to a secret (clients send it as X-Api-Key), or bind 127.0.0.1.");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new ServiceOptionsException(problem);
        }
    }
}

/// <summary>A setting of <see cref="ServiceOptions"/> that cannot work; the message names it and the way out.</summary>
public sealed class ServiceOptionsException(string message) : ArgumentException(message);
