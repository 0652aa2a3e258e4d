using Vwe.Engines;
using Vwe.Engines.Lifecycle;

namespace Vwe.Pool;

/// <summary>One engine as the pool sees it at a moment.</summary>
public sealed record EngineSnapshot(
    string Id, EngineKind Kind, EngineState State, bool Leased, IReadOnlyList<int> LoadedWorlds, long JobsDone, DateTimeOffset CreatedUtc, int? ProcessId);
