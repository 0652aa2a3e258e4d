using Vwe.WorldGen.Unity;

namespace Vwe.WorldGen.Rivers;

/// <summary>
/// <c>MergePoints</c> and <c>FindClosest</c> (spec §5.8): order-sensitive. The list operations — take the first,
/// merge into a running midpoint, swap-remove the merged point, ties to the lowest index, Unity's epsilon
/// equality — are the game's and must stay as they are.
/// </summary>
internal static class PointMerger
{
    public static List<Vec2> Merge(List<Vec2> points, float range)
    {
        var remaining = new List<Vec2>(points);
        var result = new List<Vec2>();
        while (remaining.Count > 0)
        {
            Vec2 v = remaining[0];
            remaining.RemoveAt(0);
            while (true)
            {
                int closest = FindClosest(remaining, v, range);
                if (closest == -1)
                {
                    break;
                }

                Vec2 other = remaining[closest];
                v = new Vec2((float)((v.X + other.X) * 0.5f), (float)((v.Y + other.Y) * 0.5f));
                remaining[closest] = remaining[^1];
                remaining.RemoveAt(remaining.Count - 1);
            }

            result.Add(v);
        }

        return result;
    }

    private static int FindClosest(List<Vec2> points, Vec2 p, float maxDistance)
    {
        int best = -1;
        float bestDistance = 99999f;
        for (int i = 0; i < points.Count; i++)
        {
            if (points[i].ApproximatelyEquals(p))
            {
                continue;
            }

            float distance = Vec2.Distance(p, points[i]);
            if (distance < maxDistance && distance < bestDistance)
            {
                best = i;
                bestDistance = distance;
            }
        }

        return best;
    }
}
