using System.Diagnostics;

namespace Vwe.Pool.Tests;

/// <summary>
/// Waits for an observable state with a deadline, polling: the way to wait for something another process or
/// thread does, never a fixed sleep. A missed deadline fails the test with what was awaited.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>Polls <paramref name="probe"/> until it returns a value; returns it.</summary>
    public static async Task<T> Value<T>(Func<T?> probe, TimeSpan within, string what)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (probe() is { } value)
            {
                return value;
            }

            if (clock.Elapsed > within)
            {
                Assert.Fail($"not within {within.TotalSeconds:0.###} s: {what}");
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds.</summary>
    public static Task True(Func<bool> condition, TimeSpan within, string what) =>
        Value(() => condition() ? what : null, within, what);
}
