using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Vwe.Maps.Export;
using Vwe.Service.Cache;

namespace Vwe.Service.Api;

/// <summary>
/// <c>GET /api/v1/worlds/{worldKey}/</c> (the file list) and <c>GET /api/v1/worlds/{worldKey}/{file}</c> (a file as
/// <c>vwe generate</c> wrote it). The key must be well-formed and cached, the name one of the exporter's own
/// and in that world: the path is the cache's folder of the indexed key and the indexed name, never request text.
/// Data files are immutable for a world key (ETag = their SHA-256); manifest.json and run.json grow when more
/// formats are added to a world, so they are revalidated instead.
/// </summary>
internal static class WorldFilesEndpoints
{
    private const string Immutable = "public, max-age=31536000, immutable";

    private const string Revalidate = "public, no-cache";

    private const string FilePattern = "/worlds/{worldKey}/{file}";

    public static void MapWorldFiles(this RouteGroupBuilder api)
    {
        api.MapGet("/worlds/{worldKey}/", ListFiles)
            .WithName("ListWorldFiles")
            .WithSummary("The files the cache holds for a world.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet(FilePattern, GetFile)
            .WithName("GetWorldFile")
            .WithSummary("One file of a cached world, with its SHA-256 as ETag.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);

        // HEAD, as for tiles: download managers ask it (length, ETag, Accept-Ranges) before a ranged GET.
        api.MapMethods(FilePattern, [HttpMethods.Head], GetFile).ExcludeFromDescription();
    }

    private static Results<Ok<WorldResponse>, ProblemHttpResult> ListFiles(string worldKey, WorldCache cache) =>
        WorldKeys.IsWellFormed(worldKey) && cache.Find(worldKey) is { } world
            ? TypedResults.Ok(WorldResponse.From(world))
            : NotCached(worldKey);

    private static Results<PhysicalFileHttpResult, ProblemHttpResult> GetFile(string worldKey, string file, HttpContext context, WorldCache cache)
    {
        if (!WorldKeys.IsWellFormed(worldKey) || !ExportFileNames.IsExportFile(file))
        {
            return Problems.NotFound($"'{worldKey}/{file}' is not a world file; names are a world key and one of the export's file names, e.g. 1706363555-g2-e1-2048x12/grid.bin.");
        }

        WorldUse? use = cache.TryUse(worldKey, out CachedWorld? world);
        if (use is null || world is null)
        {
            return NotCached(worldKey);
        }

        // Kept from eviction until the response has been sent.
        context.Response.RegisterForDispose(use);
        if (world.File(file) is not { } cached)
        {
            return Problems.NotFound($"world {world.WorldKey} has no {file}; ask for it with POST /api/v1/worlds and the format that writes it.");
        }

        bool mutable = cached.Name is ExportFileNames.Manifest or ExportFileNames.Run;
        context.Response.Headers.CacheControl = mutable ? Revalidate : Immutable;
        return TypedResults.PhysicalFile(
            Path.Combine(cache.FolderOf(world), cached.Name),
            ContentType(cached.Name),
            entityTag: new EntityTagHeaderValue($"\"{cached.Sha256}\""),
            enableRangeProcessing: true);
    }

    private static ProblemHttpResult NotCached(string worldKey) =>
        Problems.NotFound($"world '{worldKey}' is not in the cache; ask for it with POST /api/v1/worlds (it may have been evicted).");

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".json" => "application/json",
        ".png" => "image/png",
        _ => "application/octet-stream",
    };
}
