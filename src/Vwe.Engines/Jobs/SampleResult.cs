namespace Vwe.Engines.Jobs;

/// <summary>One array per requested field, <see cref="Count"/> long, in the area's order; null for a field not asked for.</summary>
public sealed record SampleResult(
    int Count, ushort[]? Biome, float[]? Height, float[]? BaseHeight, float[]? River, float[]? Forest, TimeSpan LoadTime, TimeSpan SampleTime);
