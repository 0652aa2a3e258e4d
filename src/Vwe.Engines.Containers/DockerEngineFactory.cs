using System.Collections.Concurrent;
using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Vwe.Engines.Containers;

/// <summary>
/// Makes the container engines of one pool and owns what they share: the Docker client, the pool's id (a label on
/// each container), and containers of failed engines kept for a restart. Before the first engine it checks the
/// daemon and the image and removes leftovers of killed pools; disposed, it removes what it kept.
/// </summary>
public sealed class DockerEngineFactory : EngineFactory
{
    /// <summary>Containers of failed engines kept for a restart at most; the rest are removed.</summary>
    private const int MaxKeptForRestart = 4;

    private readonly ConcurrentQueue<string> keptForRestart = new();
    private DockerClient? client;
    private volatile bool closed;

    public DockerEngineFactory(DockerEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    public DockerEngineOptions Options { get; }

    /// <summary>This pool's id, the <see cref="ContainerLabels.Pool"/> label of its containers.</summary>
    public string PoolId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Leftover containers removed by <see cref="PrepareAsync"/>.</summary>
    public int LeftoversRemoved { get; private set; }

    internal DockerClient Client => client ?? throw new InvalidOperationException("the Docker engine factory is not prepared: start the pool first");

    public override Engine Create(int serial) => new DockerEngine($"docker-{serial}", this);

    /// <summary>
    /// Connects to the daemon, checks the image is there, creates the mounted folders (Docker would create missing
    /// ones as root) and removes leftovers. Throws <see cref="DockerUnavailableException"/> with the way out.
    /// </summary>
    public override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        client ??= await DockerEndpoint.ConnectAsync(Options.Endpoint, cancellationToken).ConfigureAwait(false);
        try
        {
            await client.Images.InspectImageAsync(Options.Image, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            throw new DockerUnavailableException(
                Options.Endpoint,
                $"the Docker daemon at {Options.Endpoint} has no image {Options.Image}; build it with docker/engine/build.sh, or name another with --docker-image");
        }

        foreach (string mount in Options.Mounts)
        {
            Directory.CreateDirectory(mount);
        }

        LeftoversRemoved = await LeftoverContainers.RemoveAsync(client, cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask DisposeAsync()
    {
        closed = true;
        while (keptForRestart.TryDequeue(out string? id))
        {
            await RemoveQuietlyAsync(id).ConfigureAwait(false);
        }

        client?.Dispose();
        await base.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>A failed engine's container, for the next engine to restart instead of creating one (the fast-restart fallback).</summary>
    internal bool TryTakeForRestart(out string containerId)
    {
        containerId = "";
        return !closed && keptForRestart.TryDequeue(out containerId!);
    }

    /// <summary>Keeps a failed engine's container for a restart; false when the pool is closing or enough are kept.</summary>
    internal bool TryKeepForRestart(string containerId)
    {
        if (closed || keptForRestart.Count >= MaxKeptForRestart)
        {
            return false;
        }

        keptForRestart.Enqueue(containerId);
        return true;
    }

    /// <summary>Force-removes a container; one already gone is fine.</summary>
    internal async Task RemoveQuietlyAsync(string containerId)
    {
        if (client is null)
        {
            return;
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await client.Containers.RemoveContainerAsync(containerId, new ContainerRemoveParameters { Force = true }, limit.Token).ConfigureAwait(false);
        }
        catch (DockerApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
        }
        catch (Exception exception) when (exception is DockerApiException or HttpRequestException or OperationCanceledException or IOException)
        {
            // The daemon is gone or slow; the next pool's leftover sweep removes it.
        }
    }
}
