using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vwe.Service.Hosting;

namespace Vwe.Service.Api;

/// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: the engine pool has filled, so work runs at once.</summary>
internal static class HealthEndpoints
{
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Text("ok"))
            .WithName("Health")
            .WithSummary("200 while the process runs.");
        app.MapGet("/readyz", Ready)
            .WithName("Ready")
            .WithSummary("200 once the engine pool has filled, 503 before (or when it could not start).")
            .Produces(StatusCodes.Status503ServiceUnavailable);
    }

    private static ContentHttpResult Ready(Readiness readiness) =>
        readiness.IsReady
            ? TypedResults.Text("ready")
            : TypedResults.Text(readiness.Describe(), statusCode: StatusCodes.Status503ServiceUnavailable);
}
