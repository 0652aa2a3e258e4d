using System.Globalization;
using System.Text;

namespace Vwe.Tests.Golden;

/// <summary>
/// Collects every difference between golden and computed values and fails once at the end, naming the first
/// difference first (where, field, expected, actual) and how many there were, so one run shows the whole damage.
/// </summary>
internal sealed class Differences(string subject)
{
    private const int Listed = 12;

    private readonly List<string> listed = [];

    public int Count { get; private set; }

    /// <summary>Compares float32 results by bit pattern.</summary>
    public void Bits(string where, string field, uint expected, float actual) =>
        Bits(where, field, expected, Golden.Bits.Of(actual));

    public void Bits(string where, string field, uint expected, uint actual)
    {
        if (expected != actual)
        {
            Add($"{where}: {field} expected {Golden.Bits.Describe(expected)}, actual {Golden.Bits.Describe(actual)}");
        }
    }

    public void Equal<T>(string where, string field, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            Add(string.Create(CultureInfo.InvariantCulture, $"{where}: {field} expected {expected}, actual {actual}"));
        }
    }

    public void Add(string difference)
    {
        Count++;
        if (listed.Count < Listed)
        {
            listed.Add(difference);
        }
    }

    public void AssertNone()
    {
        if (Count == 0)
        {
            return;
        }

        var message = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{subject}: {Count} difference(s); first: {listed[0]}");
        foreach (string difference in listed.Skip(1))
        {
            message.Append(CultureInfo.InvariantCulture, $"\n  then: {difference}");
        }

        if (Count > listed.Count)
        {
            message.Append(CultureInfo.InvariantCulture, $"\n  … and {Count - listed.Count} more");
        }

        Assert.Fail(message.ToString());
    }
}
