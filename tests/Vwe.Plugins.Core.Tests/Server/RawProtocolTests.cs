using Vwe.Plugins.Core.Tests.Support;
using Vwe.Protocol;

namespace Vwe.Plugins.Core.Tests.Server;

/// <summary>
/// The engine server as any client sees it on the wire (docs/protocol.md, rules E1–E29): frames written and read
/// by hand over a real loopback socket, no part of our pool's client in between.
/// </summary>
public sealed class RawProtocolTests
{
    private const int Seed = 1706363555;

    [Fact]
    public async Task The_first_frame_is_a_hello_of_a_game_engine_that_is_ready()
    {
        using var server = new TestServer(maxWorlds: 3);
        (RawClient client, Message hello) = await RawClient.ConnectAsync(server.Endpoint);
        await using RawClient owned = client;

        Assert.Equal(MessageTypes.Hello, hello.Type);
        Assert.Null(hello.Id);
        Assert.Equal(ProtocolVersion.Current, hello.Protocol);
        Assert.Equal(EngineKinds.Game, hello.Kind);
        Assert.Equal("vwe-plugins-test", hello.Engine);
        Assert.Equal(Environment.ProcessId, hello.Pid);
        Assert.Equal(2, hello.WorldGenVersion);
        Assert.Equal(1, hello.EngineDataVersion);
        Assert.Equal(3, hello.MaxWorlds);
        Assert.Equal(ProtocolLimits.MaxSamplePoints, hello.MaxSamplePoints);
        Assert.Equal(ProtocolLimits.MaxFrameBytes, hello.MaxFrameBytes);
        Assert.Equal(EngineStates.Ready, hello.State);
        Assert.Empty(hello.LoadedWorlds!);
        Assert.Equal(0, hello.Jobs);
        Assert.True(hello.UptimeMs > 0);

        Message answer = await client.AskAsync(Request.Hello(1, "raw-test"));
        Assert.Equal(MessageTypes.Result, answer.Type);
        Assert.Equal(Ops.Hello, answer.Op);
        Assert.Equal(EngineKinds.Game, answer.Kind);
        Assert.Equal(3, answer.MaxWorlds);
    }

    [Fact]
    public async Task A_hello_of_another_version_or_none_is_refused_and_the_connection_stays_open()
    {
        using var server = new TestServer();
        await using RawClient client = (await RawClient.ConnectAsync(server.Endpoint)).Client;

        Message other = await client.AskAsync(new Request { Id = 1, Op = Ops.Hello, Protocol = 2 });
        Assert.Equal(ErrorCodes.UnsupportedProtocol, other.Code);
        Assert.Contains("speaks protocol 1, not 2", other.ErrorMessage, StringComparison.Ordinal);

        Message none = await client.AskAsync(new Request { Id = 2, Op = Ops.Hello });
        Assert.Equal(ErrorCodes.BadRequest, none.Code);

        Assert.Equal(MessageTypes.Result, (await client.AskAsync(Request.Ping(3))).Type);
    }

    [Fact]
    public async Task Unknown_ops_and_unreadable_lines_are_answered_and_reading_goes_on()
    {
        using var server = new TestServer();
        await using RawClient client = (await RawClient.ConnectAsync(server.Endpoint)).Client;

        Message unknown = await client.AskAsync(new Request { Id = 1, Op = "teleport" });
        Assert.Equal(ErrorCodes.UnknownOp, unknown.Code);
        Assert.Equal("teleport", unknown.Op);
        Assert.Contains("known: hello, ping, load, export, sample, reset, cancel, shutdown", unknown.ErrorMessage, StringComparison.Ordinal);

        await client.SendLineAsync("{oops");
        Message malformed = (await client.NextAsync())!;
        Assert.Equal(ErrorCodes.Malformed, malformed.Code);
        Assert.Null(malformed.Id);

        await client.SendLineAsync("{\"id\":7,\"op\":\"load\",\"seedInt\":\"12\"}");
        Message wrongType = (await client.NextAsync())!;
        Assert.Equal(ErrorCodes.BadRequest, wrongType.Code);
        Assert.Equal(7, wrongType.Id);

        Message pong = await client.AskAsync(Request.Ping(8));
        Assert.Equal(EngineStates.Ready, pong.State);
        Assert.True(pong.UptimeMs > 0);
    }

    public static TheoryData<string, Func<string, Request>, string> BadJobs => new()
    {
        { "a load without seedInt", _ => new Request { Id = 1, Op = Ops.Load }, "seedInt is missing" },
        { "a zero deadline", _ => new Request { Id = 1, Op = Ops.Load, SeedInt = Seed, DeadlineMs = 0 }, "deadlineMs 0" },
        { "a relative output folder", _ => Export("worlds/out"), "is not an absolute path" },
        { "a png export", folder => Export(folder, formats: ["bin", "png"]), "writes bin (grid.bin and layers) only" },
        { "an unknown format", folder => Export(folder, formats: ["tiff"]), "format 'tiff' is not one of bin, json, png" },
        { "no formats", folder => Export(folder, formats: []), "formats is empty" },
        { "an unknown layer", folder => Export(folder, layers: ["lava"]), "layer 'lava' is not one of river, forest" },
        { "a seed text of another seed", folder => Export(folder, seedText: "hkLycKKCMI"), "not seedInt 1706363555" },
        { "a grid of size 0", folder => Export(folder, size: 0), "grid size 0 is outside 1..16384" },
        { "a negative pixel size", folder => Export(folder, pixelSize: -12), "pixel size -12 is not a positive finite number" },
        { "a folder name too long for its staging sibling", folder => Export(Path.Combine(folder, new string('a', 240))), "the limit is 238" },
        { "both points and region", _ => Sample(points: [0, 0], region: new RegionArgs { Step = 1, Columns = 1, Rows = 1 }), "exactly one of points" },
        { "neither points nor region", _ => Sample(), "exactly one of points" },
        { "no points", _ => Sample(points: []), "points has 0 values" },
        { "an odd number of coordinates", _ => Sample(points: [0, 0, 1]), "points has 3 values" },
        { "a coordinate beyond float32", _ => Sample(points: [1e39, 0]), "is not a finite float32" },
        { "too large a region", _ => Sample(region: new RegionArgs { Step = 1, Columns = 200, Rows = 200 }), "1 ≤ columns × rows ≤ 16384" },
        { "a zero step", _ => Sample(region: new RegionArgs { Step = 0, Columns = 2, Rows = 2 }), "a positive step" },
        { "an unknown field", _ => Sample(points: [0, 0], fields: ["lava"]), "field 'lava' is not one of biome, height, baseHeight, river, forest" },
    };

    [Theory]
    [MemberData(nameof(BadJobs))]
    public async Task A_bad_job_is_refused_as_bad_request_naming_the_field_and_nothing_is_loaded_or_written(string what, Func<string, Request> make, string named)
    {
        using var temp = new TempDirectory();
        using var server = new TestServer();
        await using RawClient client = (await RawClient.ConnectAsync(server.Endpoint)).Client;

        Request request = make(temp.Combine("out"));
        Message answer = await client.AskAsync(request);

        Assert.True(answer.Type == MessageTypes.Error, $"{what}: answered {answer.Type}");
        Assert.Equal(ErrorCodes.BadRequest, answer.Code);
        Assert.Equal(request.Op, answer.Op);
        Assert.Contains(named, answer.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, server.Worlds.Created);
        Assert.Empty(temp.Entries());
        Assert.Equal(EngineStates.Ready, (await client.AskAsync(Request.Ping(99))).State);
    }

    [Fact]
    public async Task An_output_folder_holding_other_files_is_refused_and_left_as_it_was()
    {
        using var temp = new TempDirectory();
        using var server = new TestServer();
        await using RawClient client = (await RawClient.ConnectAsync(server.Endpoint)).Client;
        string folder = temp.Combine("holiday-photos");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "beach.jpg"), "not an export");

        Message answer = await client.AskAsync(Export(folder));

        Assert.Equal(ErrorCodes.BadRequest, answer.Code);
        Assert.Contains("holds 'beach.jpg', which no export writes", answer.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(["holiday-photos", Path.Combine("holiday-photos", "beach.jpg")], temp.Entries());
    }

    [Fact]
    public async Task An_output_folder_under_a_file_is_an_io_error()
    {
        using var temp = new TempDirectory();
        using var server = new TestServer();
        await using RawClient client = (await RawClient.ConnectAsync(server.Endpoint)).Client;
        File.WriteAllText(temp.Combine("file"), "x");

        Message answer = await client.AskAsync(Export(temp.Combine("file", "out")));

        Assert.Equal(ErrorCodes.Io, answer.Code);
        Assert.Contains("which is a file", answer.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, server.Worlds.Created);
    }

    [Fact]
    public async Task An_output_folder_that_is_a_symbolic_link_is_refused_and_its_target_untouched()
    {
        using var temp = new TempDirectory();
        using var server = new TestServer();
        await using RawClient client = (await RawClient.ConnectAsync(server.Endpoint)).Client;
        Directory.CreateDirectory(temp.Combine("target"));
        Directory.CreateSymbolicLink(temp.Combine("link"), temp.Combine("target"));

        Message answer = await client.AskAsync(Export(temp.Combine("link")));

        Assert.Equal(ErrorCodes.BadRequest, answer.Code);
        Assert.Contains("is a symbolic link", answer.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Combine("target")));
    }

    [Fact]
    public async Task An_export_replaces_an_earlier_export_in_its_folder_as_a_whole()
    {
        using var temp = new TempDirectory();
        using var server = new TestServer();
        await using RawClient client = (await RawClient.ConnectAsync(server.Endpoint)).Client;
        string folder = temp.Combine("nested", "out");

        Message first = await client.AskAsync(Export(folder, id: 1, layers: ["river", "forest"]));
        Message second = await client.AskAsync(Export(folder, id: 2, size: 16));

        Assert.Equal(MessageTypes.Result, first.Type);
        Assert.Equal(MessageTypes.Result, second.Type);
        Assert.Equal(["grid.bin", "manifest.json", "run.json"], Directory.EnumerateFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(6 * 16 * 16, new FileInfo(Path.Combine(folder, "grid.bin")).Length);
        Assert.Equal(["nested", Path.Combine("nested", "out")], temp.Entries().Where(entry => !entry.EndsWith(".bin", StringComparison.Ordinal) && !entry.EndsWith(".json", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_second_connection_gets_one_busy_error_and_is_closed()
    {
        using var server = new TestServer();
        (RawClient first, _) = await RawClient.ConnectAsync(server.Endpoint);
        await using RawClient ownedFirst = first;

        (RawClient second, Message refusal) = await RawClient.ConnectAsync(server.Endpoint);
        await using RawClient ownedSecond = second;
        Assert.Equal(MessageTypes.Error, refusal.Type);
        Assert.Equal(ErrorCodes.Busy, refusal.Code);
        Assert.Null(refusal.Id);
        Assert.Null(await second.NextAsync());

        Assert.Equal(MessageTypes.Result, (await first.AskAsync(Request.Ping(1))).Type);
    }

    [Fact]
    public async Task While_a_job_runs_pings_are_answered_and_another_job_is_busy()
    {
        using var release = new ManualResetEventSlim();
        using var loading = new ManualResetEventSlim();
        var worlds = new NativeWorlds
        {
            BeforeCreate = (_, token) =>
            {
                loading.Set();
                release.Wait(token);
            },
        };
        using var server = new TestServer(worlds);
        await using RawClient client = (await RawClient.ConnectAsync(server.Endpoint)).Client;

        await client.SendAsync(new Request { Id = 1, Op = Ops.Load, SeedInt = Seed });
        Assert.True(loading.Wait(Patience.Long));

        Message pong = await client.AskAsync(Request.Ping(2));
        Assert.Equal(EngineStates.Generating, pong.State);
        Message busy = await client.AskAsync(new Request { Id = 3, Op = Ops.Sample, SeedInt = Seed, Points = [0, 0] });
        Assert.Equal(ErrorCodes.Busy, busy.Code);
        Assert.Contains("request 1 (load) is running", busy.ErrorMessage, StringComparison.Ordinal);

        release.Set();
        Message loaded = await client.AnswerAsync(1);
        Assert.Equal(MessageTypes.Result, loaded.Type);
        Assert.Equal(Seed, loaded.SeedInt);
        Assert.False(loaded.Cached);
        Assert.Equal(EngineStates.Ready, loaded.State);
        Assert.Equal([Seed], loaded.LoadedWorlds!);
        Assert.Equal(1, loaded.Jobs);

        // E24, E22: Generating announced before the load's progress, Ready before its result.
        string[] states = [.. client.Seen.Where(frame => frame.Type == MessageTypes.State).Select(frame => frame.State!)];
        Assert.Equal([EngineStates.Generating, EngineStates.Ready], states);
        int readyAt = client.Seen.FindIndex(frame => frame.Type == MessageTypes.State && frame.State == EngineStates.Ready);
        Assert.True(readyAt < client.Seen.IndexOf(loaded));
    }

    [Fact]
    public async Task An_export_goes_through_Generating_and_Exporting_and_a_second_load_is_cached()
    {
        using var temp = new TempDirectory();
        using var server = new TestServer();
        await using RawClient client = (await RawClient.ConnectAsync(server.Endpoint)).Client;

        Message exported = await client.AskAsync(Export(temp.Combine("out"), size: 64, pixelSize: 300, layers: ["river"]));
        Assert.Equal(MessageTypes.Result, exported.Type);
        Assert.Equal("1706363555-g2-e1-64x300", exported.WorldKey);
        Assert.Equal(temp.Combine("out"), exported.OutputDirectory);
        Assert.Equal(["grid.bin", "manifest.json", "river.bin", "run.json"], exported.Files!.Select(file => file.Name));
        Assert.Equal(6 * 64 * 64, exported.Files!.Single(file => file.Name == "grid.bin").Bytes);
        Assert.Equal(["out"], temp.Entries().Where(entry => !entry.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)));
        string[] states = [.. client.Seen.Where(frame => frame.Type == MessageTypes.State).Select(frame => frame.State!)];
        Assert.Equal([EngineStates.Generating, EngineStates.Exporting, EngineStates.Ready], states);
        Assert.Contains(client.Seen, frame => frame.Type == MessageTypes.Progress && frame.Phase == "export" && frame.Fraction == 1);

        Message again = await client.AskAsync(new Request { Id = 2, Op = Ops.Load, SeedInt = Seed });
        Assert.True(again.Cached);
        Assert.Equal(0, again.LoadMs);
        Assert.Equal(1, server.Worlds.Created);
    }

    [Fact]
    public async Task A_reset_without_keeping_worlds_unloads_them()
    {
        using var server = new TestServer();
        await using RawClient client = (await RawClient.ConnectAsync(server.Endpoint)).Client;
        await client.AskAsync(new Request { Id = 1, Op = Ops.Load, SeedInt = Seed });

        Message kept = await client.AskAsync(new Request { Id = 2, Op = Ops.Reset });
        Assert.Equal([Seed], kept.LoadedWorlds!);
        Message dropped = await client.AskAsync(new Request { Id = 3, Op = Ops.Reset, KeepWorlds = false });
        Assert.Equal(MessageTypes.Result, dropped.Type);
        Assert.Empty(dropped.LoadedWorlds!);
        Assert.Equal(3, dropped.Jobs);
    }

    [Fact]
    public async Task The_worlds_kept_are_the_most_recently_used_up_to_maxWorlds()
    {
        using var server = new TestServer(maxWorlds: 2);
        await using RawClient client = (await RawClient.ConnectAsync(server.Endpoint)).Client;

        await client.AskAsync(new Request { Id = 1, Op = Ops.Load, SeedInt = 1 });
        await client.AskAsync(new Request { Id = 2, Op = Ops.Load, SeedInt = 2 });
        await client.AskAsync(new Request { Id = 3, Op = Ops.Load, SeedInt = 1 });
        Message third = await client.AskAsync(new Request { Id = 4, Op = Ops.Load, SeedInt = 3 });

        Assert.Equal([3, 1], third.LoadedWorlds!);
    }

    [Fact]
    public async Task A_client_leaving_mid_job_cancels_it_and_the_next_client_finds_the_worlds_kept()
    {
        using var temp = new TempDirectory();
        using var server = new TestServer();
        (RawClient first, _) = await RawClient.ConnectAsync(server.Endpoint);
        await first.AskAsync(new Request { Id = 1, Op = Ops.Load, SeedInt = Seed });
        await first.SendAsync(Export(temp.Combine("big"), id: 2, size: 4096, pixelSize: 6));
        while (await first.NextAsync() is { } frame && frame.Type != MessageTypes.Progress)
        {
        }

        await first.DisposeAsync();

        // The server takes the next client once the first session has ended, its job stopped.
        (RawClient second, Message hello) = await RawClient.ConnectAsync(server.Endpoint);
        await using RawClient ownedSecond = second;
        Assert.Equal(MessageTypes.Hello, hello.Type);
        Assert.Equal(EngineStates.Ready, hello.State);
        Assert.Equal([Seed], hello.LoadedWorlds!);
        Assert.Empty(temp.Entries());
    }

    [Fact]
    public async Task Shutdown_is_answered_last_with_Stopped_and_the_server_asks_its_host_to_stop()
    {
        using var server = new TestServer();
        await using RawClient client = (await RawClient.ConnectAsync(server.Endpoint)).Client;

        Message stopped = await client.AskAsync(Request.Shutdown(1));

        Assert.Equal(EngineStates.Stopped, stopped.State);
        Assert.Null(await client.NextAsync());
        Assert.True(await server.Server.Completion.WaitAsync(Patience.Long));
        Assert.Equal(1, server.Shutdowns);
    }

    private static Request Export(
        string folder, long id = 1, string[]? formats = null, string[]? layers = null, string? seedText = "hnLycKKCMI", int size = 8, double pixelSize = 48) => new()
        {
            Id = id,
            Op = Ops.Export,
            SeedInt = Seed,
            SeedText = seedText,
            Grid = new GridArgs { Size = size, PixelSize = pixelSize },
            Formats = formats ?? ["bin"],
            Layers = layers,
            OutputDirectory = folder,
        };

    private static Request Sample(double[]? points = null, RegionArgs? region = null, string[]? fields = null) => new()
    {
        Id = 1,
        Op = Ops.Sample,
        SeedInt = Seed,
        Points = points,
        Region = region,
        Fields = fields,
    };
}
