using System.Globalization;
using System.Text;
using Vwe.WorldGen;

namespace Vwe.Cli;

/// <summary>
/// The seeds file of <c>vwe batch</c>: one seed per line, taken verbatim (only the line ending removed). Blank
/// lines (empty or only spaces and tabs) and lines starting with <c>#</c> are skipped; <c>int:123</c> is an int
/// seed; <c>text:</c> introduces a text that would otherwise be skipped or read as a prefix (<c>text:</c> alone
/// is the empty seed). A seed whose world is already listed is skipped: it would write the same folder.
/// </summary>
internal static class SeedsFile
{
    private const string IntPrefix = "int:";
    private const string TextPrefix = "text:";

    public static IReadOnlyList<BatchSeed> Read(string path)
    {
        string content;
        try
        {
            content = File.ReadAllText(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputException($"seeds file '{path}' does not exist; give a text file with one seed per line.");
        }
        catch (UnauthorizedAccessException) when (Directory.Exists(path))
        {
            throw new InputException($"seeds file '{path}' is a folder; give a text file with one seed per line.");
        }
        catch (DecoderFallbackException)
        {
            throw new InputException($"seeds file '{path}' is not UTF-8 text; save it as UTF-8.");
        }

        return Parse(content, path);
    }

    public static IReadOnlyList<BatchSeed> Parse(string content, string source)
    {
        ArgumentNullException.ThrowIfNull(content);
        var seeds = new List<BatchSeed>();
        var seen = new HashSet<int>();
        string[] lines = content.Split('\n');
        for (int index = 0; index < lines.Length; index++)
        {
            string line = lines[index].EndsWith('\r') ? lines[index][..^1] : lines[index];
            if ((index == lines.Length - 1 && line.Length == 0) || ParseLine(line, source, index + 1) is not { } seed)
            {
                continue;
            }

            if (seen.Add(seed.Seed))
            {
                seeds.Add(seed);
            }
        }

        return seeds.Count > 0
            ? seeds
            : throw new InputException($"seeds file '{source}' lists no seed; write one seed per line (int:N for an int seed).");
    }

    private static BatchSeed? ParseLine(string line, string source, int number)
    {
        if (line.StartsWith(TextPrefix, StringComparison.Ordinal))
        {
            return Text(line[TextPrefix.Length..], source, number);
        }

        if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
        {
            return null;
        }

        if (!line.StartsWith(IntPrefix, StringComparison.Ordinal))
        {
            return Text(line, source, number);
        }

        string digits = line[IntPrefix.Length..];
        return int.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int seed)
            ? new BatchSeed(number, seed, null)
            : throw new InputException(
                $"{source}:{number}: '{digits}' is not an int seed (-2147483648..2147483647); write text:{line} for that text.");
    }

    private static BatchSeed Text(string text, string source, int number)
    {
        if (text.Length > SeedInput.MaxTextLength)
        {
            throw new InputException(
                $"{source}:{number}: seed text is {text.Length} UTF-16 code units long; the limit is {SeedInput.MaxTextLength}.");
        }

        return new BatchSeed(number, StableHash.WorldSeed(text), text);
    }
}

/// <summary>One world of a batch: its line in the seeds file, its int seed, and its text when it was given as text.</summary>
internal sealed record BatchSeed(int Line, int Seed, string? Text);
