using Vwe.Engines.Remote;

namespace Vwe.Engines.Containers;

/// <summary>
/// How the pool runs engines as Docker containers (docs/containers.md): which daemon and image, the limits of each
/// container, its network, and the host folders mounted into it (at the same path inside, so an export's folder
/// means the same on both sides).
/// </summary>
public sealed record DockerEngineOptions
{
    /// <summary>The image <c>docker/engine/build.sh</c> builds.</summary>
    public const string DefaultImage = "vwe-engine:latest";

    /// <summary>The port <c>vwe engine --listen</c> serves inside the container (the image's entry point).</summary>
    public const int ContainerPort = 7777;

    /// <summary>The daemon's address: <c>unix:///path</c> or <c>tcp://host:port</c>; by default <c>DOCKER_HOST</c>, else the usual socket.</summary>
    public Uri Endpoint { get; init; } = DockerEndpoint.Default();

    public string Image { get; init; } = DefaultImage;

    /// <summary>Memory limit of each container (swap included), bytes.</summary>
    public long MemoryBytes { get; init; } = 1L << 30;

    /// <summary>CPUs each container may use; null gives it its engine's thread count.</summary>
    public double? Cpus { get; init; }

    /// <summary>The Docker network; it must publish ports (a bridge network), so not <c>none</c> or <c>host</c>.</summary>
    public string Network { get; init; } = "bridge";

    /// <summary>Host folders mounted read-write at the same path inside; every export must land inside one of them.</summary>
    public IReadOnlyList<string> Mounts { get; init; } = [];

    public EngineOptions Engine { get; init; } = new();

    public RemoteEngineOptions Remote { get; init; } = new();

    /// <summary>Checks the settings; throws <see cref="ArgumentException"/> naming the bad one and what to give.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Image))
        {
            throw new ArgumentException("the Docker image is empty; give e.g. vwe-engine:latest (built by docker/engine/build.sh)");
        }

        if (MemoryBytes < 64L << 20)
        {
            throw new ArgumentException($"the container memory limit {MemoryBytes} bytes is below 64 MiB; an engine needs about 200 MB, give e.g. 1GiB");
        }

        if (Cpus is { } cpus && !(cpus is >= 0.1 and <= 1024))
        {
            throw new ArgumentException($"the container CPU limit {cpus} is outside 0.1..1024");
        }

        if (Network is "none" or "host" || string.IsNullOrWhiteSpace(Network))
        {
            throw new ArgumentException($"the Docker network '{Network}' publishes no ports; give bridge or a user-defined bridge network");
        }

        foreach (string mount in Mounts)
        {
            if (!Path.IsPathFullyQualified(mount))
            {
                throw new ArgumentException($"the mount '{mount}' is not an absolute path");
            }
        }
    }
}
