using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Vwe.Maps.Export;

/// <summary>
/// How every JSON file of an export is written: UTF-8 without BOM, <c>\n</c> line ends whatever the platform,
/// numbers in the invariant shortest round-trip form. Strings are written as they are (no HTML-style escaping of
/// <c>+</c> or <c>&lt;</c>: these files are never embedded in a page); the one string that comes from a user, the
/// seed text, goes through <see cref="Quote"/>, which keeps the deterministic files pure ASCII.
/// </summary>
internal static class ExportJson
{
    /// <summary>manifest.json and run.json: indented for people.</summary>
    public static JsonWriterOptions Indented { get; } = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>biomes.json and heightmap.json: compact, they are for programs.</summary>
    public static JsonWriterOptions Compact { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// A JSON string literal of <paramref name="text"/> with every character outside printable ASCII, and
    /// <c>"</c> and <c>\</c>, escaped as <c>\uXXXX</c> per UTF-16 code unit. Unlike the writer's encoder this also
    /// takes lone surrogates, which are valid .NET strings and valid seed texts.
    /// </summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        builder.Append('"');
        foreach (char c in text)
        {
            if (c is >= ' ' and <= '~' and not '"' and not '\\')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Writes <paramref name="text"/> through <see cref="Quote"/>, or null.</summary>
    public static void WriteAsciiString(Utf8JsonWriter writer, string propertyName, string? text)
    {
        writer.WritePropertyName(propertyName);
        if (text is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteRawValue(Quote(text), skipInputValidation: true);
        }
    }
}
