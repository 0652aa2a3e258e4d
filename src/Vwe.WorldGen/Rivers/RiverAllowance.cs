using Vwe.WorldGen.Unity;

namespace Vwe.WorldGen.Rivers;

/// <summary>
/// <c>IsRiverAllowed(start, lake)</c> for one start lake, computed once per pair and in parallel. The game asks
/// again for every river it adds from the same start; the answer is a pure function of the two points.
/// </summary>
internal sealed class RiverAllowance(WorldGenerator generator, List<Vec2> lakes, int threads)
{
    private const float Step = 128f;
    private const float HeightLimit = 0.4f;

    private readonly bool?[] allowed = new bool?[lakes.Count];
    private int start = -1;

    /// <summary>Switches to the rivers starting at lake <paramref name="startIndex"/>.</summary>
    public void From(int startIndex)
    {
        if (startIndex != start)
        {
            start = startIndex;
            Array.Clear(allowed);
        }
    }

    /// <summary>Computes, in parallel, every pair a search within <paramref name="maxDistance"/> can ask about.</summary>
    public void Prepare(float maxDistance)
    {
        Vec2 p = lakes[start];
        var pending = new List<int>();
        for (int i = 0; i < lakes.Count; i++)
        {
            if (allowed[i] is null && !lakes[i].ApproximatelyEquals(p) && Vec2.Distance(p, lakes[i]) < maxDistance)
            {
                pending.Add(i);
            }
        }

        Parallel.ForEach(pending, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
            allowed[i] = generator.IsRiverAllowed(p, lakes[i], Step, HeightLimit));
    }

    public bool IsAllowed(int lake) =>
        allowed[lake] ?? throw new InvalidOperationException($"river allowance to lake {lake} was not prepared");
}
