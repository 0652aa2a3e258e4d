using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Vwe.Bench;

/// <summary>
/// A real <c>vwe serve --port 0</c> on a data folder of its own, ready (GET /readyz answers 200) when started;
/// stopped with SIGTERM and its folder deleted. Shared by the benchmark programs that drive the service.
/// </summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private const string ListeningPrefix = "vwe serve: listening on ";
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly string data;

    private ServeProcess(Process process, string data, Uri address)
    {
        this.process = process;
        this.data = data;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Runs <paramref name="program"/> with <paramref name="programArguments"/>, then <c>serve --port 0 --data DIR</c> and <paramref name="serveOptions"/>.</summary>
    public static async Task<ServeProcess> StartAsync(string program, IEnumerable<string> programArguments, IEnumerable<string> serveOptions)
    {
        string data = Path.Combine(Path.GetTempPath(), $"vwe-bench-{Guid.NewGuid():N}");
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in programArguments.Concat(["serve", "--port", "0", "--data", data]).Concat(serveOptions))
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        process.ErrorDataReceived += (_, _) => { }; // the line log; drained so the pipe never fills
        process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(StartDeadline);
        while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.StartsWith(ListeningPrefix, StringComparison.Ordinal))
            {
                var server = new ServeProcess(process, data, new Uri(line[ListeningPrefix.Length..]));
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
            if (clock.Elapsed > StartDeadline)
            {
                throw new TimeoutException($"vwe serve not ready (GET /readyz) within {StartDeadline.TotalSeconds} s");
            }

            await Task.Delay(50);
        }
    }
}
