using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Vwe.Cli.Tests;

/// <summary>
/// <c>vwe generate</c> as a child process: the default output folder (relative to the working directory), the
/// real default run, Ctrl+C and the progress display on a terminal.
/// </summary>
public class GenerateProcessTests
{
    [Fact]
    public void Without_out_the_export_goes_to_worlds_and_the_world_key_under_the_working_directory()
    {
        using var temp = new TempDirectory();

        CliResult result = VweProcess.Run(["generate", "hnLycKKCMI", "--size", "512", "--pixel-size", "48"], workingDirectory: temp.Path);

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        string folder = Path.Combine("worlds", "1706363555-g2-e1-512x48");
        Assert.Equal(
            ["worlds", folder, .. new[] { "biomes.png", "grid.bin", "manifest.json", "run.json", "terrain.png" }.Select(name => Path.Combine(folder, name))],
            temp.Entries());
        Assert.Equal(GoldenData.GridSha256("hnLycKKCMI-512.bin.gz"), GoldenData.Sha256(temp.Combine(folder, "grid.bin")));
        Assert.Contains(temp.Combine(folder), result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_run_writes_the_game_minimap_grid_bit_for_bit()
    {
        using var temp = new TempDirectory();

        CliResult result = VweProcess.Run(["generate", "hnLycKKCMI"], workingDirectory: temp.Path);

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        string folder = temp.Combine("worlds", "1706363555-g2-e1-2048x12");
        Assert.Equal(GoldenData.GridSha256("hnLycKKCMI-2048.bin.gz"), GoldenData.Sha256(Path.Combine(folder, "grid.bin")));
        Assert.Equal(
            ["biomes.png", "grid.bin", "manifest.json", "run.json", "terrain.png"],
            Directory.EnumerateFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "manifest.json")));
        Assert.Equal("2048x12", manifest.RootElement.GetProperty("grid").GetProperty("key").GetString());
        using JsonDocument run = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "run.json")));
        Assert.Equal(Environment.ProcessorCount, run.RootElement.GetProperty("threads").GetInt32());
    }

    [LinuxFact]
    public void Ctrl_C_during_the_export_exits_130_and_leaves_no_folder()
    {
        using var temp = new TempDirectory();
        string output = temp.Combine("out");

        // 8192² of bin takes tens of seconds: long enough to be interrupted while the staging folder is being written.
        // `env --default-signal=INT`: see ProcessTests (a background test runner would pass SIGINT on ignored).
        ProcessStartInfo info = VweProcess.StartInfo(
            ["generate", "hnLycKKCMI", "--size", "8192", "--pixel-size", "3", "--format", "bin", "--out", output],
            launcher: "/usr/bin/env",
            launcherArgs: ["--default-signal=INT"]);
        using Process process = VweProcess.Start(info);
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();

        bool staging = WaitFor(
            () => Directory.EnumerateDirectories(temp.Path).Any(entry => Path.GetFileName(entry).StartsWith("out.tmp-", StringComparison.Ordinal)),
            process);
        using (Process kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        CliResult result = VweProcess.Finish(process, stdout, stderr);

        Assert.True(staging, $"no staging folder appeared before the process ended: {result}");
        Assert.Equal((130, ""), (result.ExitCode, result.Output));
        Assert.Equal("vwe: cancelled; the unfinished export was deleted and the output folder left as it was.", result.Error.TrimEnd());
        Assert.Empty(temp.Entries());
    }

    [LinuxFact]
    public void An_engine_killed_mid_export_leaves_no_staging_folder_and_its_retry_writes_the_world()
    {
        using var temp = new TempDirectory();
        string output = temp.Combine("out");

        // One engine thread on the game's minimap grid: seconds of export to catch the engine while it stages.
        using Process process = VweProcess.Start(VweProcess.StartInfo(
            ["generate", "hnLycKKCMI", "--engine", "process", "--threads", "1", "--format", "bin", "--out", output]));
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();

        bool staging = WaitFor(() => StagingFolders(temp).Any(), process);
        IReadOnlyList<int> engines = ChildProcesses.Of(process.Id, "engine");
        foreach (int engine in engines)
        {
            ChildProcesses.Kill(engine);
        }

        CliResult result = VweProcess.Finish(process, stdout, stderr);

        Assert.True(staging && engines.Count > 0, $"no engine caught staging (engines {engines.Count}): {result}");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(GoldenData.GridSha256("hnLycKKCMI-2048.bin.gz"), GoldenData.Sha256(Path.Combine(output, "grid.bin")));
        Assert.Empty(StagingFolders(temp));
    }

    [ScriptFact]
    public void On_a_terminal_stderr_shows_a_progress_display_and_stdout_gets_the_summary()
    {
        using var temp = new TempDirectory();
        string output = temp.Combine("out");
        string summary = temp.Combine("summary.txt");

        // script(1) runs the command on a pseudo-terminal and copies what it draws to its own stdout. Only stdout
        // is redirected inside, so stderr is the terminal and stdout a file, as in `vwe generate … > log`.
        string command = string.Join(
            ' ',
            new[] { VweProcess.DotnetHost, VweProcess.DllPath, "generate", "hnLycKKCMI", "--size", "512", "--pixel-size", "48", "--out", output }
                .Select(ShellQuote)) + " > " + ShellQuote(summary);
        var info = new ProcessStartInfo("/usr/bin/script", ["-qec", command, "/dev/null"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["TERM"] = "xterm";
        using Process process = VweProcess.Start(info);
        process.StandardInput.Close();
        Task<string> terminal = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();

        CliResult result = VweProcess.Finish(process, terminal, error);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Generating the world", result.Output, StringComparison.Ordinal);
        Assert.Contains("Sampling 512", result.Output, StringComparison.Ordinal);
        Assert.Contains("\u001b[?25h", result.Output, StringComparison.Ordinal); // the cursor is shown again: the display ended
        Assert.DoesNotContain("1706363555-g2-e1-512x48", result.Output, StringComparison.Ordinal);
        Assert.StartsWith("world   1706363555-g2-e1-512x48", File.ReadAllText(summary), StringComparison.Ordinal);
        Assert.Equal(GoldenData.GridSha256("hnLycKKCMI-512.bin.gz"), GoldenData.Sha256(Path.Combine(output, "grid.bin")));
    }

    private static bool WaitFor(Func<bool> condition, Process process)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30) && !process.HasExited)
        {
            if (condition())
            {
                return true;
            }

            Thread.Sleep(20);
        }

        return false;
    }

    private static IEnumerable<string> StagingFolders(TempDirectory temp) =>
        Directory.EnumerateDirectories(temp.Path).Where(entry => Path.GetFileName(entry).StartsWith("out.tmp-", StringComparison.Ordinal));

    private static string ShellQuote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

/// <summary>A fact that needs script(1) from util-linux to give a child process a terminal; skipped without it.</summary>
internal sealed class ScriptFactAttribute : FactAttribute
{
    public ScriptFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/script"))
        {
            Skip = "needs Linux and /usr/bin/script (util-linux) for a pseudo-terminal";
        }
    }
}
