using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Vwe.Plugins.Core.Export;

/// <summary>
/// How manifest.json and run.json are written, as src/Vwe.Maps writes them (docs/formats.md): UTF-8 without BOM,
/// indented by two spaces, <c>\n</c> line ends whatever the platform, strings unescaped except the seed text,
/// which <see cref="Quote"/> keeps pure ASCII.
/// </summary>
internal static class JsonText
{
    public static JsonWriterOptions Indented { get; } = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// A JSON string literal of <paramref name="text"/> with every character outside printable ASCII, and <c>"</c>
    /// and <c>\</c>, as <c>\uXXXX</c> per UTF-16 code unit (lone surrogates included: they are valid seed texts).
    /// </summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        builder.Append('"');
        foreach (char c in text)
        {
            if (c >= ' ' && c <= '~' && c != '"' && c != '\\')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return builder.Append('"').ToString();
    }
}
