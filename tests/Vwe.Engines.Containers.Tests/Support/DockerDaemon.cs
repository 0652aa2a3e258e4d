using System.Diagnostics;
using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Vwe.Engines.Containers.Tests.Support;

/// <summary>
/// The daemon the tests use, and the engine image in it: built once by docker/engine/build.sh when missing (CI
/// builds it before the tests, so it holds the code under test).
/// </summary>
internal static class DockerDaemon
{
    private static readonly Lazy<string?> Probe = new(FindProblem);
    private static readonly SemaphoreSlim ImageGate = new(1, 1);
    private static bool imageChecked;

    /// <summary>Why no daemon answers, or null when one does.</summary>
    public static string? Problem => Probe.Value;

    public static Uri Endpoint { get; } = DockerEndpoint.Default();

    public static async Task<DockerClient> ConnectAsync() => await DockerEndpoint.ConnectAsync(Endpoint, CancellationToken.None);

    /// <summary>Builds the engine image unless the daemon has it.</summary>
    public static async Task EnsureImageAsync(DockerClient client)
    {
        await ImageGate.WaitAsync();
        try
        {
            if (imageChecked)
            {
                return;
            }

            try
            {
                await client.Images.InspectImageAsync(DockerEngineOptions.DefaultImage);
            }
            catch (DockerApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
            {
                Build();
            }

            imageChecked = true;
        }
        finally
        {
            ImageGate.Release();
        }
    }

    /// <summary>Engine containers (ours by label), running or not, optionally only those of one pool.</summary>
    public static async Task<IList<ContainerListResponse>> ContainersAsync(DockerClient client, string? poolId = null) =>
        await client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [poolId is null ? $"{ContainerLabels.Engine}=1" : $"{ContainerLabels.Pool}={poolId}"] = true },
            },
        });

    private static void Build()
    {
        var info = new ProcessStartInfo("bash", [RepositoryRoot.PathOf("docker/engine/build.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["DOCKER_HOST"] = Endpoint.ToString();
        using Process build = Process.Start(info)!;
        Task<string> output = build.StandardOutput.ReadToEndAsync();
        Task<string> error = build.StandardError.ReadToEndAsync();
        if (!build.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            build.Kill(entireProcessTree: true);
            throw new InvalidOperationException("docker/engine/build.sh did not finish within 8 minutes");
        }

        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"docker/engine/build.sh failed with exit code {build.ExitCode}: {output.Result}{error.Result}");
        }
    }

    private static string? FindProblem()
    {
        try
        {
            using DockerClient client = DockerEndpoint.ConnectAsync(Endpoint, CancellationToken.None).GetAwaiter().GetResult();
            return null;
        }
        catch (DockerUnavailableException exception)
        {
            return exception.Message;
        }
    }
}
