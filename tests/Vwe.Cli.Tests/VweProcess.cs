using System.Diagnostics;

namespace Vwe.Cli.Tests;

/// <summary>
/// Runs the built <c>vwe</c> (the vwe.dll copied next to this test assembly) as a child process, to see the real
/// exit code, stdout and stderr: what Program.cs and the process boundary add to <see cref="Cli.Run"/>.
/// </summary>
internal static class VweProcess
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static string DllPath { get; } = Path.Combine(AppContext.BaseDirectory, "vwe.dll");

    /// <summary>The dotnet host running the tests (the SDK sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    public static string DotnetHost { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    public static CliResult Run(string[] args, string? standardInput = null, string? workingDirectory = null)
    {
        ProcessStartInfo info = StartInfo(args);
        if (workingDirectory is not null)
        {
            info.WorkingDirectory = workingDirectory;
        }

        using Process process = Start(info);
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
        }

        process.StandardInput.Close();
        return Finish(process, output, error);
    }

    public static ProcessStartInfo StartInfo(IEnumerable<string> args, string? launcher = null, IEnumerable<string>? launcherArgs = null)
    {
        var info = new ProcessStartInfo(launcher ?? DotnetHost)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in launcherArgs ?? [])
        {
            info.ArgumentList.Add(arg);
        }

        if (launcher is not null)
        {
            info.ArgumentList.Add(DotnetHost);
        }

        info.ArgumentList.Add(DllPath);
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    public static Process Start(ProcessStartInfo info) =>
        Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}");

    /// <summary>Waits for exit within the deadline (killing the child if it overruns) and collects its output.</summary>
    public static CliResult Finish(Process process, Task<string> output, Task<string> error)
    {
        if (!process.WaitForExit(Deadline))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"vwe did not exit within {Deadline.TotalSeconds} s: {string.Join(' ', process.StartInfo.ArgumentList)}");
        }

        return new CliResult(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }
}
