namespace Vwe.Cli;

/// <summary>User input shown back in an error message.</summary>
internal static class InputText
{
    /// <summary>Longest input shown back in an error; a runaway argument or line would otherwise flood the terminal.</summary>
    private const int QuoteLength = 60;

    /// <summary><paramref name="text"/> in single quotes, cut at <see cref="QuoteLength"/> characters with its full length noted.</summary>
    public static string Quote(string text) =>
        text.Length <= QuoteLength ? $"'{text}'" : $"'{text[..QuoteLength]}…' ({text.Length} characters)";
}
