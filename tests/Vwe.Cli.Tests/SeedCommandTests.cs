using System.Text.Json;

namespace Vwe.Cli.Tests;

public class SeedCommandTests
{
    [Fact]
    public void Prints_the_reference_seed_int_for_its_text()
    {
        CliResult result = Cli.Run("seed", "hnLycKKCMI");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(1706363555, json.RootElement.GetProperty("seed").GetInt32());
        Assert.Equal(10, json.RootElement.GetProperty("length").GetInt32());
        Assert.True(json.RootElement.GetProperty("gameGenerated").GetBoolean());
    }

    [Fact]
    public void Digits_are_hashed_as_text()
    {
        CliResult result = Cli.Run("seed", "12345");

        using var json = JsonDocument.Parse(result.Output);
        Assert.NotEqual(12345, json.RootElement.GetProperty("seed").GetInt32());
    }

    [Fact]
    public void Too_long_text_is_refused_with_one_line()
    {
        CliResult result = Cli.Run("seed", new string('a', 4097));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("4096", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
