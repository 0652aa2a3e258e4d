using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Vwe.Engines;
using Vwe.Pool;

namespace Vwe.Service.Api;

/// <summary>problem+json answers with a title per status and a one-line detail naming the input and what to do.</summary>
internal static class Problems
{
    /// <summary>Seconds a client is asked to wait after <see cref="EnginesUnavailable"/>.</summary>
    private const int EnginesRetryAfterSeconds = 5;

    public static ProblemHttpResult BadRequest(string detail) => Make(StatusCodes.Status400BadRequest, "Invalid request", detail);

    public static ProblemHttpResult NotFound(string detail) => Make(StatusCodes.Status404NotFound, "Not found", detail);

    public static ProblemHttpResult Conflict(string detail) => Make(StatusCodes.Status409Conflict, "Conflict", detail);

    public static ProblemHttpResult Make(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    /// <summary>
    /// Whether the pool could not run the work now: it timed out waiting for an engine, engines cannot start, an
    /// engine failed the work and every retry, or the pool is shutting down. The service's trouble, not the request's.
    /// </summary>
    public static bool IsEnginesUnavailable(Exception exception) =>
        exception is PoolTimeoutException or EnginesCannotStartException or EngineFailedException or PoolClosedException;

    /// <summary>503 with Retry-After for <paramref name="what"/> ("tile … could not be rendered"), giving the pool's reason.</summary>
    public static ProblemHttpResult EnginesUnavailable(HttpResponse response, string what, Exception exception)
    {
        response.Headers.RetryAfter = EnginesRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Make(
            StatusCodes.Status503ServiceUnavailable,
            "Engines unavailable",
            $"{what} now ({exception.Message.TrimEnd('.')}); try again shortly.");
    }
}
