using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;

namespace Vwe.Engines.Tests.Support;

/// <summary>
/// A <c>vwe engine</c> child spoken to by hand: JSON lines written to its stdin, its stdout and stderr read line
/// by line (each drained by its own loop, so reads can time out without losing a line). What a client in any
/// language would see, with no part of our client code in between.
/// </summary>
internal sealed class RawEngine : IAsyncDisposable
{
    private readonly Process process;
    private readonly Channel<string> stdout = Channel.CreateUnbounded<string>();
    private readonly Channel<string> stderr = Channel.CreateUnbounded<string>();

    private RawEngine(Process process)
    {
        this.process = process;
        _ = PumpAsync(process.StandardOutput, stdout.Writer);
        _ = PumpAsync(process.StandardError, stderr.Writer);
    }

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>The dotnet host running the tests (the SDK sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    public static string DotnetHost { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    /// <summary>Starts <c>vwe engine --no-warm-up</c> followed by <paramref name="options"/>.</summary>
    public static RawEngine Start(params string[] options)
    {
        var info = new ProcessStartInfo(DotnetHost)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in (string[])[TestEngines.VweDll, "engine", "--no-warm-up", .. options])
        {
            info.ArgumentList.Add(argument);
        }

        return new RawEngine(Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}"));
    }

    /// <summary>Writes one line (a line end is added) to the engine's stdin.</summary>
    public async Task SendAsync(string line)
    {
        await process.StandardInput.WriteAsync(line + "\n");
        await process.StandardInput.FlushAsync();
    }

    /// <summary>The next stdout line as JSON; throws when none comes within <see cref="TestEngines.Patience"/> or stdout ended.</summary>
    public async Task<JsonElement> ReadAsync()
    {
        string line = await ReadLineAsync(stdout.Reader, "stdout");
        using var document = JsonDocument.Parse(line);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// The final frame (result or error) for request <paramref name="id"/>; progress and state frames on the way
    /// are collected into <paramref name="skipped"/>, anything else fails the test.
    /// </summary>
    public async Task<JsonElement> AnswerAsync(long id, List<JsonElement>? skipped = null)
    {
        while (true)
        {
            JsonElement frame = await ReadAsync();
            string? type = frame.GetProperty("type").GetString();
            if (type is "progress" or "state")
            {
                skipped?.Add(frame);
                continue;
            }

            Assert.True(
                frame.TryGetProperty("id", out JsonElement answered) && answered.GetInt64() == id,
                $"expected the answer to request {id}, got {frame}");
            return frame;
        }
    }

    /// <summary>The first progress frame of request <paramref name="id"/>, skipping state frames.</summary>
    public async Task<JsonElement> ProgressAsync(long id)
    {
        while (true)
        {
            JsonElement frame = await ReadAsync();
            string? type = frame.GetProperty("type").GetString();
            if (type == "state")
            {
                continue;
            }

            Assert.True(
                type == "progress" && frame.GetProperty("id").GetInt64() == id,
                $"expected progress of request {id}, got {frame}");
            return frame;
        }
    }

    /// <summary>The next stderr line that contains <paramref name="text"/>.</summary>
    public async Task<string> StderrLineAsync(string text)
    {
        while (true)
        {
            string line = await ReadLineAsync(stderr.Reader, "stderr");
            if (line.Contains(text, StringComparison.Ordinal))
            {
                return line;
            }
        }
    }

    /// <summary>Closes the engine's stdin: the client is gone.</summary>
    public void CloseInput() => process.StandardInput.Close();

    /// <summary>The exit code, once the engine has exited on its own within <paramref name="deadline"/>.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan deadline)
    {
        await process.WaitForExitAsync().WaitAsync(deadline);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    private static async Task<string> ReadLineAsync(ChannelReader<string> lines, string stream)
    {
        try
        {
            return await lines.ReadAsync().AsTask().WaitAsync(TestEngines.Patience);
        }
        catch (ChannelClosedException)
        {
            throw new EndOfStreamException($"the engine's {stream} ended");
        }
    }

    private static async Task PumpAsync(StreamReader reader, ChannelWriter<string> lines)
    {
        try
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                await lines.WriteAsync(line);
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            // The process was disposed under the read: the stream has ended either way.
        }

        lines.Complete();
    }
}
