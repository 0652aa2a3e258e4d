using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vwe.Service.Tests.Support;

namespace Vwe.Service.Tests;

/// <summary>
/// The data folder belongs to one service at a time, a folder it cannot use is a one-line refusal, and a job store
/// that cannot be written (disk full, locked) is a 503 for what needs it while cached files keep downloading.
/// </summary>
public sealed class DataFolderTests
{
    private static readonly object SmallWorld = new { seedInt = 7, size = 16, pixelSize = 48 };

    [Fact]
    public async Task A_second_service_on_the_same_data_folder_refuses_to_start_and_leaves_the_first_alone()
    {
        using var data = new TempDirectory();
        await using ServeProcess first = await ServeProcess.StartAsync(data.Path);

        (int exitCode, string output, string error) = await ServeProcess.RunExpectingExitAsync(
            ["--port", "0", "--data", data.Path, "--engines", "1", "--engine", "inprocess"]);

        Assert.True(exitCode == 2, $"exit code {exitCode}; stderr: {error}");
        Assert.Equal("", output);
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--data", line, StringComparison.Ordinal);
        Assert.Contains("in use", line, StringComparison.Ordinal);

        // The refused service touched nothing: the first still runs jobs on its store and cache.
        string jobId = ServiceApi.JobId(await first.Api.SubmitAcceptedAsync(SmallWorld));
        JsonElement job = await first.Api.WaitForSuccessAsync(jobId);
        Assert.Equal(1, job.GetProperty("attempts").GetInt32());
        Assert.DoesNotContain("queued again", first.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_folder_whose_job_store_cannot_be_opened_is_exit_code_3_and_one_line()
    {
        using var data = new TempDirectory();
        Directory.CreateDirectory(data.Combine("jobs.db"));

        (int exitCode, string output, string error) = await ServeProcess.RunExpectingExitAsync(
            ["--port", "0", "--data", data.Path, "--engines", "1", "--engine", "inprocess"]);

        Assert.True(exitCode == 3, $"exit code {exitCode}; stderr: {error}");
        Assert.Equal("", output);
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("jobs.db", line, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_store_that_refuses_writes_is_503_for_new_jobs_while_cached_files_still_download()
    {
        using var data = new TempDirectory();
        string worldKey;
        await using (ServeProcess first = await ServeProcess.StartAsync(data.Path))
        {
            JsonElement cached = await first.Api.WaitForSuccessAsync(ServiceApi.JobId(await first.Api.SubmitAcceptedAsync(SmallWorld)));
            worldKey = ServiceApi.WorldKey(cached);
        }

        // As on a full disk, every new job row and every last-access update fails at once (a long-ago access makes
        // the first download write one).
        await ExecuteAsync(
            data.Combine("jobs.db"),
            """
            UPDATE worlds SET last_access_utc = '2000-01-01T00:00:00.0000000Z';
            CREATE TRIGGER refuse_jobs BEFORE INSERT ON jobs BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;
            CREATE TRIGGER refuse_access BEFORE UPDATE ON worlds BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;
            """);
        await using ServeProcess serve = await ServeProcess.StartAsync(data.Path);
        ServiceApi api = serve.Api;

        ApiResponse download = await api.GetAsync($"/api/v1/worlds/{worldKey}/grid.bin");
        Assert.True(download.Status == HttpStatusCode.OK, $"a cached file while the store refuses writes: {download}");
        ApiResponse again = await api.SubmitAsync(SmallWorld);
        Assert.True(again.Status == HttpStatusCode.OK, $"the cached world asked for again: {again}");

        ApiResponse submitted = await api.SubmitAsync(new { seedInt = 8, size = 16, pixelSize = 48 });
        BadInputTests.AssertProblem(submitted, HttpStatusCode.ServiceUnavailable, "a new job while the store refuses writes");
        Assert.True(submitted.Headers.RetryAfter is not null, $"503 without Retry-After: {submitted}");
        Assert.False(Directory.Exists(data.Combine("worlds", "8-g2-e1-16x48")));
        Assert.DoesNotContain("unhandled exception", serve.Log, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
