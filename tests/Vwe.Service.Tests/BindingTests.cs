using System.Net;
using Vwe.Service.Tests.Support;

namespace Vwe.Service.Tests;

/// <summary>Bound beyond loopback, the service needs an API key for every request that changes state.</summary>
public sealed class BindingTests
{
    private const string Key = "test-key-5f1c";

    [Fact]
    public async Task Binding_beyond_loopback_without_VWE_API_KEY_refuses_to_start_with_exit_code_2_and_one_line()
    {
        using var data = new TempDirectory();

        (int exitCode, string output, string error) = await ServeProcess.RunExpectingExitAsync(
            ["--host", "0.0.0.0", "--port", "0", "--data", data.Path, "--engines", "1"]);

        Assert.True(exitCode == 2, $"exit code {exitCode}; stderr: {error}");
        Assert.Equal("", output);
        string[] lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one line on stderr, got {lines.Length}: {error}");
        Assert.Contains("VWE_API_KEY", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Engines_that_cannot_start_stop_the_service_with_exit_code_4()
    {
        using var data = new TempDirectory();

        // Container engines on a Docker endpoint where no daemon can answer: the pool's start fails after listening.
        (int exitCode, string output, string error) = await ServeProcess.RunExpectingExitAsync(
            ["--port", "0", "--data", data.Path, "--engines", "1", "--engine", "docker", "--docker-host", $"unix://{data.Path}/no-daemon.sock"]);

        Assert.True(exitCode == 4, $"exit code {exitCode}; stderr: {error}");
        Assert.StartsWith("vwe serve: listening on ", output, StringComparison.Ordinal);
        Assert.Contains($"no Docker daemon answers at unix://{data.Path}/no-daemon.sock (no socket file {data.Path}/no-daemon.sock)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_in_use_refuses_to_start_with_exit_code_2_and_one_line()
    {
        using var data = new TempDirectory();
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        string port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        (int exitCode, string output, string error) = await ServeProcess.RunExpectingExitAsync(
            ["--port", port, "--data", data.Path, "--engines", "1", "--engine", "inprocess"]);

        Assert.True(exitCode == 2, $"exit code {exitCode}; stderr: {error}");
        Assert.Equal("", output);
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"--port {port}", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bound_beyond_loopback_a_post_or_delete_without_the_right_key_is_401_and_stores_nothing()
    {
        using var data = new TempDirectory();
        await using ServeProcess serve = await ServeProcess.StartAsync(
            data.Path, ["--host", "0.0.0.0"], new Dictionary<string, string> { ["VWE_API_KEY"] = Key });
        ServiceApi api = serve.Api;
        string body = System.Text.Json.JsonSerializer.Serialize(GoldenWorld.Reference.Request);

        ApiResponse keyless = await api.SubmitRawAsync(body);
        BadInputTests.AssertProblem(keyless, HttpStatusCode.Unauthorized, "POST without X-Api-Key");
        Assert.Equal("API key required", keyless.Json.GetProperty("title").GetString());
        ApiResponse wrongKey = await api.SubmitRawAsync(body, new Dictionary<string, string> { ["X-Api-Key"] = Key + "x" });
        BadInputTests.AssertProblem(wrongKey, HttpStatusCode.Unauthorized, "POST with a wrong key");
        Assert.Equal("Wrong API key", wrongKey.Json.GetProperty("title").GetString());
        Assert.False(Directory.Exists(data.Combine("worlds", GoldenWorld.Reference.WorldKey)));

        ApiResponse accepted = await api.SubmitRawAsync(body, new Dictionary<string, string> { ["X-Api-Key"] = Key });
        Assert.True(accepted.Status == HttpStatusCode.Accepted, $"POST with the key: {accepted}");
        string jobId = ServiceApi.JobId(accepted.Json);
        BadInputTests.AssertProblem(await api.DeleteAsync($"/api/v1/jobs/{jobId}"), HttpStatusCode.Unauthorized, "DELETE without X-Api-Key");
        await api.WaitForSuccessAsync(jobId);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/worlds/{GoldenWorld.Reference.WorldKey}/grid.bin")).Status);
    }
}
