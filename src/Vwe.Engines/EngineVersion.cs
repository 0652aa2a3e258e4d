using System.Reflection;

namespace Vwe.Engines;

/// <summary>The engine's version as the handshake reports it, e.g. <c>vwe 0.3.0</c>.</summary>
public static class EngineVersion
{
    public static string Text { get; } =
        "vwe " + (typeof(EngineVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0");
}
