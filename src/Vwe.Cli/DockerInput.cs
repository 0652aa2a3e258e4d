using System.CommandLine;
using System.Globalization;
using Vwe.Engines.Containers;
using Vwe.Service.Cache;

namespace Vwe.Cli;

/// <summary>
/// The <c>--docker-…</c> options of <c>vwe batch</c> and <c>vwe serve</c>, read only with <c>--engine docker</c>
/// (docs/containers.md). The folder the engines write into is mounted by the command itself.
/// </summary>
internal sealed class DockerInput
{
    private readonly Option<string> image = new("--docker-image")
    {
        Description = "With --engine docker: the engine image, built by docker/engine/build.sh.",
        HelpName = "IMAGE",
        DefaultValueFactory = _ => DockerEngineOptions.DefaultImage,
    };

    private readonly Option<string?> host = new("--docker-host")
    {
        Description = $"With --engine docker: the Docker daemon, e.g. unix:///run/docker.sock; default DOCKER_HOST, else {DockerEndpoint.DefaultSocket}.",
        HelpName = "URI",
    };

    private readonly Option<string> memory = new("--docker-memory")
    {
        Description = "With --engine docker: memory limit of each engine container, e.g. 1GiB or 512MB.",
        HelpName = "SIZE",
        DefaultValueFactory = _ => "1GiB",
    };

    private readonly Option<string?> cpus = new("--docker-cpus")
    {
        Description = "With --engine docker: CPUs each engine container may use, e.g. 1.5; default its engine's threads.",
        HelpName = "N",
    };

    private readonly Option<string> network = new("--docker-network")
    {
        Description = "With --engine docker: the Docker network of the containers; a bridge network (ports are published on 127.0.0.1).",
        HelpName = "NAME",
        DefaultValueFactory = _ => "bridge",
    };

    public IEnumerable<Option> Options => [image, host, memory, cpus, network];

    /// <summary>The container settings given, with <paramref name="mount"/> mounted; bad values throw <see cref="InputException"/>.</summary>
    public DockerEngineOptions Parse(ParseResult parse, string mount)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var options = new DockerEngineOptions
        {
            Image = parse.GetValue(image)!,
            Endpoint = parse.GetValue(host) is { } uri ? Endpoint(uri) : DockerEndpoint.Default(),
            MemoryBytes = Memory(parse.GetValue(memory)!),
            Cpus = parse.GetValue(cpus) is { } text ? Cpus(text) : null,
            Network = parse.GetValue(network)!,
            Mounts = [Path.GetFullPath(mount)],
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException exception)
        {
            throw new InputException($"--engine docker: {exception.Message}.");
        }

        return options;
    }

    private static Uri Endpoint(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && uri.Scheme is "unix" or "tcp" or "http" or "https"
            ? uri
            : throw new InputException($"--docker-host '{text}' is not a Docker address; give e.g. unix:///var/run/docker.sock or tcp://127.0.0.1:2375.");

    private static long Memory(string text)
    {
        try
        {
            return CacheSize.Parse(text);
        }
        catch (FormatException exception)
        {
            throw new InputException($"--docker-memory: {exception.Message}.");
        }
    }

    private static double Cpus(string text) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value) && value is >= 0.1 and <= 1024
            ? value
            : throw new InputException($"--docker-cpus '{text}' is not a number of CPUs from 0.1 to 1024, e.g. 1.5.");
}
