namespace Vwe.GameFiles.Worlds;

/// <summary>
/// World names vwe writes: the name becomes a folder name under the game's worlds folder and the server's
/// <c>-world</c> argument, so it must be a plain file name on Windows and Linux alike.
/// </summary>
public static class WorldName
{
    public const int MaxLength = 64;

    // Invalid in Windows file names (Linux forbids only '/'); a world folder is copied between both.
    private const string ForbiddenCharacters = "/\\:*?\"<>|";

    /// <summary>Why <paramref name="name"/> cannot be a world name, or null when it can.</summary>
    public static string? Problem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            return "is empty";
        }

        if (name.Length > MaxLength)
        {
            return $"is {name.Length} characters long; the limit is {MaxLength}";
        }

        if (name.Trim() != name)
        {
            return "starts or ends with white space";
        }

        if (name.EndsWith('.') || name is "." or "..")
        {
            return "ends with a dot";
        }

        foreach (char c in name)
        {
            if (char.IsControl(c) || ForbiddenCharacters.Contains(c, StringComparison.Ordinal))
            {
                return $"holds the character {Describe(c)}, which file names cannot";
            }
        }

        return null;
    }

    private static string Describe(char c) => char.IsControl(c) ? $"U+{(int)c:X4}" : $"'{c}'";
}
