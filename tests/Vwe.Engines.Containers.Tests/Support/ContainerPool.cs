using System.Collections.Concurrent;
using Docker.DotNet;
using Vwe.Engines.Jobs;
using Vwe.Maps.Export;
using Vwe.Maps.Grid;
using Vwe.Pool;
using Vwe.WorldGen;

namespace Vwe.Engines.Containers.Tests.Support;

/// <summary>
/// A pool of container engines on the test daemon, exporting into a temporary folder mounted into them; keeps every
/// engine it made, and a Docker client for looking at their containers. Disposing stops the pool, then deletes the
/// folder.
/// </summary>
internal sealed class ContainerPool : IAsyncDisposable
{
    private ContainerPool(TempDirectory output, DockerClient client, RecordingFactory factory, WarmEnginePool pool)
    {
        Output = output;
        Client = client;
        Factory = factory;
        Pool = pool;
    }

    public TempDirectory Output { get; }

    public DockerClient Client { get; }

    public WarmEnginePool Pool { get; }

    public string PoolId => Factory.Inner.PoolId;

    public IReadOnlyList<DockerEngine> Created => [.. Factory.Engines];

    private RecordingFactory Factory { get; }

    public static async Task<ContainerPool> StartAsync(PoolOptions options, Func<DockerEngineOptions, DockerEngineOptions>? configure = null)
    {
        DockerClient client = await DockerDaemon.ConnectAsync();
        await DockerDaemon.EnsureImageAsync(client);
        var output = new TempDirectory();
        var engineOptions = new DockerEngineOptions { Endpoint = DockerDaemon.Endpoint, Mounts = [output.Path] };
        var factory = new RecordingFactory(new DockerEngineFactory(configure?.Invoke(engineOptions) ?? engineOptions));
        var pool = new WarmEnginePool(options, factory);
        var test = new ContainerPool(output, client, factory, pool);
        try
        {
            await pool.StartAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(120));
        }
        catch
        {
            await test.DisposeAsync();
            throw;
        }

        return test;
    }

    public ExportJob Job(string seedText, GridSpec? grid = null) =>
        new(StableHash.WorldSeed(seedText), seedText, grid ?? new GridSpec(256, 96), ExportFormats.Bin, GridLayers.River | GridLayers.Forest, Output.Combine(seedText));

    /// <summary>The engine of the pool's snapshot entry <paramref name="id"/>.</summary>
    public DockerEngine Engine(string id) => Created.Single(engine => engine.Id == id);

    public async ValueTask DisposeAsync()
    {
        await Pool.DisposeAsync();
        Client.Dispose();
        Output.Dispose();
    }

    /// <summary>The real factory, recording what it makes.</summary>
    private sealed class RecordingFactory(DockerEngineFactory inner) : EngineFactory
    {
        public DockerEngineFactory Inner { get; } = inner;

        public ConcurrentQueue<DockerEngine> Engines { get; } = new();

        public override Engine Create(int serial)
        {
            var engine = (DockerEngine)Inner.Create(serial);
            Engines.Enqueue(engine);
            return engine;
        }

        public override Task PrepareAsync(CancellationToken cancellationToken) => Inner.PrepareAsync(cancellationToken);

        public override async ValueTask DisposeAsync()
        {
            await Inner.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
