using System.Globalization;

namespace Vwe.Engines.Hosting;

/// <summary>
/// Faults an engine host can be told to commit, for testing the pool against real failures: only ever set by
/// the <c>--fault</c> option given when the engine is spawned. Each one really happens: the process kills
/// itself with SIGKILL, stops answering, sleeps or exits.
/// </summary>
/// <param name="FailStart">Exit with code 1 before the handshake.</param>
/// <param name="SlowStart">Sleep this long before the handshake.</param>
/// <param name="CrashOnJob">Kill itself (SIGKILL) when the Nth job (load, export or sample; 1-based) arrives.</param>
/// <param name="HangOnJob">From the Nth job on, answer nothing at all, pings included.</param>
/// <param name="HangLoadOnJob">The Nth job's world load never finishes; pings are still answered.</param>
public sealed record EngineFaults(bool FailStart, TimeSpan SlowStart, int? CrashOnJob, int? HangOnJob, int? HangLoadOnJob)
{
    public static EngineFaults None { get; } = new(false, TimeSpan.Zero, null, null, null);

    public const string Help =
        "fail-start | slow-start:MS | crash:N | hang:N | hang-load:N (N = the 1-based job it hits); for testing only";

    /// <summary>Parses <c>--fault</c> values; an unknown one throws <see cref="FormatException"/> listing the known.</summary>
    public static EngineFaults Parse(IEnumerable<string> faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        EngineFaults result = None;
        foreach (string fault in faults)
        {
            string[] parts = fault.Split(':', 2);
            result = parts[0] switch
            {
                "fail-start" when parts.Length == 1 => result with { FailStart = true },
                "slow-start" when parts.Length == 2 => result with { SlowStart = TimeSpan.FromMilliseconds(Number(fault, parts[1])) },
                "crash" when parts.Length == 2 => result with { CrashOnJob = Number(fault, parts[1]) },
                "hang" when parts.Length == 2 => result with { HangOnJob = Number(fault, parts[1]) },
                "hang-load" when parts.Length == 2 => result with { HangLoadOnJob = Number(fault, parts[1]) },
                _ => throw new FormatException($"--fault '{fault}' is not one of: {Help}"),
            };
        }

        return result;
    }

    private static int Number(string fault, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= 1
            ? value
            : throw new FormatException($"--fault '{fault}': '{text}' is not a whole number ≥ 1");
}
