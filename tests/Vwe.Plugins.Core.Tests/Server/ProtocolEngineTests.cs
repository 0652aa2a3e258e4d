using Vwe.Engines;
using Vwe.Engines.Jobs;
using Vwe.Engines.Lifecycle;
using Vwe.Engines.Processes;
using Vwe.Maps.Export;
using Vwe.Maps.Grid;
using Vwe.Plugins.Core.Tests.Support;
using Vwe.Pool;
using Vwe.Protocol;
using EngineFields = Vwe.Engines.Jobs.SampleFields;

namespace Vwe.Plugins.Core.Tests.Server;

/// <summary>
/// Our real pool client (<see cref="Vwe.Engines.Remote.ProtocolEngine"/> over TCP, and a <see cref="WarmEnginePool"/>
/// of it) drives the plugins' engine server as it would drive the game plugin, and gets what <c>vwe engine</c>
/// gives: the same data files byte for byte, the same sample values bit for bit.
/// </summary>
public sealed class ProtocolEngineTests
{
    private const int Seed = 1706363555;
    private const string SeedText = "hnLycKKCMI";

    [Fact]
    public async Task An_export_writes_the_data_files_vwe_engine_writes_byte_for_byte()
    {
        using var temp = new TempDirectory();
        using var server = new TestServer();
        await using TcpTestEngine game = await TcpTestEngine.StartAsync(server.Endpoint);
        await using ProcessEngine native = await NativeEngines.StartAsync();
        ExportJob Job(string folder) => new(Seed, SeedText, new GridSpec(512, 48), ExportFormats.Bin, GridLayers.River | GridLayers.Forest, temp.Combine(folder));

        ExportOutcome fromGame = await game.ExportAsync(Job("game"), null, CancellationToken.None).WaitAsync(Patience.Long);
        ExportOutcome fromNative = await native.ExportAsync(Job("native"), null, CancellationToken.None).WaitAsync(Patience.Long);

        Assert.Equal(fromNative.WorldKey, fromGame.WorldKey);
        Assert.Equal(temp.Combine("game"), fromGame.OutputDirectory);
        Assert.Equal(fromNative.Files.Select(file => file.Name), fromGame.Files.Select(file => file.Name));
        foreach (string name in new[] { "grid.bin", "river.bin", "forest.bin", "manifest.json" })
        {
            Assert.True(
                File.ReadAllBytes(temp.Combine("native", name)).AsSpan().SequenceEqual(File.ReadAllBytes(temp.Combine("game", name))),
                $"{name} differs between vwe engine and the plugins' library");
            Assert.Equal(fromNative.Files.Single(file => file.Name == name).Sha256, fromGame.Files.Single(file => file.Name == name).Sha256);
        }

        Assert.Equal(GoldenSha256(), fromGame.Files.Single(file => file.Name == "grid.bin").Sha256);
        Assert.Equal(["game", "native"], temp.Entries().Where(entry => !entry.Contains('/', StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Samples_are_what_vwe_engine_answers_bit_for_bit()
    {
        using var server = new TestServer();
        await using TcpTestEngine game = await TcpTestEngine.StartAsync(server.Endpoint);
        await using ProcessEngine native = await NativeEngines.StartAsync();
        SampleArea[] areas =
        [
            new SamplePoints([0, 0, 1000.5, -250, -9200, 400, 12000, -9000, 3.25, 7.75, -10499.9, 17.1, 0.1, -0.1]),
            new SampleRegion(-9200, 400, 12, 2, 2),
            new SampleRegion(-3000.5, 2000.25, 97.3, 40, 30),
        ];

        foreach (SampleArea area in areas)
        {
            var job = new SampleJob(Seed, area, EngineFields.All);
            SampleResult fromGame = await game.SampleAsync(job, CancellationToken.None).WaitAsync(Patience.Long);
            await game.ResetAsync(CancellationToken.None);
            SampleResult fromNative = await native.SampleAsync(job, CancellationToken.None).WaitAsync(Patience.Long);
            await native.ResetAsync(CancellationToken.None);

            Assert.Equal(area.Count, fromGame.Count);
            Assert.Equal(fromNative.Biome, fromGame.Biome);
            foreach ((float[]? expected, float[]? actual, string field) in new[]
            {
                (fromNative.Height, fromGame.Height, "height"),
                (fromNative.BaseHeight, fromGame.BaseHeight, "baseHeight"),
                (fromNative.River, fromGame.River, "river"),
                (fromNative.Forest, fromGame.Forest, "forest"),
            })
            {
                Assert.Equal(expected!.Select(BitConverter.SingleToInt32Bits), actual!.Select(BitConverter.SingleToInt32Bits));
                Assert.True(actual!.Length == area.Count, field);
            }
        }

        Assert.Equal(1, server.Worlds.Created);
    }

    [Fact]
    public async Task Loads_are_cached_pings_report_the_state_and_the_handshake_checks_out()
    {
        using var server = new TestServer();
        await using TcpTestEngine game = await TcpTestEngine.StartAsync(server.Endpoint);

        EngineInfo info = game.Info!;
        Assert.Equal(ProtocolVersion.Current, info.ProtocolVersion);
        Assert.Equal("vwe-plugins-test", info.EngineVersion);
        Assert.Equal(Environment.ProcessId, info.ProcessId);
        Assert.Equal(2, info.WorldGenVersion);
        Assert.Equal(1, info.EngineDataVersion);
        Assert.Equal(ProtocolLimits.MaxSamplePoints, info.MaxSamplePoints);

        WorldLoad first = await game.LoadAsync(Seed, null, CancellationToken.None).WaitAsync(Patience.Long);
        await game.ResetAsync(CancellationToken.None);
        WorldLoad second = await game.LoadAsync(Seed, null, CancellationToken.None).WaitAsync(Patience.Long);
        await game.ResetAsync(CancellationToken.None);
        EnginePing ping = await game.PingAsync(CancellationToken.None).WaitAsync(Patience.Long);

        Assert.False(first.Cached);
        Assert.True(first.Duration > TimeSpan.Zero);
        Assert.True(second.Cached);
        Assert.Equal(TimeSpan.Zero, second.Duration);
        Assert.Equal(1, server.Worlds.Created);
        Assert.Equal(EngineState.Ready, ping.State);
        Assert.Equal([Seed], ping.LoadedWorlds);
        Assert.Equal(4, ping.Jobs);
    }

    [Fact]
    public async Task A_cancelled_export_stops_leaves_nothing_behind_and_the_engine_takes_the_next_job()
    {
        using var temp = new TempDirectory();
        using var server = new TestServer();
        await using TcpTestEngine game = await TcpTestEngine.StartAsync(server.Endpoint);
        using var cancel = new CancellationTokenSource();
        string folder = temp.Combine("big");

        // 4096² single-threaded takes tens of seconds: it is still sampling when the cancel arrives.
        var job = new ExportJob(Seed, null, new GridSpec(4096, 6), ExportFormats.Bin, GridLayers.None, folder);
        Task<ExportOutcome> export = game.ExportAsync(job, new FirstProgress(cancel.Cancel), cancel.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => export.WaitAsync(Patience.Long));
        Assert.Empty(temp.Entries());
        EnginePing ping = await game.PingAsync(CancellationToken.None).WaitAsync(Patience.Long);
        Assert.Equal(EngineState.Ready, ping.State);
        Assert.Equal([Seed], ping.LoadedWorlds);

        await game.ResetAsync(CancellationToken.None);
        SampleResult after = await game.SampleAsync(new SampleJob(Seed, new SamplePoints([0, 0]), EngineFields.Biome), CancellationToken.None)
            .WaitAsync(Patience.Long);
        Assert.Equal([(ushort)1], after.Biome!);
    }

    [Fact]
    public async Task A_job_past_its_deadline_fails_with_deadline_exceeded_and_writes_nothing()
    {
        using var temp = new TempDirectory();
        using var server = new TestServer();
        await using TcpTestEngine game = await TcpTestEngine.StartAsync(server.Endpoint);
        await game.LoadAsync(Seed, null, CancellationToken.None).WaitAsync(Patience.Long);
        await game.ResetAsync(CancellationToken.None);

        var job = new ExportJob(Seed, null, new GridSpec(4096, 6), ExportFormats.Bin, GridLayers.None, temp.Combine("late"), TimeSpan.FromMilliseconds(300));
        EngineJobException failure = await Assert.ThrowsAsync<EngineJobException>(() => game.ExportAsync(job, null, CancellationToken.None).WaitAsync(Patience.Long));

        Assert.Equal(ErrorCodes.DeadlineExceeded, failure.Code);
        Assert.Contains("deadline of 300 ms", failure.Message, StringComparison.Ordinal);
        Assert.Empty(temp.Entries());
    }

    [Fact]
    public async Task A_warm_pool_of_it_exports_and_samples_and_leaves_the_server_running()
    {
        using var temp = new TempDirectory();
        using var server = new TestServer();
        var options = new PoolOptions { MinReady = 1, MaxEngines = 1, MaxConcurrentJobs = 1, HealthInterval = TimeSpan.FromMilliseconds(200) };
        await using (var pool = new WarmEnginePool(options, _ => new TcpTestEngine(server.Endpoint)))
        {
            await pool.StartAsync(CancellationToken.None).WaitAsync(Patience.Long);
            var job = new ExportJob(Seed, SeedText, new GridSpec(512, 48), ExportFormats.Bin, GridLayers.None, temp.Combine("pool"));

            ExportOutcome exported = await pool.ExportAsync(job, null, CancellationToken.None).WaitAsync(Patience.Long);
            SampleResult sampled = await pool.SampleAsync(new SampleJob(Seed, new SamplePoints([0, 0]), EngineFields.Biome), CancellationToken.None)
                .WaitAsync(Patience.Long);

            Assert.Equal("1706363555-g2-e1-512x48", exported.WorldKey);
            Assert.Equal(GoldenSha256(), exported.Files.Single(file => file.Name == "grid.bin").Sha256);
            Assert.Equal([(ushort)1], sampled.Biome!);
        }

        // Retiring an engine closes its connection; it never shuts the game server down.
        Assert.Equal(0, server.Shutdowns);
        (RawClient client, Message hello) = await RawClient.ConnectAsync(server.Endpoint);
        await using RawClient owned = client;
        Assert.Equal(MessageTypes.Hello, hello.Type);
        Assert.Equal([Seed], hello.LoadedWorlds!);
    }

    private static string GoldenSha256() => Vwe.Tests.Golden.GoldenData.GridSha256("hnLycKKCMI-512.bin.gz");
}
