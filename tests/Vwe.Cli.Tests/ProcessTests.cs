using System.Diagnostics;
using System.Text.Json;

namespace Vwe.Cli.Tests;

/// <summary>The built <c>vwe</c> as a child process: real exit codes, real stderr, stdout flushed on the way out.</summary>
public class ProcessTests
{
    [Fact]
    public void A_point_reaches_stdout_with_exit_0_and_a_silent_stderr()
    {
        CliResult result = VweProcess.Run(["point", "hnLycKKCMI", "--at", "0,0"]);

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(0x410B88B8u, BitConverter.SingleToUInt32Bits(json.RootElement.GetProperty("height").GetSingle()));
    }

    [Fact]
    public void Points_can_come_from_standard_input()
    {
        CliResult result = VweProcess.Run(["point", "hnLycKKCMI", "--in", "-"], standardInput: "0,0\n# comment\n-9200,400\n");

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Equal(2, PointCommandTests.Lines(result.Output).Length);
    }

    [Theory]
    [InlineData("point", "hnLycKKCMI", "--at", "1,abc")]
    [InlineData("point", "hnLycKKCMI", "--at", "0,0", "--bogus")]
    [InlineData("point", "hnLycKKCMI")]
    [InlineData("point", "--int", "abc", "--at", "0,0")]
    [InlineData("seed")]
    [InlineData("no-such-command")]
    public void A_usage_error_exits_2_with_one_stderr_line_and_no_stdout(params string[] args)
    {
        CliResult result = VweProcess.Run(args);

        Assert.Equal((2, ""), (result.ExitCode, result.Output));
        Assert.Single(PointCommandTests.Lines(result.Error));
        Assert.StartsWith("vwe: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_exits_0_on_stdout()
    {
        CliResult result = VweProcess.Run(["--help"]);

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Contains("Exit codes:", result.Output, StringComparison.Ordinal);
    }

    [LinuxFact]
    public void Ctrl_C_while_points_are_written_exits_130_with_complete_lines()
    {
        // Enough points to keep vwe busy for seconds after its first 64 KB of output reaches the pipe.
        using var file = new TempFile(string.Concat(Enumerable.Repeat("-9200,400\n", 500_000)));
        // `env --default-signal=INT`: a test runner started in the background inherits SIGINT ignored, and .NET
        // keeps ignoring a signal that was ignored at start.
        ProcessStartInfo info = VweProcess.StartInfo(
            ["point", "hnLycKKCMI", "--in", file.Path], launcher: "/usr/bin/env", launcherArgs: ["--default-signal=INT"]);
        using Process process = VweProcess.Start(info);
        process.StandardInput.Close();
        Task<string> error = process.StandardError.ReadToEndAsync();

        string? first = process.StandardOutput.ReadLine();
        Assert.NotNull(first);
        using (Process kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        Task<string> rest = process.StandardOutput.ReadToEndAsync();
        CliResult result = VweProcess.Finish(process, rest, error);

        Assert.Equal(130, result.ExitCode);
        Assert.Equal("vwe: cancelled; stdout holds only the complete lines written before.", result.Error.TrimEnd());
        string[] lines = PointCommandTests.Lines(first + "\n" + result.Output);
        Assert.InRange(lines.Length, 1, 499_999);
        Assert.True(result.Output.Length == 0 || result.Output.EndsWith('\n'), "stdout ends mid-line");
        Assert.All(lines, line => Assert.Equal(first, line));
    }
}

/// <summary>A fact that needs Linux signals and coreutils; skipped elsewhere.</summary>
internal sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "needs Linux (SIGINT via kill, env --default-signal)";
        }
    }
}
