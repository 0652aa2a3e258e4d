namespace Vwe.Engines.Lifecycle;

/// <summary>
/// The lifecycle as a table: each state and the states it may move to. Anything else is a bug in the caller and
/// <see cref="EngineLifecycle.MoveTo"/> throws.
/// </summary>
public static class EngineTransitions
{
    private static readonly Dictionary<EngineState, EngineState[]> Allowed = new()
    {
        [EngineState.Starting] = [EngineState.Ready, EngineState.Unhealthy, EngineState.Stopped],

        // A world already loaded goes straight to Exporting.
        [EngineState.Ready] = [EngineState.Generating, EngineState.Exporting, EngineState.Unhealthy, EngineState.Stopped],

        // Resetting straight after Generating: a load-only job, or an export refused after the load.
        [EngineState.Generating] = [EngineState.Exporting, EngineState.Resetting, EngineState.Unhealthy, EngineState.Stopped],
        [EngineState.Exporting] = [EngineState.Resetting, EngineState.Unhealthy, EngineState.Stopped],
        [EngineState.Resetting] = [EngineState.Ready, EngineState.Unhealthy, EngineState.Stopped],

        // Replaced, not repaired.
        [EngineState.Unhealthy] = [EngineState.Stopped],
        [EngineState.Stopped] = [],
    };

    public static bool IsAllowed(EngineState from, EngineState to) => Allowed[from].Contains(to);

    public static IReadOnlyList<EngineState> From(EngineState state) => Allowed[state];

    /// <summary>States in which the engine is doing a job.</summary>
    public static bool IsBusy(EngineState state) =>
        state is EngineState.Generating or EngineState.Exporting or EngineState.Resetting;
}
