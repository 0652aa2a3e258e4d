namespace Vwe.Engines.Jobs;

/// <summary>Values of <paramref name="Fields"/> at the points of <paramref name="Area"/> in world <paramref name="Seed"/>, answered inline.</summary>
public sealed record SampleJob(int Seed, SampleArea Area, SampleFields Fields, TimeSpan? Deadline = null);
