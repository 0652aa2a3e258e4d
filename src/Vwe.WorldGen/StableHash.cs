namespace Vwe.WorldGen;

/// <summary>
/// The game's <c>string.GetStableHashCode</c> (assembly_utils, spec §1): two interleaved djb2-xor lanes over the
/// UTF-16 code units, stopping at the first U+0000, wrapping 32-bit arithmetic.
/// </summary>
public static class StableHash
{
    public static int GetStableHashCode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
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

    /// <summary>The world's int seed for a seed text: the empty text is world 0 (World ctor), any other text its hash.</summary>
    public static int WorldSeed(string seedText)
    {
        ArgumentNullException.ThrowIfNull(seedText);
        return seedText.Length == 0 ? 0 : GetStableHashCode(seedText);
    }
}
