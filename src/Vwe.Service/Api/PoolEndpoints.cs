using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vwe.Engines;
using Vwe.Pool;

namespace Vwe.Service.Api;

/// <summary><c>GET /api/v1/pool</c>: every engine of the pool and what it is doing.</summary>
internal static class PoolEndpoints
{
    public static void MapPool(this RouteGroupBuilder api)
    {
        api.MapGet("/pool", Snapshot)
            .WithName("GetPool")
            .WithSummary("The engines of the warm pool: id, kind, state, process id, jobs done, loaded worlds, leased.");
    }

    private static Ok<PoolResponse> Snapshot(WarmEnginePool pool) =>
        TypedResults.Ok(new PoolResponse([.. pool.Snapshot().Select(engine => new EngineResponse(
            engine.Id, EngineKindNames.Name(engine.Kind), engine.State.ToString(), engine.ProcessId, engine.JobsDone, engine.LoadedWorlds, engine.Leased))]));
}
