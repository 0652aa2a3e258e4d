using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Vwe.Service.Jobs;

namespace Vwe.Service.Api;

/// <summary><c>POST /api/v1/worlds</c>: ask for a world; a cached one answers 200, otherwise a job (new or joined) answers 202.</summary>
internal static class WorldsEndpoints
{
    /// <summary>Seconds a client told "queue full" should wait before asking again.</summary>
    private const int RetryAfterSeconds = 5;

    public static void MapWorlds(this RouteGroupBuilder api, ApiKeyFilter apiKey)
    {
        api.MapPost("/worlds", SubmitAsync)
            .AddEndpointFilter(apiKey)
            .WithName("SubmitWorld")
            .WithSummary("Ask for a world's files: 200 when cached, 202 with the job that makes them otherwise.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<Results<Ok<SubmissionResponse>, Accepted<SubmissionResponse>, ProblemHttpResult>> SubmitAsync(
        HttpContext context, WorldRequests requests, CancellationToken cancellationToken)
    {
        (WorldSpec? world, ProblemHttpResult? problem) = await WorldRequestReader.ReadAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (world is null)
        {
            return problem!;
        }

        Submission submission;
        try
        {
            submission = requests.Submit(world);
        }
        catch (QueueFullException exception)
        {
            context.Response.Headers[HeaderNames.RetryAfter] = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problems.Make(StatusCodes.Status429TooManyRequests, "Too many queued jobs", exception.Message);
        }

        var response = SubmissionResponse.From(submission);
        return submission.Result == SubmissionResult.Cached
            ? TypedResults.Ok(response)
            : TypedResults.Accepted(response.Links.Job, response);
    }
}
