using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vwe.Maps.Points;
using Vwe.Service.Points;
using Vwe.WorldGen;

namespace Vwe.Service.Api;

/// <summary>
/// <c>GET /api/v1/point?seed=TEXT&amp;x=X&amp;z=Z</c> (or <c>seedInt=N</c>): what <c>vwe point</c> prints for one
/// point, the same JSON (<see cref="PointSampleJson"/>), answered by a warm engine (concurrent queries of a world
/// share a sample request: <see cref="PointBatcher"/>).
/// </summary>
internal static class PointEndpoints
{
    public static void MapPoint(this RouteGroupBuilder api)
    {
        api.MapGet("/point", SampleAsync)
            .WithName("SamplePoint")
            .WithSummary("Biome, height, base height, river weight and forest factor at one world point (the vwe point JSON).")
            .Produces<PointSample>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> SampleAsync(HttpRequest request, PointBatcher points, CancellationToken cancellationToken)
    {
        IQueryCollection query = request.Query;
        if (ParseSeed(query, out int seed) is { } seedProblem)
        {
            return Problems.BadRequest(seedProblem);
        }

        if (ParseCoordinate(query, "x", out float x) is { } xProblem)
        {
            return Problems.BadRequest(xProblem);
        }

        if (ParseCoordinate(query, "z", out float z) is { } zProblem)
        {
            return Problems.BadRequest(zProblem);
        }

        PointSample sample;
        try
        {
            sample = await points.SampleAsync(seed, x, z, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (Problems.IsEnginesUnavailable(exception))
        {
            return Problems.EnginesUnavailable(
                request.HttpContext.Response,
                string.Create(CultureInfo.InvariantCulture, $"point ({x}, {z}) of seed {seed} could not be sampled"),
                exception);
        }

        return TypedResults.Content(PointSampleJson.Line(sample), "application/json");
    }

    private static string? ParseSeed(IQueryCollection query, out int seed)
    {
        seed = 0;
        string? text = query["seed"].Count == 1 ? query["seed"][0] : null;
        string? number = query["seedInt"].Count == 1 ? query["seedInt"][0] : null;
        if (query["seed"].Count > 1 || query["seedInt"].Count > 1 || (text is not null && number is not null))
        {
            return "give one seed: seed (the text typed in the game) or seedInt (the world's int seed), once.";
        }

        if (text is not null)
        {
            if (text.Length > Api.WorldRequestReader.MaxSeedLength)
            {
                return string.Create(CultureInfo.InvariantCulture, $"seed is {text.Length} UTF-16 code units long; the limit is {Api.WorldRequestReader.MaxSeedLength}. Give a shorter text, or seedInt.");
            }

            seed = StableHash.WorldSeed(text);
            return null;
        }

        if (number is null)
        {
            return "no seed: add seed=TEXT (the text typed in the game) or seedInt=N (the world's int seed).";
        }

        return int.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed)
            ? null
            : $"seedInt '{number}' is not an int (-2147483648..2147483647); pass seed=TEXT to hash a text.";
    }

    /// <summary>A coordinate as <c>vwe point</c> parses it: straight to float32, invariant, finite.</summary>
    private static string? ParseCoordinate(IQueryCollection query, string name, out float value)
    {
        value = 0;
        if (query[name].Count != 1)
        {
            return $"give {name} once: the world {(name == "x" ? "x (east)" : "z (north)")} in metres, e.g. {name}=-3200.";
        }

        string text = query[name][0] ?? "";
        if (!float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !float.IsFinite(value))
        {
            return $"{name} '{text}' is not a finite number of metres ('.' as decimal mark), e.g. {name}=1234.5.";
        }

        return null;
    }
}
