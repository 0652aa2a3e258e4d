using System.Net;
using Vwe.Service.Tests.Support;

namespace Vwe.Service.Tests;

/// <summary>/healthz, /readyz and /metrics tell an operator the service is up, ready, and doing work.</summary>
public sealed class HealthAndMetricsTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task Health_is_ok_and_the_service_becomes_ready_once_its_pool_is_filled()
    {
        ApiResponse health = await service.Api.GetAsync("/healthz");
        Assert.Equal((HttpStatusCode.OK, "ok"), (health.Status, health.Body.Trim()));

        await Eventually.Value(
            () => service.Api.GetAsync("/readyz"),
            ready => ready.Status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30),
            "GET /readyz 200");
        System.Text.Json.JsonElement[] engines = await service.Api.EnginesAsync();
        Assert.Equal(2, engines.Length);
        Assert.All(engines, engine => Assert.Contains(engine.GetProperty("processId").GetInt32(), service.Serve.EngineProcessIds()));
    }

    [Fact]
    public async Task Job_pool_and_engine_metrics_move_when_a_world_is_made()
    {
        GoldenWorld world = GoldenWorld.Fourth;
        PrometheusText before = await service.Api.MetricsAsync();
        Assert.Contains(before.Names(), name => name.StartsWith("vwe_service_jobs", StringComparison.Ordinal));

        await service.Api.WaitForSuccessAsync(ServiceApi.JobId(await service.Api.SubmitAcceptedAsync(world.Request)));

        PrometheusText after = await Eventually.Value(
            service.Api.MetricsAsync,
            metrics => metrics.Required("vwe_pool_jobs") > before.SumOrZero("vwe_pool_jobs"),
            TimeSpan.FromSeconds(10),
            "vwe_pool_jobs counts the job");
        Assert.True(after.SumOfAll("vwe_service_jobs") > before.SumOfAll("vwe_service_jobs"), $"no vwe_service_jobs series moved:\n{after}");
        Assert.True(after.Required("vwe_engine_transitions") > before.SumOrZero("vwe_engine_transitions"), "vwe_engine_transitions moved");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_worlds_and_jobs_endpoints()
    {
        ApiResponse document = await service.Api.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, document.Status);
        var paths = document.Json.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/worlds", out _), "POST /api/v1/worlds documented");
        Assert.True(paths.TryGetProperty("/api/v1/jobs/{jobId}", out _), "/api/v1/jobs/{jobId} documented");
    }
}
