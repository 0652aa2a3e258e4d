using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Vwe.Service.Tests.Support;

/// <summary>The HTTP API of one running service, as a client sees it (docs/service.md): raw responses, JSON read by name.</summary>
internal sealed class ServiceApi(Uri baseAddress) : IDisposable
{
    /// <summary>Long enough for the largest test world (2048², one engine thread) on a busy two-core machine.</summary>
    public static readonly TimeSpan JobDeadline = TimeSpan.FromSeconds(60);

    private static readonly string[] FinishedStates = ["succeeded", "failed", "cancelled"];

    public HttpClient Http { get; } = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>POST /api/v1/worlds with a JSON body built from <paramref name="request"/>.</summary>
    public Task<ApiResponse> SubmitAsync(object request) => SubmitRawAsync(JsonSerializer.Serialize(request));

    /// <summary>POST /api/v1/worlds with <paramref name="body"/> sent as it is (application/json).</summary>
    public async Task<ApiResponse> SubmitRawAsync(string body, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/worlds")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        foreach ((string name, string value) in headers ?? new Dictionary<string, string>())
        {
            message.Headers.Add(name, value);
        }

        return await SendAsync(message);
    }

    /// <summary>POSTs a world that must be accepted (202, or 200 when cached); returns the job's JSON.</summary>
    public async Task<JsonElement> SubmitAcceptedAsync(object request)
    {
        ApiResponse response = await SubmitAsync(request);
        Assert.True(
            response.Status is HttpStatusCode.Accepted or HttpStatusCode.OK,
            $"POST /api/v1/worlds {JsonSerializer.Serialize(request)}: {(int)response.Status} {response.Body}");
        return response.Json;
    }

    public async Task<ApiResponse> GetAsync(string path, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, path);
        foreach ((string name, string value) in headers ?? new Dictionary<string, string>())
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return await SendAsync(message);
    }

    public async Task<ApiResponse> DeleteAsync(string path)
    {
        using var message = new HttpRequestMessage(HttpMethod.Delete, path);
        return await SendAsync(message);
    }

    /// <summary>GET /api/v1/jobs/{jobId}, which must exist.</summary>
    public async Task<JsonElement> JobAsync(string jobId)
    {
        ApiResponse response = await GetAsync($"/api/v1/jobs/{jobId}");
        Assert.True(response.Status == HttpStatusCode.OK, $"GET job {jobId}: {(int)response.Status} {response.Body}");
        return response.Json;
    }

    /// <summary>Polls the job until <paramref name="until"/> holds for it.</summary>
    public Task<JsonElement> WaitForJobAsync(string jobId, Func<JsonElement, bool> until, string what, TimeSpan? within = null) =>
        Eventually.Value(() => JobAsync(jobId), until, within ?? JobDeadline, $"job {jobId}: {what}");

    /// <summary>Polls the job until it has finished one way or another; returns it.</summary>
    public Task<JsonElement> WaitUntilFinishedAsync(string jobId) =>
        WaitForJobAsync(jobId, job => FinishedStates.Contains(Status(job)), "succeeded, failed or cancelled");

    /// <summary>Polls the job until it succeeds; a failure or cancellation fails the test at once with the job's error.</summary>
    public async Task<JsonElement> WaitForSuccessAsync(string jobId)
    {
        JsonElement job = await WaitUntilFinishedAsync(jobId);
        Assert.True(Status(job) == "succeeded", $"job {jobId} ended {Status(job)}: {job}");
        return job;
    }

    /// <summary>A file of a cached world, which must be there.</summary>
    public async Task<byte[]> DownloadAsync(string worldKey, string file)
    {
        using HttpResponseMessage response = await Http.GetAsync($"/api/v1/worlds/{worldKey}/{file}");
        byte[] bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {worldKey}/{file}: {(int)response.StatusCode} {Encoding.UTF8.GetString(bytes)}");
        return bytes;
    }

    public async Task<PrometheusText> MetricsAsync()
    {
        ApiResponse response = await GetAsync("/metrics");
        Assert.True(response.Status == HttpStatusCode.OK, $"GET /metrics: {(int)response.Status}");
        return new PrometheusText(response.Body);
    }

    /// <summary>The engines of GET /api/v1/pool.</summary>
    public async Task<JsonElement[]> EnginesAsync()
    {
        ApiResponse response = await GetAsync("/api/v1/pool");
        Assert.True(response.Status == HttpStatusCode.OK, $"GET /api/v1/pool: {(int)response.Status} {response.Body}");
        return [.. response.Json.GetProperty("engines").EnumerateArray()];
    }

    public static string Status(JsonElement job) => job.GetProperty("status").GetString()!;

    public static string JobId(JsonElement job) => job.GetProperty("jobId").GetString()!;

    public static string WorldKey(JsonElement job) => job.GetProperty("worldKey").GetString()!;

    public void Dispose() => Http.Dispose();

    private async Task<ApiResponse> SendAsync(HttpRequestMessage message)
    {
        using HttpResponseMessage response = await Http.SendAsync(message);
        string body = await response.Content.ReadAsStringAsync();
        return new ApiResponse(response.StatusCode, response.Headers, response.Content.Headers, body);
    }
}

/// <summary>One HTTP response, read whole.</summary>
internal sealed record ApiResponse(HttpStatusCode Status, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders, string Body)
{
    /// <summary>The body as JSON (fails the test naming the body when it is not).</summary>
    public JsonElement Json
    {
        get
        {
            try
            {
                using var document = JsonDocument.Parse(Body);
                return document.RootElement.Clone();
            }
            catch (JsonException failure)
            {
                Assert.Fail($"{(int)Status}: body is not JSON ({failure.Message}): {Body}");
                throw;
            }
        }
    }

    public string? MediaType => ContentHeaders.ContentType?.MediaType;

    public override string ToString() => $"{(int)Status} {MediaType} {Body}";
}
