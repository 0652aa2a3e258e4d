namespace Vwe.Protocol;

/// <summary>The names an engine reports in <c>state</c> (docs/protocol.md §6.3). Names are permanent.</summary>
public static class EngineStates
{
    public const string Starting = "Starting";
    public const string Ready = "Ready";
    public const string Generating = "Generating";
    public const string Exporting = "Exporting";
    public const string Resetting = "Resetting";
    public const string Unhealthy = "Unhealthy";
    public const string Stopped = "Stopped";
}
