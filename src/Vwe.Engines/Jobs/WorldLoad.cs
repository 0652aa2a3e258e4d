namespace Vwe.Engines.Jobs;

/// <summary>A loaded world: <paramref name="Cached"/> when it was still loaded from an earlier job (then <paramref name="Duration"/> is near zero).</summary>
public sealed record WorldLoad(int Seed, bool Cached, TimeSpan Duration);
