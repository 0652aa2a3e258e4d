using System.Diagnostics;
using System.Globalization;

namespace Vwe.LoadCheck;

/// <summary>A <c>vwe serve --port 0</c> on a data folder of its own, stopped with SIGTERM and its folder deleted.</summary>
internal sealed class Server : IAsyncDisposable
{
    private const string ListeningPrefix = "vwe serve: listening on ";

    private readonly Process process;
    private readonly string data;

    private Server(Process process, string data, Uri address)
    {
        this.process = process;
        this.data = data;
        Client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
    }

    public HttpClient Client { get; }

    public static async Task<Server> StartAsync(LoadOptions options)
    {
        string data = Path.Combine(Path.GetTempPath(), $"vwe-loadcheck-{Guid.NewGuid():N}");
        var info = new ProcessStartInfo(options.Vwe) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { "serve", "--port", "0", "--data", data, "--engines", options.Engines.ToString(CultureInfo.InvariantCulture), "--max-queued", "1000" })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {options.Vwe}");
        process.ErrorDataReceived += (_, _) => { }; // the line log; drained so the pipe never fills
        process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.StartsWith(ListeningPrefix, StringComparison.Ordinal))
            {
                var server = new Server(process, data, new Uri(line[ListeningPrefix.Length..]));
                await server.WaitUntilReadyAsync();
                return server;
            }
        }

        throw new InvalidOperationException($"vwe serve exited before listening (exit code {process.ExitCode})");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        using (Process kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync();
        process.Dispose();
        Directory.Delete(data, recursive: true);
    }

    private async Task WaitUntilReadyAsync()
    {
        var clock = Stopwatch.StartNew();
        while ((await Client.GetAsync("/readyz")).StatusCode != System.Net.HttpStatusCode.OK)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException("vwe serve not ready (GET /readyz) within 60 s");
            }

            await Task.Delay(50);
        }
    }
}
