using System.Reflection;

namespace Vwe.Protocol.Tests.Support;

/// <summary>
/// Frames with every property set to a value of its own, so a property the serializer drops or misnames shows
/// up as a difference, and a checker that compares two frames property by property, naming the first difference.
/// </summary>
internal static class Populated
{
    public static T Every<T>()
        where T : new()
    {
        var value = new T();
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            property.SetValue(value, ValueFor(property.PropertyType, property.Name));
        }

        return value;
    }

    /// <summary>Fails with the path of the first property that differs.</summary>
    public static void AssertSame(object? expected, object? actual, string path = "$")
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: expected {expected ?? "null"}, got {actual ?? "null"}");
            return;
        }

        Assert.Equal(expected.GetType(), actual.GetType());
        switch (expected)
        {
            case string or long or int or bool:
                Assert.True(expected.Equals(actual), $"{path}: expected {expected}, got {actual}");
                break;
            case double number:
                Assert.True(
                    BitConverter.DoubleToInt64Bits(number) == BitConverter.DoubleToInt64Bits((double)actual),
                    $"{path}: expected {number:R}, got {actual:R}");
                break;
            case Array array:
                var other = (Array)actual;
                Assert.True(array.Length == other.Length, $"{path}: expected {array.Length} elements, got {other.Length}");
                for (int i = 0; i < array.Length; i++)
                {
                    AssertSame(array.GetValue(i), other.GetValue(i), $"{path}[{i}]");
                }

                break;
            default:
                foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    AssertSame(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
                }

                break;
        }
    }

    private static object ValueFor(Type type, string name) =>
        (Nullable.GetUnderlyingType(type) ?? type) switch
        {
            var t when t == typeof(long) => 1_000_000_007L * name.Length,
            var t when t == typeof(int) => (3 * name.Length) + 1,
            var t when t == typeof(double) => name.Length + 0.25,
            var t when t == typeof(bool) => true,
            var t when t == typeof(string) => $"{name} é+/\"",
            var t when t == typeof(string[]) => new[] { name, "b" },
            var t when t == typeof(int[]) => new[] { -1, name.Length },
            var t when t == typeof(double[]) => new[] { -0.5, 1e300, name.Length },
            var t when t == typeof(GridArgs) => new GridArgs { Size = 2048, PixelSize = 12.5 },
            var t when t == typeof(RegionArgs) => new RegionArgs { X = -9200.5, Z = 400, Step = 12, Columns = 3, Rows = 2 },
            var t when t == typeof(FileEntry[]) => new[]
            {
                new FileEntry { Name = "grid.bin", Bytes = 25_165_824, Sha256 = new string('a', 64) },
                new FileEntry { Name = "biomes.png", Bytes = 138_812, Sha256 = new string('b', 64), PixelsSha256 = new string('c', 64) },
            },
            _ => throw new NotSupportedException($"no test value for property {name} of type {type}; add one here"),
        };
}
