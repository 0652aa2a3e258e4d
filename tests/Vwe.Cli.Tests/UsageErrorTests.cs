namespace Vwe.Cli.Tests;

public class UsageErrorTests
{
    [Fact]
    public void A_missing_argument_is_one_line_naming_the_command_help()
    {
        CliResult result = Cli.Run("seed");

        Assert.Equal((2, ""), (result.ExitCode, result.Output));
        Assert.Equal("vwe: Required argument missing for command: 'seed'. See 'vwe seed --help'.\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Several_errors_still_make_one_line()
    {
        CliResult result = Cli.Run("no-such-command", "--nor-this");

        Assert.Equal((2, ""), (result.ExitCode, result.Output));
        Assert.Single(PointCommandTests.Lines(result.Error));
        Assert.Contains("'no-such-command'", result.Error, StringComparison.Ordinal);
        Assert.EndsWith("See 'vwe --help'.\n", result.Error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_refuses_an_engine_kind_it_does_not_run()
    {
        CliResult result = Cli.Run("generate", "hnLycKKCMI", "--engine", "docker");

        Assert.Equal((2, ""), (result.ExitCode, result.Output));
        Assert.Equal("vwe: --engine docker: generate runs inprocess or process engines; for containers use vwe batch --engine docker.\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Root_help_lists_the_commands_and_exit_codes()
    {
        CliResult result = Cli.Run("--help");

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Contains("point <seed>", result.Output, StringComparison.Ordinal);
        Assert.Contains("seed <text>", result.Output, StringComparison.Ordinal);
        Assert.Contains(ExitCodes.Help, result.Output, StringComparison.Ordinal);
    }
}
