using System.CommandLine;
using System.Text.Json;
using Vwe.WorldGen;

namespace Vwe.Cli.Commands;

/// <summary><c>vwe seed &lt;text&gt;</c>: the world's int seed for a seed text, as the game computes it.</summary>
internal static class SeedCommand
{
    /// <summary>The new-world dialog's random suggestion (<c>World.GenerateSeed</c>, spec §1) draws 10 of these 59 (no o, O or 1).</summary>
    private const string SuggestionAlphabet = "abcdefghijklmnpqrstuvwxyzABCDEFGHIJKLMNPQRSTUVWXYZ023456789";

    private const int SuggestionLength = 10;

    private const string Description =
        "Print the world's int seed for a seed text as one JSON object: text, seed, length (UTF-16 code units) and " +
        "gameGenerated. gameGenerated is true when the text has the shape of the new-world dialog's random " +
        "suggestion: exactly 10 characters from the 59-symbol alphabet a-z A-Z 0 2-9 without o, O and 1. It says " +
        "the dialog could have suggested this text, not that it did: players type their own seeds too, and only " +
        "the int decides the world.";

    public static Command Create()
    {
        var text = new Argument<string>("text") { Description = "The seed text exactly as typed in the game (no trimming)." };
        var command = new Command("seed", Description) { text };
        command.SetAction(parse => Run(parse.GetValue(text)!, parse.InvocationConfiguration.Output));
        return command;
    }

    private static int Run(string text, TextWriter output)
    {
        SeedInput.CheckLength(text);
        output.WriteLine(JsonSerializer.Serialize(new
        {
            text,
            seed = StableHash.WorldSeed(text),
            length = text.Length,
            gameGenerated = IsSuggestionShaped(text),
        }));
        return ExitCodes.Success;
    }

    private static bool IsSuggestionShaped(string text) =>
        text.Length == SuggestionLength && text.All(c => SuggestionAlphabet.Contains(c, StringComparison.Ordinal));
}
