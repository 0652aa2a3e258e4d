using System.Diagnostics;
using Docker.DotNet;
using Vwe.Engines.Containers.Tests.Support;

namespace Vwe.Engines.Containers.Tests;

/// <summary><c>vwe batch --engine docker</c>, the built vwe as a child process, against <c>--engine process</c>.</summary>
public class BatchOnDockerTests
{
    private static readonly string[] Grid = ["--size", "256", "--pixel-size", "96", "--format", "bin,png", "--layers", "river,forest", "--engines", "2"];

    [DockerFact]
    public async Task Batch_on_docker_engines_writes_the_same_files_as_batch_on_process_engines()
    {
        using DockerClient client = await DockerDaemon.ConnectAsync();
        await DockerDaemon.EnsureImageAsync(client);
        using var temp = new TempDirectory();
        string seeds = temp.Combine("seeds.txt");
        await File.WriteAllTextAsync(seeds, "hnLycKKCMI\nint:42\nMWd8eV6svz\n");

        (int code, string output, string error, int pid) docker = await RunAsync(["batch", seeds, "--out", temp.Combine("docker"), "--engine", "docker", .. Grid]);
        (int code, string output, string error, int pid) process = await RunAsync(["batch", seeds, "--out", temp.Combine("process"), "--engine", "process", .. Grid]);

        Assert.True(docker.code == 0, $"vwe batch --engine docker exited with {docker.code}: {docker.error}");
        Assert.Equal(0, process.code);
        Assert.Contains("worlds       3 (3 succeeded, 0 failed) on 2 docker engines", docker.output, StringComparison.Ordinal);
        string[] worlds = [.. Directory.EnumerateDirectories(temp.Combine("process")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        Assert.Equal(3, worlds.Length);
        Assert.Equal(worlds, Directory.EnumerateDirectories(temp.Combine("docker")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (string world in worlds)
        {
            string[] files = [.. Directory.EnumerateFiles(temp.Combine("process", world)).Select(Path.GetFileName).Where(name => name != "run.json").Order(StringComparer.Ordinal)!];
            Assert.Equal(["biomes.png", "forest.bin", "grid.bin", "manifest.json", "river.bin", "terrain.png"], files);
            foreach (string file in files)
            {
                Assert.True(
                    File.ReadAllBytes(temp.Combine("process", world, file)).AsSpan().SequenceEqual(File.ReadAllBytes(temp.Combine("docker", world, file))),
                    $"{world}/{file} differs between docker and process engines");
            }
        }

        // The batch is over: its containers are gone.
        Assert.DoesNotContain(
            await DockerDaemon.ContainersAsync(client),
            container => container.Labels!.TryGetValue(ContainerLabels.Owner, out string? owner) && owner.Contains($"/{docker.pid}/", StringComparison.Ordinal));
    }

    private static async Task<(int code, string output, string error, int pid)> RunAsync(string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vwe.dll"));
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOCKER_HOST"] = DockerDaemon.Endpoint.ToString();
        using Process vwe = Process.Start(info)!;
        Task<string> output = vwe.StandardOutput.ReadToEndAsync();
        Task<string> error = vwe.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await vwe.WaitForExitAsync(deadline.Token);
        return (vwe.ExitCode, await output, await error, vwe.Id);
    }
}
