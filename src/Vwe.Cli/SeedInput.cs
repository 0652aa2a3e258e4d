using System.Globalization;
using Vwe.WorldGen;

namespace Vwe.Cli;

/// <summary>Seed arguments: text hashed as the game does, or with <c>--int</c> the world's int seed itself.</summary>
internal static class SeedInput
{
    /// <summary>Longest seed text accepted, in UTF-16 code units.</summary>
    public const int MaxTextLength = 4096;

    /// <summary>Refuses a text over <see cref="MaxTextLength"/>; <paramref name="advice"/> names what the command offers instead.</summary>
    public static void CheckLength(string text, string advice = "Use a shorter text.")
    {
        if (text.Length > MaxTextLength)
        {
            throw new InputException($"seed text is {text.Length} UTF-16 code units long; the limit is {MaxTextLength}. {advice}");
        }
    }

    /// <summary>The world seed and the seed text it came from (null when an int was given).</summary>
    public static (int Seed, string? Text) Resolve(string value, bool isInt)
    {
        if (!isInt)
        {
            CheckLength(value, "Use a shorter text, or pass the int seed with --int.");
            return (StableHash.WorldSeed(value), value);
        }

        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int seed))
        {
            throw new InputException(
                $"'{value}' is not an int seed (-2147483648..2147483647); drop --int to hash it as seed text.");
        }

        return (seed, null);
    }
}
