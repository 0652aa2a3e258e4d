using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Vwe.Service.Api;

/// <summary>
/// A job store that refuses a write (disk full, file removed, locked for too long) is the service's trouble, not
/// the client's request: 503 problem+json with Retry-After and one warning line, instead of a 500 and a stack
/// trace. The write was one statement, so nothing was stored.
/// </summary>
internal sealed class StoreFailureHandler(ILogger<StoreFailureHandler> logger) : IExceptionHandler
{
    private const int RetryAfterSeconds = 30;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not SqliteException store)
        {
            return false;
        }

        logger.StoreFailed(httpContext.Request.Method, httpContext.Request.Path, store.Message);
        httpContext.Response.Headers[HeaderNames.RetryAfter] = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Problems.Make(
                StatusCodes.Status503ServiceUnavailable,
                "Job store unavailable",
                $"the job store could not record this request ({store.Message.TrimEnd('.')}); nothing was stored. Try again later, once the service's data folder has room.")
            .ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }
}
