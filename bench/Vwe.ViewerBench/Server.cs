using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Vwe.ViewerBench;

/// <summary>The built <c>vwe serve --port 0</c> (vwe.dll beside this program) on a data folder of its own; stopped with SIGTERM, folder deleted.</summary>
internal sealed class Server : IAsyncDisposable
{
    private const string ListeningPrefix = "vwe serve: listening on ";

    private readonly Process process;
    private readonly string data;

    private Server(Process process, string data, Uri address)
    {
        this.process = process;
        this.data = data;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<Server> StartAsync(int engines)
    {
        string data = Path.Combine(Path.GetTempPath(), $"vwe-viewerbench-{Guid.NewGuid():N}");
        string dll = Path.Combine(AppContext.BaseDirectory, "vwe.dll");
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { dll, "serve", "--port", "0", "--data", data, "--engines", engines.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {dll}");
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
        using (Process kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync();
        process.Dispose();
        Directory.Delete(data, recursive: true);
    }

    /// <summary>Polls /readyz (the engine pool has filled) with a deadline.</summary>
    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address };
        var clock = Stopwatch.StartNew();
        while ((await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode != HttpStatusCode.OK)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException("vwe serve not ready (GET /readyz) within 60 s");
            }

            await Task.Delay(50);
        }
    }
}
