namespace Vwe.Plugins.Core.Tests.Support;

/// <summary>Deadlines for waiting on a condition; never a sleep.</summary>
internal static class Patience
{
    /// <summary>For anything a loaded engine does in about a second (a world load included).</summary>
    public static readonly TimeSpan Long = TimeSpan.FromSeconds(60);
}
