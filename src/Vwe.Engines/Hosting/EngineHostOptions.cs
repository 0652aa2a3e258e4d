namespace Vwe.Engines.Hosting;

/// <summary>How <c>vwe engine</c> runs: the engine's options, faults to commit (tests only), and a parent to outlive no longer.</summary>
public sealed record EngineHostOptions
{
    public EngineOptions Engine { get; init; } = new();

    public EngineFaults Faults { get; init; } = EngineFaults.None;

    /// <summary>Exit when this process is gone (for TCP engines, whose stdin says nothing about the parent).</summary>
    public int? ParentProcessId { get; init; }

    /// <summary>The kind the hello reports: <c>process</c>, or <c>container</c> inside an image.</summary>
    public string Kind { get; init; } = "process";
}
