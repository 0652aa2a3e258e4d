using System;
using System.Text;

namespace Vwe.Protocol;

/// <summary>The start of a frame, quoted for an error message, so a reader of the log sees what arrived.</summary>
internal static class FrameText
{
    private const int MaxExcerptBytes = 60;

    public static string Excerpt(ReadOnlySpan<byte> frame)
    {
        var head = frame.Length <= MaxExcerptBytes ? frame : frame.Slice(0, MaxExcerptBytes);
        string text = Encoding.UTF8.GetString(head.ToArray());
        var quoted = new StringBuilder(text.Length + 8).Append('\'');
        foreach (char c in text)
        {
            if (c < ' ' || c == '\u007f')
            {
                quoted.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                quoted.Append(c);
            }
        }

        quoted.Append(frame.Length > MaxExcerptBytes ? "…'" : "'");
        return quoted.ToString();
    }
}
