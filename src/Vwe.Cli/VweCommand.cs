using System.CommandLine;
using System.CommandLine.Invocation;
using Vwe.Cli.Commands;

namespace Vwe.Cli;

/// <summary>The <c>vwe</c> root command: one subcommand per file of <c>Commands/</c>.</summary>
internal static class VweCommand
{
    /// <summary>Set to 1 to get the stack trace of an internal error (a bug) after its one-line report.</summary>
    public const string DebugVariable = "VWE_DEBUG";

    public static RootCommand Create()
    {
        var root = new RootCommand(
            "vwe — Valheim World Engine: turns Valheim world seeds into the game's exact biome map, heightmap and rivers. " +
            "Data goes to stdout, diagnostics to stderr.\n" + ExitCodes.Help);
        root.Subcommands.Add(SeedCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(PointCommand.Create());
        root.Subcommands.Add(BatchCommand.Create());
        root.Subcommands.Add(EngineCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(WorldCommand.Create());
        root.Subcommands.Add(VerifyCommand.Create());
        return root;
    }

    public static int Run(string[] args, TextWriter output, TextWriter error) =>
        RunAsync(args, output, error).GetAwaiter().GetResult();

    /// <summary>
    /// Parses and runs one command line. A parse error is one line on <paramref name="error"/> (exit 2, no help
    /// dump); an exception the user can act on is one line with the exit code <see cref="ExitCodes.ForException"/>
    /// gives; anything else is a bug, reported in one line as an internal error (exit 1), with its stack trace
    /// when <see cref="DebugVariable"/> is 1. <paramref name="output"/> is flushed before returning.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ParseResult parse = Create().Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            error.WriteLine(UsageError.Describe(parse));
            return ExitCodes.InvalidInput;
        }

        try
        {
            int code = await parse.InvokeAsync(
                new InvocationConfiguration
                {
                    Output = output,
                    Error = error,
                    EnableDefaultExceptionHandler = false,

                    // How long an action may take after Ctrl+C or SIGTERM before it is abandoned (exit 130):
                    // `vwe serve` drains its running jobs first, the one-shot commands stop at once.
                    ProcessTerminationTimeout = parse.CommandResult.Command.Name == ServeCommand.Name ? ServeCommand.TerminationTimeout : TimeSpan.FromSeconds(2),
                })
                .ConfigureAwait(false);
            if (code == ExitCodes.Cancelled)
            {
                // System.CommandLine gave up waiting for the action after Ctrl+C (it was still generating the world).
                throw new OperationCanceledException();
            }

            await output.FlushAsync().ConfigureAwait(false);
            return code;
        }
        catch (Exception exception)
        {
            // Whole lines written before the failure still reach a pipe (stdout never ends mid-line).
            TryFlush(output);
            return Report(exception, error, Environment.GetEnvironmentVariable(DebugVariable) == "1");
        }
    }

    /// <summary>Writes the one line of <paramref name="exception"/> (and, for a bug with <paramref name="debug"/>, its stack trace); returns the exit code.</summary>
    internal static int Report(Exception exception, TextWriter error, bool debug)
    {
        int code = ExitCodes.ForException(exception);
        string message = exception switch
        {
            CancelledException => exception.Message,
            OperationCanceledException => "cancelled; stdout holds only the complete lines written before.",
            _ when code == ExitCodes.Failure => $"internal error: {exception.Message} (please report)",
            _ => exception.Message,
        };
        error.WriteLine($"vwe: {OneLine(message)}");
        if (code == ExitCodes.Failure && debug)
        {
            error.WriteLine(exception.ToString());
        }

        return code;
    }

    internal static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();

    private static void TryFlush(TextWriter output)
    {
        try
        {
            output.Flush();
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            // The reader has gone (e.g. a closed pipe); the error line below is what matters now.
        }
    }
}
