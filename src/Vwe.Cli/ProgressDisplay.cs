using Spectre.Console;

namespace Vwe.Cli;

/// <summary>
/// A Spectre.Console progress display on an interactive stderr: pre-generation as one step, then the grid rows
/// 0→100 %, then the files being finished and hashed. Spectre's live display is not thread-safe, so only the loop
/// here touches it; it copies the latest <see cref="GenerateProgress"/> values a few times a second.
/// </summary>
internal static class ProgressDisplay
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Whether <paramref name="error"/> is this process's stderr and a terminal that takes cursor movement (not a
    /// pipe, a file, a test's writer or TERM=dumb).
    /// </summary>
    public static bool IsInteractive(TextWriter error) =>
        ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected
        && Environment.GetEnvironmentVariable("TERM") is not "dumb";

    /// <summary>Draws <paramref name="progress"/> on stderr until <paramref name="work"/> ends, then clears the display (the summary follows on stdout).</summary>
    public static Task ShowAsync(string gridDescription, GenerateProgress progress, Task work)
    {
        // Told, not detected: Spectre's own detection looks at stdout, which is often redirected (to a file or a
        // pipe) while stderr is the terminal.
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
        });
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                ProgressTask world = context.AddTask("Generating the world").IsIndeterminate(true);
                ProgressTask rows = context.AddTask($"Sampling {gridDescription}", autoStart: false);
                ProgressTask finish = context.AddTask("Finishing and hashing files", autoStart: false);
                while (!work.IsCompleted)
                {
                    Update(progress, world, rows, finish);
                    await Task.WhenAny(work, Task.Delay(Interval)).ConfigureAwait(false);
                }
            });
    }

    private static void Update(GenerateProgress progress, ProgressTask world, ProgressTask rows, ProgressTask finish)
    {
        if (!progress.WorldReady)
        {
            return;
        }

        if (!world.IsFinished)
        {
            world.IsIndeterminate(false).Value = world.MaxValue;
            rows.StartTask();
        }

        double sampled = progress.Sampled;
        rows.Value = sampled * rows.MaxValue;
        if (sampled >= 1 && !finish.IsStarted)
        {
            finish.IsIndeterminate(true).StartTask();
        }
    }
}
