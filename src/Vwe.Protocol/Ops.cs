using System.Collections.Generic;

namespace Vwe.Protocol;

/// <summary>The <c>op</c> of a request (docs/protocol.md §5). Names are permanent.</summary>
public static class Ops
{
    public const string Hello = "hello";
    public const string Ping = "ping";
    public const string Load = "load";
    public const string Export = "export";
    public const string Sample = "sample";
    public const string Reset = "reset";
    public const string Cancel = "cancel";
    public const string Shutdown = "shutdown";

    /// <summary>Every op of <see cref="ProtocolVersion.Current"/>, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Hello, Ping, Load, Export, Sample, Reset, Cancel, Shutdown];

    /// <summary>
    /// Whether <paramref name="op"/> is a job: work an engine does one at a time, answering a second one with
    /// <see cref="ErrorCodes.Busy"/>. The other ops are answered at once, even while a job runs.
    /// </summary>
    public static bool IsJob(string? op) => op is Load or Export or Sample or Reset;
}
