using Vwe.Maps.Export;
using Vwe.Maps.Grid;
using Vwe.Service.Cache;
using Vwe.Service.Jobs;

namespace Vwe.Service.Api;

/// <summary>The body of <c>POST /api/v1/worlds</c>: exactly one of <see cref="Seed"/> and <see cref="SeedInt"/>.</summary>
public sealed record WorldRequestBody(string? Seed, long? SeedInt, int? Size, double? PixelSize, string[]? Formats, string[]? Layers);

/// <summary>The answer to a world request (202 queued or running, 200 cached).</summary>
public sealed record SubmissionResponse(string JobId, string WorldKey, string Status, SubmissionLinks Links)
{
    public static SubmissionResponse From(Submission submission) =>
        new(submission.JobId, submission.WorldKey, JobStateNames.Name(submission.State), SubmissionLinks.For(submission.JobId, submission.WorldKey));
}

public sealed record SubmissionLinks(string Job, string Files)
{
    public static SubmissionLinks For(string jobId, string worldKey) => new(ApiPaths.Job(jobId), ApiPaths.Files(worldKey));
}

/// <summary>A job as <c>GET /api/v1/jobs/{jobId}</c> shows it; <see cref="Files"/> are what the cache holds for its world once it succeeded.</summary>
public sealed record JobResponse(
    string JobId,
    string WorldKey,
    int SeedInt,
    string Status,
    double Progress,
    int Attempts,
    JobErrorResponse? Error,
    DateTime CreatedUtc,
    DateTime? StartedUtc,
    DateTime? FinishedUtc,
    GridResponse Grid,
    IReadOnlyList<string> Formats,
    IReadOnlyList<string> Layers,
    IReadOnlyList<FileResponse> Files)
{
    public static JobResponse From(JobRecord job, CachedWorld? world) => new(
        job.Id,
        job.WorldKey,
        job.World.Seed,
        JobStateNames.Name(job.State),
        job.Progress,
        job.Attempts,
        job.Error is { } error ? new JobErrorResponse(error.Code, error.Message) : null,
        job.CreatedUtc,
        job.StartedUtc,
        job.FinishedUtc,
        new GridResponse(job.World.Grid.Size, job.World.Grid.PixelSize),
        ExportFormatNames.All.Where(entry => job.Formats.HasFlag(entry.Format)).Select(entry => entry.Name).ToList(),
        GridLayerNames.Each(job.Layers).Select(GridLayerNames.Name).ToList(),
        job.State == JobState.Succeeded && world is not null ? FileResponse.All(world) : []);
}

public sealed record JobErrorResponse(string Code, string Message);

public sealed record GridResponse(int Size, double PixelSize);

public sealed record FileResponse(string Name, long Bytes, string Sha256, string Url)
{
    public static IReadOnlyList<FileResponse> All(CachedWorld world) =>
        [.. world.Files.Select(file => new FileResponse(file.Name, file.Bytes, file.Sha256, ApiPaths.File(world.WorldKey, file.Name)))];
}

/// <summary>A cached world, as <c>GET /api/v1/worlds/{worldKey}/</c> lists it.</summary>
public sealed record WorldResponse(string WorldKey, IReadOnlyList<string> Formats, IReadOnlyList<string> Layers, long Bytes, string JobId, IReadOnlyList<FileResponse> Files)
{
    public static WorldResponse From(CachedWorld world) => new(
        world.WorldKey,
        ExportFormatNames.All.Where(entry => world.Formats.HasFlag(entry.Format)).Select(entry => entry.Name).ToList(),
        GridLayerNames.Each(world.Layers).Select(GridLayerNames.Name).ToList(),
        world.Bytes,
        world.JobId,
        FileResponse.All(world));
}

public sealed record PoolResponse(IReadOnlyList<EngineResponse> Engines);

public sealed record EngineResponse(string Id, string Kind, string State, int? ProcessId, long JobsDone, IReadOnlyList<int> LoadedWorlds, bool Leased);

/// <summary><c>GET /api/v1/tiles</c>: the tile grid of docs/tiles.md and the URL template of this server's tiles.</summary>
public sealed record TilesResponse(
    string TileVersion,
    int WorldGenVersion,
    int EngineDataVersion,
    int TileSize,
    double WorldSize,
    int MinZoom,
    int MaxZoom,
    IReadOnlyList<string> Layers,
    string Url);

/// <summary><c>GET /api/v1/seed</c>: a seed text and the int the game hashes it to.</summary>
public sealed record SeedResponse(string Seed, int SeedInt);

/// <summary>The service's URLs, built in one place.</summary>
public static class ApiPaths
{
    public const string Root = "/api/v1";

    public static string Job(string jobId) => $"{Root}/jobs/{jobId}";

    public static string Files(string worldKey) => $"{Root}/worlds/{worldKey}/";

    public static string File(string worldKey, string name) => $"{Root}/worlds/{worldKey}/{name}";
}
