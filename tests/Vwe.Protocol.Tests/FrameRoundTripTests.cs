using System.IO.Pipes;
using Vwe.Protocol.Tests.Support;

namespace Vwe.Protocol.Tests;

/// <summary>Every op and every message type through FrameWriter, a real OS pipe and FrameReader.</summary>
public class FrameRoundTripTests
{
    private const int Seed = 1706363555;

    public static TheoryData<string> OpNames => [.. Ops.All];

    public static TheoryData<string> MessageTypeNames =>
        [MessageTypes.Hello, MessageTypes.Result, MessageTypes.Error, MessageTypes.Progress, MessageTypes.State];

    [Fact]
    public void The_examples_cover_every_op_and_message_type()
    {
        Assert.Equal(Ops.All.Order(StringComparer.Ordinal), Requests().Select(request => request.Op).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(
            ErrorCodesTests.Constants(typeof(MessageTypes)),
            Messages().Select(message => message.Type).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(OpNames))]
    public async Task Requests_of_every_op_arrive_unchanged(string op)
    {
        var sent = Requests().Where(request => request.Op == op).ToList();

        var received = await ThroughPipeAsync(
            (writer, item) => writer.WriteAsync(item, CancellationToken.None), sent, reader => reader.ReadRequestAsync(CancellationToken.None));

        Populated.AssertSame(sent.ToArray(), received.ToArray());
    }

    [Theory]
    [MemberData(nameof(MessageTypeNames))]
    public async Task Messages_of_every_type_arrive_unchanged(string type)
    {
        var sent = Messages().Where(message => message.Type == type).ToList();

        var received = await ThroughPipeAsync(
            (writer, item) => writer.WriteAsync(item, CancellationToken.None), sent, reader => reader.ReadMessageAsync(CancellationToken.None));

        Populated.AssertSame(sent.ToArray(), received.ToArray());
    }

    private static async Task<List<T>> ThroughPipeAsync<T>(
        Func<FrameWriter, T, Task> write, List<T> items, Func<FrameReader, Task<T?>> read)
        where T : class
    {
        using var server = new AnonymousPipeServerStream(PipeDirection.Out);
        using var client = new AnonymousPipeClientStream(PipeDirection.In, server.ClientSafePipeHandle);
        var writing = Task.Run(async () =>
        {
            var writer = new FrameWriter(server);
            foreach (var item in items)
            {
                await write(writer, item);
            }

            server.Dispose();
        });

        var reader = new FrameReader(client);
        var received = new List<T>();
        while (await read(reader) is { } item)
        {
            received.Add(item);
        }

        await writing;
        return received;
    }

    private static IEnumerable<Request> Requests() =>
    [
        Request.Hello(1, "vwe-pool 0.3.0"),
        Request.Ping(2),
        new() { Id = 3, Op = Ops.Load, SeedInt = Seed, DeadlineMs = 60_000 },
        new()
        {
            Id = 4,
            Op = Ops.Export,
            SeedInt = Seed,
            SeedText = "hnLycKKCMI",
            Grid = new GridArgs { Size = 2048, PixelSize = 12 },
            Formats = ["bin", "png", "json"],
            Layers = ["river", "forest"],
            OutputDirectory = "/data/worlds/1706363555-g2-e1-2048x12",
            DeadlineMs = 120_000,
        },
        new() { Id = 5, Op = Ops.Sample, SeedInt = -7, Points = [0, 0, 1000.5, -250, 3333.300048828125, -0.0], Fields = ["biome", "height"] },
        new()
        {
            Id = 6,
            Op = Ops.Sample,
            SeedInt = Seed,
            Region = new RegionArgs { X = -9200, Z = 400, Step = 0.1, Columns = 128, Rows = 64 },
            Fields = [.. SampleFields.All],
        },
        new() { Id = 7, Op = Ops.Reset, KeepWorlds = false },
        Request.Cancel(8, target: 4),
        Request.Shutdown(long.MaxValue),
    ];

    private static IEnumerable<Message> Messages() =>
    [
        new()
        {
            Type = MessageTypes.Hello,
            Protocol = ProtocolVersion.Current,
            Engine = "vwe 0.3.0",
            Kind = EngineKinds.Container,
            Pid = 1,
            Threads = 2,
            WorldGenVersion = 2,
            EngineDataVersion = 1,
            MaxWorlds = 2,
            MaxSamplePoints = ProtocolLimits.MaxSamplePoints,
            MaxFrameBytes = ProtocolLimits.MaxFrameBytes,
            State = EngineStates.Ready,
            LoadedWorlds = [],
            Jobs = 0,
            UptimeMs = 640.5,
        },
        new()
        {
            Type = MessageTypes.Result, Id = 3, Op = Ops.Load, State = EngineStates.Ready, LoadedWorlds = [Seed, -1], Jobs = 1,
            SeedInt = Seed, Cached = false, LoadMs = 579.4,
        },
        new()
        {
            Type = MessageTypes.Result,
            Id = 4,
            Op = Ops.Export,
            State = EngineStates.Ready,
            LoadedWorlds = [Seed],
            Jobs = 2,
            SeedInt = Seed,
            Cached = true,
            LoadMs = 0,
            WorldKey = "1706363555-g2-e1-2048x12",
            OutputDirectory = "/data/worlds/1706363555-g2-e1-2048x12",
            Files =
            [
                new() { Name = "biomes.png", Bytes = 138_812, Sha256 = new string('2', 64), PixelsSha256 = new string('b', 64) },
                new() { Name = "grid.bin", Bytes = 25_165_824, Sha256 = new string('0', 64) },
            ],
            ExportMs = 2032,
        },
        new()
        {
            Type = MessageTypes.Result, Id = 5, Op = Ops.Sample, State = EngineStates.Ready, LoadedWorlds = [Seed], Jobs = 3,
            SeedInt = Seed, Cached = true, LoadMs = 0, Count = 2,
            Biome = SampleArrays.EncodeUInt16([1, 512]), Height = SampleArrays.EncodeSingle([8.720879f, -400f]),
            BaseHeight = SampleArrays.EncodeSingle([0.1f, 0.2f]), River = SampleArrays.EncodeSingle([0, 0.5f]),
            Forest = SampleArrays.EncodeSingle([1.15f, float.NaN]),
        },
        Message.Result(9, Ops.Cancel),
        Message.Result(10, Ops.Shutdown),
        Message.Error(11, ErrorCodes.Busy, "request 8 (export) is running"),
        Message.Error(null, ErrorCodes.Malformed, "the frame '{oops}' is not valid JSON"),
        Message.Progress(4, "export", 0.25),
        Message.Progress(4, "load", 1),
        new() { Type = MessageTypes.State, State = EngineStates.Generating, LoadedWorlds = [], Jobs = 0 },
    ];
}
