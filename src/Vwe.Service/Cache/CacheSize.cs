using System.Globalization;

namespace Vwe.Service.Cache;

/// <summary>
/// Byte sizes as <c>--cache-size</c> takes them: a plain number of bytes, or a number with a unit: KB, MB, GB, TB
/// (powers of 1000) or KiB, MiB, GiB, TiB (powers of 1024), e.g. <c>2GB</c>, <c>512MiB</c>, <c>1.5GB</c>.
/// </summary>
public static class CacheSize
{
    private static readonly (string Unit, long Factor)[] Units =
    [
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30), ("TiB", 1L << 40),
        ("KB", 1_000), ("MB", 1_000_000), ("GB", 1_000_000_000), ("TB", 1_000_000_000_000), ("B", 1),
    ];

    /// <summary>The number of bytes, or a <see cref="FormatException"/> saying what is accepted.</summary>
    public static long Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        long factor = 1;
        foreach ((string unit, long unitFactor) in Units)
        {
            if (trimmed.EndsWith(unit, StringComparison.OrdinalIgnoreCase))
            {
                trimmed = trimmed[..^unit.Length].TrimEnd();
                factor = unitFactor;
                break;
            }
        }

        if (!double.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double number)
            || !double.IsFinite(number) || number * factor >= long.MaxValue)
        {
            throw new FormatException(
                $"'{text}' is not a size; give bytes, or a number with KB, MB, GB, TB (powers of 1000) or KiB, MiB, GiB, TiB, e.g. 2GB");
        }

        return (long)Math.Round(number * factor);
    }

    /// <summary>A size for logs and messages, e.g. <c>1.5 GB</c>.</summary>
    public static string Format(long bytes) => bytes switch
    {
        >= 1_000_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:0.##} GB"),
        >= 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.##} MB"),
        >= 1_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e3:0.##} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };
}
