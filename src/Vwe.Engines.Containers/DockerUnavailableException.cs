namespace Vwe.Engines.Containers;

/// <summary>No Docker daemon answers at the endpoint, or it lacks the engine image: the message says which and what to do.</summary>
public sealed class DockerUnavailableException : Exception
{
    public DockerUnavailableException(Uri endpoint, Exception inner)
        : base($"no Docker daemon answers at {endpoint} ({Innermost(inner)}); start one (dockerd, or systemctl start docker) or point DOCKER_HOST or --docker-host at a running daemon", inner)
    {
        Endpoint = endpoint;
    }

    public DockerUnavailableException(Uri endpoint, string message)
        : base(message)
    {
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    private static string Innermost(Exception exception)
    {
        while (exception.InnerException is { } inner)
        {
            exception = inner;
        }

        return exception is OperationCanceledException ? "no answer within 10 s" : exception.Message.TrimEnd('.');
    }
}
