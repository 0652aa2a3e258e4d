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

    [Theory]
    [InlineData("12345")]
    [InlineData("1706363555")]
    [InlineData("2147483647")]
    [InlineData("99999999999999999999")]
    public void Digits_are_hashed_as_text_to_the_golden_world_seed(string digits)
    {
        CliResult result = Cli.Run("seed", digits);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(GoldenWorldSeed(digits), json.RootElement.GetProperty("seed").GetInt32());
    }

    [Fact]
    public void Too_long_text_is_refused_with_one_line()
    {
        CliResult result = Cli.Run("seed", new string('a', 4097));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("4096", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("hnLycKKCMI", true)]
    [InlineData("0234567892", true)]
    [InlineData("hnLycKKCMo", false)] // o is not in the dialog's alphabet
    [InlineData("hnLycKKCMO", false)]
    [InlineData("hnLycKKCM1", false)]
    [InlineData("hnLycKKCM-", false)]
    [InlineData("hnLycKKCM", false)] // 9 characters
    [InlineData("hnLycKKCMIx", false)] // 11 characters
    [InlineData("", false)]
    public void Game_generated_means_the_shape_of_the_dialog_suggestion(string text, bool expected)
    {
        CliResult result = Cli.Run("seed", text);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(expected, json.RootElement.GetProperty("gameGenerated").GetBoolean());
    }

    [Fact]
    public void Empty_text_is_world_seed_0()
    {
        CliResult result = Cli.Run("seed", "");

        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(0, json.RootElement.GetProperty("seed").GetInt32());
    }

    [Fact]
    public void Help_explains_game_generated()
    {
        CliResult result = Cli.Run("seed", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("gameGenerated is true when", result.Output, StringComparison.Ordinal);
    }

    /// <summary>The world seed tests/golden/hash.json gives for <paramref name="text"/> (the game's own hash).</summary>
    private static int GoldenWorldSeed(string text)
    {
        using JsonDocument hashes = GoldenData.ReadDocument("hash.json.gz");
        return hashes.RootElement.GetProperty("cases").EnumerateArray()
            .Single(entry => entry.GetProperty("text").GetString() == text)
            .GetProperty("worldSeed").GetInt32();
    }
}
