using System.Diagnostics;

namespace Vwe.Service.Tests.Support;

/// <summary>
/// Waits for an observable state with a deadline, polling: the way to wait for what another process does, never a
/// fixed sleep. A missed deadline fails the test naming what was awaited and the last thing seen.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Polls <paramref name="probe"/> until <paramref name="done"/> holds for its value; returns that value.</summary>
    public static async Task<T> Value<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan within, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            T value = await probe();
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed > within)
            {
                Assert.Fail($"not within {within.TotalSeconds:0.###} s: {what}; last seen: {value}");
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds.</summary>
    public static Task True(Func<bool> condition, TimeSpan within, string what) =>
        Value(() => Task.FromResult(condition()), held => held, within, what);
}
