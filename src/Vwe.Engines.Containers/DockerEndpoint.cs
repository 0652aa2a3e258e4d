using Docker.DotNet;

namespace Vwe.Engines.Containers;

/// <summary>Where the Docker daemon is, and a client for it.</summary>
public static class DockerEndpoint
{
    public const string DefaultSocket = "unix:///var/run/docker.sock";

    /// <summary>The API version asked of a daemon older than this library (Docker 20.10 speaks 1.41).</summary>
    private static readonly Version OldestApi = new(1, 41);

    /// <summary><c>DOCKER_HOST</c> when set, else <see cref="DefaultSocket"/>.</summary>
    public static Uri Default() =>
        new(Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : DefaultSocket);

    /// <summary>
    /// A client the daemon accepts: the library's own API version, or 1.41 when the daemon is older and refuses it.
    /// It has no time limit of its own (a wait on a container lasts as long as the container); callers bound the
    /// rest. Throws <see cref="DockerUnavailableException"/> when nothing answers at <paramref name="endpoint"/>.
    /// </summary>
    public static async Task<DockerClient> ConnectAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        DockerClient client = Build(endpoint, api: null);
        try
        {
            try
            {
                await ProbeAsync(client, cancellationToken).ConfigureAwait(false);
            }
            catch (DockerApiException)
            {
                // An older daemon answers 400 "client version … is too new": speak its version.
                client.Dispose();
                client = Build(endpoint, OldestApi);
                await ProbeAsync(client, cancellationToken).ConfigureAwait(false);
            }

            return client;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            throw new DockerUnavailableException(endpoint, exception);
        }
    }

    private static async Task ProbeAsync(DockerClient client, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(10));
        await client.System.GetVersionAsync(limit.Token).ConfigureAwait(false);
    }

    private static DockerClient Build(Uri endpoint, Version? api)
    {
        DockerClientBuilder builder = new DockerClientBuilder().WithEndpoint(endpoint).WithTimeout(Timeout.InfiniteTimeSpan);
        return (api is null ? builder : builder.WithApiVersion(api)).Build();
    }
}
