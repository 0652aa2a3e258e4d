namespace Vwe.Cli.Tests;

/// <summary>Runs the <c>vwe</c> command in-process and captures what it prints and returns.</summary>
internal static class Cli
{
    public static CliResult Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = VweCommand.Run(args, output, error);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}

internal sealed record CliResult(int ExitCode, string Output, string Error);
