using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vwe.WorldGen;

namespace Vwe.Service.Api;

/// <summary><c>GET /api/v1/seed?text=TEXT</c>: the world's int seed, hashed from the seed text as the game does (<c>vwe seed</c>).</summary>
internal static class SeedEndpoints
{
    /// <summary>Longest seed text this endpoint hashes, in UTF-16 code units: what the viewer's seed box takes.</summary>
    public const int MaxTextLength = 32;

    public static void MapSeed(this RouteGroupBuilder api)
    {
        api.MapGet("/seed", Hash)
            .WithName("HashSeed")
            .WithSummary("The int seed of a seed text (1..32 characters), as the game hashes it.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static Results<Ok<SeedResponse>, ProblemHttpResult> Hash(HttpRequest request)
    {
        var values = request.Query["text"];
        if (values.Count != 1)
        {
            return Problems.BadRequest("give the seed text once, as text=TEXT.");
        }

        string text = values[0] ?? "";
        if (text.Length is 0 or > MaxTextLength)
        {
            return Problems.BadRequest(string.Create(
                CultureInfo.InvariantCulture,
                $"a seed is 1 to {MaxTextLength} characters; this one has {text.Length}."));
        }

        return TypedResults.Ok(new SeedResponse(text, StableHash.WorldSeed(text)));
    }
}
