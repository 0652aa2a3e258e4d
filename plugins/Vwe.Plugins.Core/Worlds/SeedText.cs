namespace Vwe.Plugins.Core.Worlds;

/// <summary>
/// The game's <c>string.GetStableHashCode</c> and the World constructor's use of it (docs/spec/worldgen.md §1), so
/// an export can check that its seed text belongs to its int seed without the game: two interleaved djb2-xor
/// lanes over the UTF-16 code units, stopping at the first U+0000, wrapping 32-bit arithmetic.
/// </summary>
public static class SeedText
{
    /// <summary>The world's int seed for a seed text: the empty text is world 0, any other text its hash.</summary>
    public static int WorldSeed(string seedText)
    {
        if (seedText is null)
        {
            throw new System.ArgumentNullException(nameof(seedText));
        }

        return seedText.Length == 0 ? 0 : StableHash(seedText);
    }

    private static int StableHash(string text)
    {
        unchecked
        {
            int a = 5381;
            int b = 5381;
            for (int i = 0; i < text.Length && text[i] != '\0'; i += 2)
            {
                a = ((a << 5) + a) ^ text[i];
                if (i == text.Length - 1 || text[i + 1] == '\0')
                {
                    break;
                }

                b = ((b << 5) + b) ^ text[i + 1];
            }

            return a + (b * 1566083941);
        }
    }
}
