using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Vwe.Maps.Tiles;
using Vwe.Service.Tiles;
using Vwe.WorldGen;

namespace Vwe.Service.Api;

/// <summary>
/// <c>GET /api/v1/tiles</c> (the tile grid and URL template) and
/// <c>GET /api/v1/tiles/{tileVersion}/{layer}/{seedInt}/{z}/{x}/{y}.png</c> (docs/tiles.md): a 256² PNG rendered on
/// demand through the pool and cached, immutable for its URL (the version names the generator and engine data), with
/// its SHA-256 as strong ETag. Every part of the URL is parsed into numbers and an enum; none becomes a path.
/// </summary>
internal static class TileEndpoints
{
    private const string Immutable = "public, max-age=31536000, immutable";

    private const string TilePattern = "/tiles/{tileVersion}/{layer}/{seedInt}/{z}/{x}/{file}";

    public static void MapTiles(this RouteGroupBuilder api)
    {
        api.MapGet("/tiles", Describe)
            .WithName("DescribeTiles")
            .WithSummary("The tile grid (size, levels, layers) and the URL template of this server's tiles.");
        api.MapGet(TilePattern, GetTileAsync)
            .WithName("GetTile")
            .WithSummary("One 256×256 map tile as PNG; {file} is the tile row y followed by .png.")
            .Produces(StatusCodes.Status200OK, contentType: "image/png")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        // HEAD: the GET's headers (length, ETag, caching) without its body, as for any static file; caches and link
        // checkers ask it. Kestrel drops the body. Left out of the OpenAPI document, where it would repeat GetTile.
        api.MapMethods(TilePattern, [HttpMethods.Head], GetTileAsync).ExcludeFromDescription();
    }

    private static Ok<TilesResponse> Describe() => TypedResults.Ok(new TilesResponse(
        TileGrid.Version,
        WorldGenerator.SupportedWorldGenVersion,
        Vwe.Maps.WorldKey.EngineDataVersion,
        TileGrid.TileSize,
        TileGrid.WorldSize,
        TileGrid.MinZoom,
        TileGrid.MaxZoom,
        TileLayers.Names,
        $"{ApiPaths.Root}/tiles/{TileGrid.Version}/{{layer}}/{{seedInt}}/{{z}}/{{x}}/{{y}}.png"));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetTileAsync(
        string tileVersion, string layer, string seedInt, string z, string x, string file, HttpContext context, TileService tiles)
    {
        if (tileVersion != TileGrid.Version)
        {
            return Problems.NotFound(
                $"tile version '{tileVersion}' is not served here; this server's is {TileGrid.Version} (GET {ApiPaths.Root}/tiles gives the URL template).");
        }

        if (Parse(layer, seedInt, z, x, file) is not { } key)
        {
            return Problems.BadRequest(Problem(layer, seedInt, z, x, file));
        }

        RenderedTile tile;
        try
        {
            tile = await tiles.GetAsync(key, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (Problems.IsEnginesUnavailable(exception))
        {
            return Problems.EnginesUnavailable(context.Response, $"tile {key} could not be rendered", exception);
        }

        context.Response.Headers.CacheControl = Immutable;

        // The result answers If-None-Match with 304 itself (the ETag is the one of these bytes).
        return TypedResults.Bytes(tile.Png, "image/png", entityTag: new EntityTagHeaderValue(tile.ETag));
    }

    private static TileKey? Parse(string layer, string seedInt, string z, string x, string file) =>
        TileLayers.TryParse(layer, out TileLayer parsedLayer)
        && TryInt(seedInt, out int seed)
        && TryInt(z, out int zoom)
        && TryInt(x, out int column)
        && TryRow(file, out int row)
        && TileGrid.Check(new TileId(zoom, column, row)) is null
            ? new TileKey(parsedLayer, seed, new TileId(zoom, column, row))
            : null;

    /// <summary>The first thing wrong with the URL's parts, in URL order.</summary>
    private static string Problem(string layer, string seedInt, string z, string x, string file)
    {
        if (!TileLayers.TryParse(layer, out _))
        {
            return $"layer '{layer}' is not a tile layer; use {string.Join(" or ", TileLayers.Names)}.";
        }

        if (!TryInt(seedInt, out _))
        {
            return Respelled("seedInt", seedInt)
                ?? $"seedInt '{seedInt}' is not an int (-2147483648..2147483647); GET {ApiPaths.Root}/seed?text=TEXT gives the int of a seed text.";
        }

        if (!TryInt(z, out int zoom))
        {
            return Respelled("zoom", z) ?? $"zoom '{z}' is not an integer; use {TileGrid.MinZoom}..{TileGrid.MaxZoom}.";
        }

        if (!TryInt(x, out int column))
        {
            return Respelled("tile x", x) ?? $"tile x '{x}' is not an integer.";
        }

        if (!TryRow(file, out int row))
        {
            return (file.EndsWith(".png", StringComparison.Ordinal) ? Respelled("tile y", file[..^4]) : null)
                ?? $"'{file}' is not a tile y followed by .png, e.g. 3.png.";
        }

        return TileGrid.Check(new TileId(zoom, column, row)) ?? "the tile address is not valid.";
    }

    private static bool TryRow(string file, out int row)
    {
        row = 0;
        return file.EndsWith(".png", StringComparison.Ordinal) && TryInt(file[..^4], out row);
    }

    /// <summary>
    /// An int written the one way the URL template's numbers are: no '+', no leading zeros, no "-0". A tile has one
    /// URL, as its layer has one spelling, so every cache on the way keeps one copy of it.
    /// </summary>
    private static bool TryInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)
        && text == value.ToString(CultureInfo.InvariantCulture);

    /// <summary>For an int written another way ("07", "+7", "-0"), how to write it; null for text that is no int at all.</summary>
    private static string? Respelled(string part, string text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
            ? string.Create(CultureInfo.InvariantCulture, $"{part} '{text}' is written {value} in a tile URL (no '+', leading zeros or -0: a tile has one URL).")
            : null;
}
