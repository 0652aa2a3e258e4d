using System.Globalization;
using Vwe.Engines.Jobs;
using Vwe.Engines.Lifecycle;
using Vwe.Maps.Export;
using Vwe.Maps.Grid;
using Vwe.Protocol;
using SampleFields = Vwe.Engines.Jobs.SampleFields;

namespace Vwe.Engines.Wire;

/// <summary>
/// Jobs and their answers as protocol frames, both ways: what the client (<see cref="Remote.ProtocolEngine"/>)
/// sends and reads back, and what the host (<see cref="Hosting.EngineSession"/>) answers. Requests are read
/// by <see cref="JobRequests"/>, which also validates them.
/// </summary>
internal static class JobWire
{
    public static Request Load(long id, int seed, TimeSpan? deadline) =>
        new() { Id = id, Op = Ops.Load, SeedInt = seed, DeadlineMs = Milliseconds(deadline) };

    public static Request Export(long id, ExportJob job) => new()
    {
        Id = id,
        Op = Ops.Export,
        SeedInt = job.Seed,
        SeedText = job.SeedText,
        Grid = new GridArgs { Size = job.Grid.Size, PixelSize = job.Grid.PixelSize },
        Formats = [.. ExportFormatNames.All.Where(entry => job.Formats.HasFlag(entry.Format)).Select(entry => entry.Name)],
        Layers = [.. GridLayerNames.Each(job.Layers).Select(GridLayerNames.Name)],
        OutputDirectory = job.OutputDirectory,
        DeadlineMs = Milliseconds(job.Deadline),
    };

    public static Request Sample(long id, SampleJob job)
    {
        var request = new Request
        {
            Id = id,
            Op = Ops.Sample,
            SeedInt = job.Seed,
            Fields = [.. FieldNames.Where(entry => job.Fields.HasFlag(entry.Field)).Select(entry => entry.Name)],
            DeadlineMs = Milliseconds(job.Deadline),
        };
        switch (job.Area)
        {
            case SamplePoints points:
                request.Points = [.. points.Xz];
                break;
            case SampleRegion region:
                request.Region = new RegionArgs { X = region.X, Z = region.Z, Step = region.Step, Columns = region.Columns, Rows = region.Rows };
                break;
            default:
                throw new ArgumentException($"unknown sample area {job.Area.GetType().Name}", nameof(job));
        }

        return request;
    }

    public static Message Loaded(long id, WorldLoad load) => new()
    {
        Type = MessageTypes.Result,
        Id = id,
        Op = Ops.Load,
        SeedInt = load.Seed,
        Cached = load.Cached,
        LoadMs = load.Duration.TotalMilliseconds,
    };

    public static WorldLoad Loaded(Message message) =>
        new(Require(message.SeedInt, message, "seedInt"), message.Cached ?? false, Duration(message.LoadMs));

    public static Message Exported(long id, int seed, ExportOutcome outcome) => new()
    {
        Type = MessageTypes.Result,
        Id = id,
        Op = Ops.Export,
        SeedInt = seed,
        WorldKey = outcome.WorldKey,
        Cached = outcome.LoadTime == TimeSpan.Zero,
        OutputDirectory = outcome.OutputDirectory,
        Files = [.. outcome.Files.Select(file => new FileEntry { Name = file.Name, Bytes = file.Bytes, Sha256 = file.Sha256, PixelsSha256 = file.PixelsSha256 })],
        LoadMs = outcome.LoadTime.TotalMilliseconds,
        ExportMs = outcome.ExportTime.TotalMilliseconds,
    };

    public static ExportOutcome Exported(Message message) => new(
        Require(message.WorldKey, message, "worldKey"),
        Require(message.OutputDirectory, message, "outputDirectory"),
        [.. Require(message.Files, message, "files").Select(file => new ExportedFile(file.Name, file.Bytes, file.Sha256, file.PixelsSha256))],
        Duration(message.LoadMs),
        Duration(message.ExportMs));

    public static Message Sampled(long id, int seed, SampleResult result) => new()
    {
        Type = MessageTypes.Result,
        Id = id,
        Op = Ops.Sample,
        SeedInt = seed,
        Cached = result.LoadTime == TimeSpan.Zero,
        Count = result.Count,
        Biome = result.Biome is null ? null : SampleArrays.EncodeUInt16(result.Biome),
        Height = Encode(result.Height),
        BaseHeight = Encode(result.BaseHeight),
        River = Encode(result.River),
        Forest = Encode(result.Forest),
        LoadMs = result.LoadTime.TotalMilliseconds,
        ExportMs = result.SampleTime.TotalMilliseconds,
    };

    public static SampleResult Sampled(Message message, SampleJob job)
    {
        int count = Require(message.Count, message, "count");
        if (count != job.Area.Count)
        {
            throw new FormatException($"sample answered {count} points for a request of {job.Area.Count}");
        }

        return new SampleResult(
            count,
            Decode(message.Biome, job.Fields, SampleFields.Biome, count, SampleArrays.DecodeUInt16),
            Decode(message.Height, job.Fields, SampleFields.Height, count, SampleArrays.DecodeSingle),
            Decode(message.BaseHeight, job.Fields, SampleFields.BaseHeight, count, SampleArrays.DecodeSingle),
            Decode(message.River, job.Fields, SampleFields.River, count, SampleArrays.DecodeSingle),
            Decode(message.Forest, job.Fields, SampleFields.Forest, count, SampleArrays.DecodeSingle),
            Duration(message.LoadMs),
            Duration(message.ExportMs));
    }

    public static EnginePing Ping(Message message, TimeSpan roundTrip) => new(
        Enum.TryParse(message.State, out EngineState state) ? state : throw new FormatException($"ping answered unknown state '{message.State}'"),
        message.LoadedWorlds ?? [],
        message.Jobs ?? 0,
        roundTrip);

    public static readonly (SampleFields Field, string Name)[] FieldNames =
    [
        (SampleFields.Biome, Protocol.SampleFields.Biome),
        (SampleFields.Height, Protocol.SampleFields.Height),
        (SampleFields.BaseHeight, Protocol.SampleFields.BaseHeight),
        (SampleFields.River, Protocol.SampleFields.River),
        (SampleFields.Forest, Protocol.SampleFields.Forest),
    ];

    private static long? Milliseconds(TimeSpan? span) => span is { } value ? (long)Math.Ceiling(value.TotalMilliseconds) : null;

    private static TimeSpan Duration(double? milliseconds) => TimeSpan.FromMilliseconds(milliseconds ?? 0);

    private static string? Encode(float[]? values) => values is null ? null : SampleArrays.EncodeSingle(values);

    private static T[]? Decode<T>(string? text, SampleFields asked, SampleFields field, int count, Func<string, T[]> decode)
    {
        if (!asked.HasFlag(field))
        {
            return null;
        }

        T[] values = decode(text ?? throw new FormatException($"sample answer lacks the requested field {field}"));
        return values.Length == count
            ? values
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"sample field {field} has {values.Length} values, not {count}"));
    }

    private static T Require<T>(T? value, Message message, string field) where T : class =>
        value ?? throw new FormatException($"{message.Op} answer {message.Id} lacks {field}");

    private static T Require<T>(T? value, Message message, string field) where T : struct =>
        value ?? throw new FormatException($"{message.Op} answer {message.Id} lacks {field}");
}
