using System.CommandLine;
using System.Text.Json;
using Vwe.WorldGen;

namespace Vwe.Cli.Commands;

/// <summary><c>vwe seed &lt;text&gt;</c>: the world's int seed for a seed text, as the game computes it.</summary>
internal static class SeedCommand
{
    /// <summary>The game's new-world dialog suggests 10 of these (no o, O or 1) and accepts at most 10 characters typed.</summary>
    private const string GameAlphabet = "abcdefghijklmnpqrstuvwxyzABCDEFGHIJKLMNPQRSTUVWXYZ023456789";

    private static readonly Argument<string> Text = new("text") { Description = "The seed text exactly as typed in the game (no trimming)." };

    public static Command Create(TextWriter output)
    {
        var command = new Command("seed", "Print the world's int seed for a seed text, its length and whether the game could have generated it.")
        {
            Text,
        };
        command.SetAction(parse => Run(parse.GetValue(Text)!, output));
        return command;
    }

    private static int Run(string text, TextWriter output)
    {
        SeedInput.CheckLength(text);
        bool suggested = text.Length == 10 && text.All(c => GameAlphabet.Contains(c, StringComparison.Ordinal));
        output.WriteLine(JsonSerializer.Serialize(new
        {
            text,
            seed = StableHash.WorldSeed(text),
            length = text.Length,
            gameGenerated = suggested,
        }));
        return ExitCodes.Success;
    }
}
