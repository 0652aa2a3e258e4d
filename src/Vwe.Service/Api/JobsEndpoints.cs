using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vwe.Service.Cache;
using Vwe.Service.Jobs;

namespace Vwe.Service.Api;

/// <summary><c>GET /api/v1/jobs/{jobId}</c> (status, progress, error, files) and <c>DELETE</c> (cancel).</summary>
internal static class JobsEndpoints
{
    public static void MapJobs(this RouteGroupBuilder api, ApiKeyFilter apiKey)
    {
        api.MapGet("/jobs/{jobId}", Get)
            .WithName("GetJob")
            .WithSummary("A job's status, progress, error and, once it succeeded, its world's files.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/jobs/{jobId}", Cancel)
            .AddEndpointFilter(apiKey)
            .WithName("CancelJob")
            .WithSummary("Cancel a queued or running job: 202 with the job; it reads cancelled once stopped.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static Results<Ok<JobResponse>, ProblemHttpResult> Get(string jobId, JobStore store, WorldCache cache) =>
        Find(jobId, store) is { } job
            ? TypedResults.Ok(JobResponse.From(job, cache.Find(job.WorldKey)))
            : UnknownJob(jobId);

    private static Results<Accepted<JobResponse>, ProblemHttpResult> Cancel(string jobId, JobStore store, JobRunner runner, WorldCache cache)
    {
        if (Find(jobId, store) is not { } job)
        {
            return UnknownJob(jobId);
        }

        // Queued: cancelled here and now. Running: the runner stops it and records it. Otherwise it has finished.
        if (!store.CancelQueued(job.Id) && !runner.TryCancel(job.Id))
        {
            job = store.Find(job.Id)!;
            if (JobStateNames.IsFinished(job.State))
            {
                return Problems.Conflict($"job {job.Id} has already finished ({JobStateNames.Name(job.State)}); nothing to cancel.");
            }
        }

        JobRecord now = store.Find(job.Id)!;
        return TypedResults.Accepted(ApiPaths.Job(now.Id), JobResponse.From(now, cache.Find(now.WorldKey)));
    }

    /// <summary>Ids are 32 lower-case hex digits; anything else is unknown without a query.</summary>
    private static JobRecord? Find(string jobId, JobStore store) =>
        jobId.Length == 32 && jobId.All(char.IsAsciiHexDigitLower) ? store.Find(jobId) : null;

    private static ProblemHttpResult UnknownJob(string jobId) =>
        Problems.NotFound($"no job '{jobId}'; job ids are those POST /api/v1/worlds returned.");
}
