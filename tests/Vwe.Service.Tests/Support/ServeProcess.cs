using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Vwe.Service.Tests.Support;

/// <summary>
/// A real <c>vwe serve</c>: the built vwe.dll beside the test assembly, run as <c>dotnet vwe.dll serve --port 0</c>
/// with its own data folder. Started once it prints its <c>listening on</c> line; stopped with SIGTERM, after which
/// it must exit 0 with none of its engine processes left behind.
/// </summary>
internal sealed partial class ServeProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan OrphanDeadline = TimeSpan.FromSeconds(10);

    private readonly Process process;
    private readonly ConcurrentQueue<string> errorLines = new();
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool stopped;

    private ServeProcess(Process process)
    {
        this.process = process;
        ProcessId = process.Id;
    }

    public static string DllPath { get; } = Path.Combine(AppContext.BaseDirectory, "vwe.dll");

    /// <summary>The dotnet host running the tests (the SDK sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    public static string DotnetHost { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    public int ProcessId { get; }

    /// <summary>The address the service printed, with a wildcard host replaced by loopback.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public ServiceApi Api { get; private set; } = null!;

    /// <summary>What the service wrote to stderr so far (its line log), for failure messages.</summary>
    public string Log => string.Join('\n', errorLines);

    /// <summary>
    /// Starts <c>vwe serve --port 0 --data <paramref name="dataFolder"/> --engines 2</c> plus <paramref name="arguments"/>
    /// and waits for its <c>listening on</c> line. VWE_API_KEY is unset unless <paramref name="environment"/> sets it.
    /// </summary>
    public static async Task<ServeProcess> StartAsync(
        string dataFolder, IEnumerable<string>? arguments = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        ProcessStartInfo info = StartInfo(["serve", "--port", "0", "--data", dataFolder, "--engines", "2", .. arguments ?? []], environment);
        var serve = new ServeProcess(Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}"));
        serve.ReadOutput();
        try
        {
            Uri address = await serve.listening.Task.WaitAsync(StartDeadline);
            serve.BaseAddress = address;
            serve.Api = new ServiceApi(address);
            return serve;
        }
        catch (Exception failure) when (failure is TimeoutException or InvalidOperationException)
        {
            serve.process.Kill(entireProcessTree: true);
            await serve.process.WaitForExitAsync();
            throw new InvalidOperationException($"vwe serve did not start: {failure.Message}\nstderr:\n{serve.Log}", failure);
        }
    }

    /// <summary>Runs <c>vwe serve</c> expecting it to refuse to start: its exit code and stderr.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunExpectingExitAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        ProcessStartInfo info = StartInfo(["serve", .. arguments], environment);
        using Process child = Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}");
        Task<string> output = child.StandardOutput.ReadToEndAsync();
        Task<string> error = child.StandardError.ReadToEndAsync();
        try
        {
            await child.WaitForExitAsync().WaitAsync(StartDeadline);
        }
        catch (TimeoutException)
        {
            child.Kill(entireProcessTree: true);
            throw new TimeoutException($"vwe serve {string.Join(' ', arguments)} kept running; it was expected to refuse to start");
        }

        return (child.ExitCode, await output, await error);
    }

    /// <summary>The engine processes the service runs now (its children whose command line names `engine`).</summary>
    public IReadOnlyList<int> EngineProcessIds() => ChildProcesses.Of(ProcessId, "engine");

    /// <summary>SIGTERM; waits for the exit and checks that no engine process it ran is left. Returns the exit code.</summary>
    public async Task<int> StopAsync()
    {
        IReadOnlyList<int> engines = EngineProcessIds();
        Signal("TERM");
        return await WaitForExitAsync(engines, "after SIGTERM");
    }

    /// <summary>SIGKILL, as the OOM killer would; the engines must notice their parent is gone and exit by themselves.</summary>
    public async Task KillAsync()
    {
        IReadOnlyList<int> engines = EngineProcessIds();
        Signal("KILL");
        await WaitForExitAsync(engines, "after SIGKILL");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!stopped)
            {
                int exitCode = await StopAsync();
                Assert.True(exitCode == 0, $"vwe serve exited {exitCode} after SIGTERM; stderr:\n{Log}");
            }
        }
        finally
        {
            Api?.Dispose();
            process.Dispose();
        }
    }

    private static ProcessStartInfo StartInfo(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo(DotnetHost)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(DllPath);
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Remove("VWE_API_KEY");
        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return info;
    }

    private void ReadOutput()
    {
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                errorLines.Enqueue(line.Data);
            }
        };
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                listening.TrySetException(new InvalidOperationException($"vwe serve closed stdout (exit code {ExitCodeIfExited()}) before its listening line"));
            }
            else if (ListeningLine().Match(line.Data) is { Success: true } match)
            {
                var address = new UriBuilder(match.Groups["url"].Value);
                if (address.Host is "0.0.0.0" or "[::]" or "::" or "+" or "*")
                {
                    address.Host = "127.0.0.1";
                }

                listening.TrySetResult(address.Uri);
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    private string ExitCodeIfExited() =>
        process.HasExited ? process.ExitCode.ToString(CultureInfo.InvariantCulture) : "none yet";

    private void Signal(string signal)
    {
        using Process kill = Process.Start("kill", [$"-{signal}", ProcessId.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.True(kill.ExitCode == 0, $"kill -{signal} {ProcessId} failed");
    }

    private async Task<int> WaitForExitAsync(IReadOnlyList<int> engines, string when)
    {
        stopped = true;
        try
        {
            await process.WaitForExitAsync().WaitAsync(StopDeadline);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"vwe serve did not exit within {StopDeadline.TotalSeconds} s {when}; stderr:\n{Log}");
        }

        await Eventually.True(
            () => !engines.Any(ChildProcesses.IsAlive),
            OrphanDeadline,
            $"the engine processes of vwe serve ({string.Join(", ", engines)}) all gone {when}");
        return process.ExitCode;
    }

    [GeneratedRegex(@"^vwe serve: listening on (?<url>https?://\S+)$")]
    private static partial Regex ListeningLine();
}
