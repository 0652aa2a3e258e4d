using System.Collections.Concurrent;
using Docker.DotNet;
using Docker.DotNet.Models;
using Vwe.Engines.Containers.Tests.Support;
using Vwe.Engines.Jobs;
using Vwe.Engines.Lifecycle;
using Vwe.Maps.Grid;
using Vwe.Pool;
using Vwe.Tests.Golden;

namespace Vwe.Engines.Containers.Tests;

/// <summary>
/// Container engines on a real Docker daemon, from the real engine image: a pool of them exports what the
/// in-process engine exports, survives a container killed mid-job, removes what killed pools left, publishes
/// nothing beyond loopback, and leaves no container behind.
/// </summary>
public class DockerEngineTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [DockerFact]
    public async Task A_pool_of_two_container_engines_exports_data_files_equal_to_the_in_process_engine_byte_for_byte()
    {
        await using ContainerPool test = await ContainerPool.StartAsync(new PoolOptions { MinReady = 2, MaxEngines = 2, MaxConcurrentJobs = 2 });

        Assert.Equal([EngineState.Ready, EngineState.Ready], test.Pool.Snapshot().Select(engine => engine.State));
        Assert.All(test.Pool.Snapshot(), engine => Assert.Equal(EngineKind.Docker, engine.Kind));
        ExportJob[] jobs = [test.Job("hnLycKKCMI", new GridSpec(512, 48)), test.Job("MWd8eV6svz"), test.Job("int 42")];
        ExportOutcome[] outcomes = await Task.WhenAll(jobs.Select(job => test.Pool.ExportAsync(job, null, CancellationToken.None))).WaitAsync(Deadline);

        Assert.Equal(GoldenData.GridSha256("hnLycKKCMI-512.bin.gz"), GoldenData.Sha256(Path.Combine(outcomes[0].OutputDirectory, "grid.bin")));
        using var scratch = new TempDirectory();
        foreach ((ExportJob job, ExportOutcome outcome) in jobs.Zip(outcomes))
        {
            Assert.Equal(job.OutputDirectory, outcome.OutputDirectory);
            InProcessExport.AssertSameDataFiles(job, outcome.OutputDirectory, scratch);
        }

        // Both engines did work: the pool lent them in parallel.
        Assert.Equal(2, test.Created.Count);
    }

    [DockerFact]
    public async Task Containers_carry_our_labels_and_limits_run_as_the_caller_and_publish_their_port_on_127_0_0_1_only()
    {
        await using ContainerPool test = await ContainerPool.StartAsync(
            new PoolOptions { MinReady = 2, MaxEngines = 2 },
            options => options with { MemoryBytes = 300L << 20, Cpus = 0.5 });

        Assert.Equal(2, test.Created.Count);
        foreach (DockerEngine engine in test.Created)
        {
            ContainerInspectResponse container = await test.Client.Containers.InspectContainerAsync(ContainerOf(engine));
            Assert.Equal("1", container.Config!.Labels![ContainerLabels.Engine]);
            Assert.Equal(test.PoolId, container.Config.Labels[ContainerLabels.Pool]);
            Assert.Equal(ContainerLabels.CurrentOwner, container.Config.Labels[ContainerLabels.Owner]);
            Assert.Equal(engine.Id, container.Config.Labels[ContainerLabels.EngineId]);
            Assert.Equal(300L << 20, container.HostConfig!.Memory);
            Assert.Equal(500_000_000L, container.HostConfig.NanoCPUs);
            Assert.Equal(CallerIds(), container.Config.User);
            Assert.Equal([$"{test.Output.Path}:{test.Output.Path}:rw"], container.HostConfig.Binds!);

            // Every binding, asked for and actually made, is on the host's loopback.
            Assert.All(container.HostConfig.PortBindings!.SelectMany(port => port.Value), binding => Assert.Equal("127.0.0.1", binding.HostIP));
            IList<PortBinding> published = Assert.Single(container.NetworkSettings!.Ports!, port => port.Value is { Count: > 0 }).Value;
            PortBinding only = Assert.Single(published);
            Assert.Equal("127.0.0.1", only.HostIP);
            Assert.Equal(engine.HostPort.ToString(), only.HostPort);
        }
    }

    [DockerFact]
    public async Task A_container_killed_mid_job_is_replaced_and_the_job_still_succeeds_with_identical_output()
    {
        await using ContainerPool test = await ContainerPool.StartAsync(new PoolOptions { MinReady = 2, MaxEngines = 2, MaxConcurrentJobs = 1 });
        var events = new ConcurrentQueue<string>();
        test.Pool.Metrics.Event += events.Enqueue;
        DockerEngine? victim = null;
        Task? kill = null;

        // The grid is sampled in bands: the first progress report comes with most of the export still to do.
        var killer = new FirstReport(() =>
        {
            victim = test.Engine(test.Pool.Snapshot().Single(engine => engine.Leased).Id);
            kill = test.Client.Containers.KillContainerAsync(ContainerOf(victim), new ContainerKillParameters());
        });
        // Large enough (4 M samples on half a CPU) that the kill always lands before the export ends.
        ExportJob job = test.Job("hnLycKKCMI", new GridSpec(2048, 12));
        ExportOutcome outcome = await test.Pool.ExportAsync(job, killer, CancellationToken.None).WaitAsync(Deadline);
        await kill!;

        Assert.NotNull(victim);
        using var scratch = new TempDirectory();
        InProcessExport.AssertSameDataFiles(job, outcome.OutputDirectory, scratch);
        Assert.Equal(1L, test.Pool.Metrics.Retries);
        Assert.Contains(events, line => line.StartsWith($"replacing engine {victim.Id} (unhealthy)", StringComparison.Ordinal));

        // A new engine took the killed one's place, in its container restarted (the fast-restart fallback).
        await Eventually.True(
            () => test.Pool.Snapshot() is { Count: 2 } engines && engines.All(engine => engine.State == EngineState.Ready && engine.Id != victim.Id),
            Deadline,
            "two Ready engines without the killed one");
        DockerEngine replacement = test.Created.Single(engine => engine.Id != victim.Id && test.Pool.Snapshot().Any(live => live.Id == engine.Id) && engine.Restarted);
        Assert.Equal(victim.ContainerId, replacement.ContainerId);
        ContainerInspectResponse container = await test.Client.Containers.InspectContainerAsync(ContainerOf(replacement));
        Assert.True(container.State!.Running);
        Assert.Equal(2, (await DockerDaemon.ContainersAsync(test.Client, test.PoolId)).Count);
    }

    [DockerFact]
    public async Task A_container_that_dies_while_idle_is_noticed_at_once_not_at_the_next_health_check()
    {
        await using ContainerPool test = await ContainerPool.StartAsync(
            new PoolOptions { MinReady = 1, MaxEngines = 1, HealthInterval = TimeSpan.FromMinutes(1) });
        DockerEngine engine = Assert.Single(test.Created);

        await test.Client.Containers.KillContainerAsync(ContainerOf(engine), new ContainerKillParameters());

        // Pings come once a minute here: only the connection closing or the daemon's wait can tell this soon.
        await Eventually.True(() => engine.State is EngineState.Unhealthy or EngineState.Stopped, TimeSpan.FromSeconds(5), "the engine marked Unhealthy");
        await engine.Exited.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [DockerFact]
    public async Task Leftovers_of_a_pool_whose_process_is_gone_are_removed_at_pool_start_and_containers_of_live_pools_kept()
    {
        using DockerClient client = await DockerDaemon.ConnectAsync();
        await DockerDaemon.EnsureImageAsync(client);
        string leftover = await CreateLabelledContainerAsync(client, ContainerLabels.OwnerOf(Environment.MachineName, DeadProcessId(), 638_000_000_000_000_000));
        string live = await CreateLabelledContainerAsync(client, ContainerLabels.CurrentOwner);
        string otherHost = await CreateLabelledContainerAsync(client, ContainerLabels.OwnerOf("another-host", DeadProcessId(), 1));
        try
        {
            await using ContainerPool test = await ContainerPool.StartAsync(new PoolOptions { MinReady = 1, MaxEngines = 1 });

            IList<ContainerListResponse> ours = await DockerDaemon.ContainersAsync(client);
            Assert.DoesNotContain(ours, container => container.ID == leftover);
            Assert.Contains(ours, container => container.ID == live);
            Assert.Contains(ours, container => container.ID == otherHost);
        }
        finally
        {
            foreach (string id in new[] { leftover, live, otherHost })
            {
                await RemoveIfPresentAsync(client, id);
            }
        }
    }

    [DockerFact]
    public async Task No_container_of_the_pool_is_left_after_it_is_disposed()
    {
        ContainerPool test = await ContainerPool.StartAsync(new PoolOptions { MinReady = 2, MaxEngines = 2 });
        using DockerClient client = await DockerDaemon.ConnectAsync();
        string poolId = test.PoolId;
        await test.Pool.ExportAsync(test.Job("hnLycKKCMI"), null, CancellationToken.None).WaitAsync(Deadline);
        Assert.Equal(2, (await DockerDaemon.ContainersAsync(client, poolId)).Count);

        await test.DisposeAsync();

        Assert.Empty(await DockerDaemon.ContainersAsync(client, poolId));
        Assert.All(test.Created, engine => Assert.Equal(EngineState.Stopped, engine.State));
    }

    [Fact]
    public async Task A_pool_without_a_daemon_fails_to_start_with_one_line_naming_the_endpoint_and_what_to_do()
    {
        using var folder = new TempDirectory();
        var endpoint = new Uri($"unix://{folder.Combine("no-daemon.sock")}");
        await using var pool = new WarmEnginePool(
            new PoolOptions { MinReady = 1, MaxEngines = 1 },
            new DockerEngineFactory(new DockerEngineOptions { Endpoint = endpoint, Mounts = [folder.Path] }));

        EnginesCannotStartException failure = await Assert.ThrowsAsync<EnginesCannotStartException>(() => pool.StartAsync(CancellationToken.None));

        Assert.StartsWith($"no Docker daemon answers at {endpoint} (", failure.Message, StringComparison.Ordinal);
        Assert.EndsWith("start one (dockerd, or systemctl start docker) or point DOCKER_HOST or --docker-host at a running daemon", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
        Assert.IsType<DockerUnavailableException>(failure.InnerException);
    }

    private static string ContainerOf(DockerEngine engine) => engine.ContainerId ?? throw new InvalidOperationException($"engine {engine.Id} has no container");

    private static string CallerIds()
    {
        string[] status = File.ReadAllLines("/proc/self/status");
        string Id(string field) => status.Single(line => line.StartsWith(field, StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[1];
        return $"{Id("Uid:")}:{Id("Gid:")}";
    }

    /// <summary>The pid of a process that has exited (and been reaped).</summary>
    private static int DeadProcessId()
    {
        using var process = System.Diagnostics.Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }

    private static async Task<string> CreateLabelledContainerAsync(DockerClient client, string owner)
    {
        CreateContainerResponse created = await client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = DockerEngineOptions.DefaultImage,
            Labels = new Dictionary<string, string>
            {
                [ContainerLabels.Engine] = "1",
                [ContainerLabels.Pool] = "left-behind",
                [ContainerLabels.Owner] = owner,
            },
        });
        return created.ID;
    }

    private static async Task RemoveIfPresentAsync(DockerClient client, string id)
    {
        try
        {
            await client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true });
        }
        catch (DockerContainerNotFoundException)
        {
        }
    }

    /// <summary>Runs an action on the first progress report only.</summary>
    private sealed class FirstReport(Action action) : IProgress<double>
    {
        private int reported;

        public void Report(double value)
        {
            if (Interlocked.Exchange(ref reported, 1) == 0)
            {
                action();
            }
        }
    }
}
