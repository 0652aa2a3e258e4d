using Vwe.Engines.Lifecycle;

namespace Vwe.Engines.Jobs;

/// <summary>A ping's answer: the engine's own view of its state, its loaded worlds and jobs done, and the round trip.</summary>
public sealed record EnginePing(EngineState State, IReadOnlyList<int> LoadedWorlds, long Jobs, TimeSpan RoundTrip);
