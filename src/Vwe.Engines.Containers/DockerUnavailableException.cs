namespace Vwe.Engines.Containers;

/// <summary>No Docker daemon answers at the endpoint, or it lacks the engine image: the message says which and what to do.</summary>
public sealed class DockerUnavailableException : Exception
{
    public DockerUnavailableException(Uri endpoint, Exception inner)
        : base($"no Docker daemon answers at {endpoint} ({Reason(endpoint, inner)}); start one (dockerd, or systemctl start docker) or point DOCKER_HOST or --docker-host at a running daemon", inner)
    {
        Endpoint = endpoint;
    }

    public DockerUnavailableException(Uri endpoint, string message)
        : base(message)
    {
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <summary>A missing socket file says so: the socket error for it ("Cannot assign requested address") misleads.</summary>
    private static string Reason(Uri endpoint, Exception exception)
    {
        if (endpoint.Scheme == "unix" && !File.Exists(endpoint.AbsolutePath))
        {
            return $"no socket file {endpoint.AbsolutePath}";
        }

        while (exception.InnerException is { } inner)
        {
            exception = inner;
        }

        return exception is OperationCanceledException ? "no answer within 10 s" : exception.Message.TrimEnd('.');
    }
}
