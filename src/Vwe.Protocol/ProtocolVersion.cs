namespace Vwe.Protocol;

/// <summary>
/// The protocol's version number (docs/protocol.md §3). Fields and message types are only ever added, so a new
/// number means a change an old reader would misread: a field whose meaning or type changed, or one removed.
/// </summary>
public static class ProtocolVersion
{
    /// <summary>The one version this library speaks.</summary>
    public const int Current = 1;
}
