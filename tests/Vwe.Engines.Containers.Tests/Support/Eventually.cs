using System.Diagnostics;

namespace Vwe.Engines.Containers.Tests.Support;

/// <summary>Waits for an observable state with a deadline, polling; a missed deadline fails the test with what was awaited.</summary>
internal static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public static async Task True(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > within)
            {
                Assert.Fail($"not within {within.TotalSeconds:0.###} s: {what}");
            }

            await Task.Delay(PollInterval);
        }
    }

    public static Task True(Func<bool> condition, TimeSpan within, string what) => True(() => Task.FromResult(condition()), within, what);
}
