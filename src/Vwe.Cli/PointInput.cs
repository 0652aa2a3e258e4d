using System.Globalization;

namespace Vwe.Cli;

/// <summary>
/// World points given as text: <c>X,Z</c> in metres (x east, z north), invariant culture, parsed straight to
/// float32 (correctly rounded, as a C# float literal would be). NaN, infinities and values beyond float range
/// are refused: the generator's answers are only defined for finite coordinates.
/// </summary>
internal static class PointInput
{
    private const string Example = "e.g. -3200,800 or 1234.5,-678.25";

    /// <summary>The value of the <paramref name="position"/>-th (1-based) <c>--at</c>.</summary>
    public static (float X, float Z) ParseAt(string text, int position)
    {
        string? problem = TryParse(text, out float x, out float z);
        return problem is null ? (x, z) : throw new InputException($"--at #{position} {InputText.Quote(text)}: {problem}.");
    }

    /// <summary>
    /// Appends the points of a file with one <c>X,Z</c> per line; blank lines and <c>#</c> comments (whole line or
    /// after the point) are skipped. <c>-</c> reads standard input.
    /// </summary>
    public static void ReadFile(string path, List<(float X, float Z)> points)
    {
        // StreamReader throws ArgumentException for "", and reports a folder as "access denied": say what it is.
        if (path.Length == 0)
        {
            throw new InputException("--in is empty; give a file with one X,Z per line, or '-' for standard input.");
        }

        if (Directory.Exists(path))
        {
            throw new InputException(
                $"--in '{path}' is a folder; give a file with one X,Z per line, or '-' for standard input.");
        }

        try
        {
            if (path == "-")
            {
                Read(Console.In, "stdin", points);
                return;
            }

            using var reader = new StreamReader(path);
            Read(reader, path, points);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Exit 2, not 3: an unreadable input is the user's to fix, like a bad coordinate.
            throw new InputException(
                $"cannot read --in file '{path}': {exception.Message} Give a readable file with one X,Z per line, or '-' for standard input.");
        }
    }

    private static void Read(TextReader reader, string name, List<(float X, float Z)> points)
    {
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            int comment = line.IndexOf('#', StringComparison.Ordinal);
            string content = (comment < 0 ? line : line[..comment]).Trim();
            if (content.Length == 0)
            {
                continue;
            }

            string? problem = TryParse(content, out float x, out float z);
            if (problem is not null)
            {
                throw new InputException($"{name}:{lineNumber}: {InputText.Quote(content)}: {problem}.");
            }

            points.Add((x, z));
        }
    }

    /// <summary>Null when <paramref name="text"/> is a point, else what is wrong with it.</summary>
    private static string? TryParse(string text, out float x, out float z)
    {
        x = z = 0;
        int comma = text.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0 || text.IndexOf(',', comma + 1) >= 0)
        {
            return $"expected X,Z (two numbers in metres separated by one comma, '.' as decimal mark), {Example}";
        }

        return TryParseCoordinate("x", text.AsSpan(0, comma), out x) ?? TryParseCoordinate("z", text.AsSpan(comma + 1), out z);
    }

    private static string? TryParseCoordinate(string axis, ReadOnlySpan<char> text, out float value)
    {
        if (!float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return $"{axis} {InputText.Quote(text.Trim().ToString())} is not a number ({Example})";
        }

        // float.Parse accepts "NaN" and "Infinity" and turns 1e39 into infinity.
        return float.IsFinite(value) ? null : $"{axis} {InputText.Quote(text.Trim().ToString())} is not a finite float32 coordinate";
    }
}
