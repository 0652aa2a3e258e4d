namespace Vwe.Engines.Lifecycle;

/// <summary>
/// Where an engine is in its life (ARCHITECTURE "Engine lifecycle"). The names are part of the control protocol
/// (<c>state</c> fields) and of metrics, so they are permanent.
/// </summary>
public enum EngineState
{
    /// <summary>Spawned or connecting; not yet answered the handshake (it warms up first).</summary>
    Starting,

    /// <summary>Idle and healthy: may be handed out.</summary>
    Ready,

    /// <summary>Loading a world: constructing the generator and pre-generating lakes, rivers and streams.</summary>
    Generating,

    /// <summary>Sampling a loaded world: an export (files) or a sample (inline values).</summary>
    Exporting,

    /// <summary>Back to a clean state after a job, keeping the last few worlds loaded.</summary>
    Resetting,

    /// <summary>Crashed, hung or broken; never handed out again, only stopped and replaced.</summary>
    Unhealthy,

    /// <summary>Gone: shut down, killed or failed to start. Final.</summary>
    Stopped,
}
