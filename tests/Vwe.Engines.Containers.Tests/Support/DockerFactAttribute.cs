namespace Vwe.Engines.Containers.Tests.Support;

/// <summary>
/// A test that needs a running Docker daemon (DOCKER_HOST, else the usual socket). Without one it is skipped with a
/// loud reason, except under CI (CI=true), where it runs and fails: CI starts its own daemon (.ci/run).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DockerFactAttribute : FactAttribute
{
    public DockerFactAttribute()
    {
        if (DockerDaemon.Problem is { } problem && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = $"NO DOCKER DAEMON, CONTAINER TESTS SKIPPED: {problem}. Start one (.ci/start-dockerd.sh DIR prints a DOCKER_HOST to export).";
        }
    }
}
