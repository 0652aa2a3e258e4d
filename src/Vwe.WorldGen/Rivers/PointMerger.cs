using Vwe.WorldGen.Unity;

namespace Vwe.WorldGen.Rivers;

/// <summary>
/// <c>MergePoints</c> and <c>FindClosest</c> (spec §5.8), bucketed. The game scans the whole list for each
/// search (quadratic); this finds the same point by scanning only the buckets within range. What must not
/// change is the game's list semantics: take the first point, merge the nearest into a running midpoint,
/// swap-remove the merged point, ties to the lowest list position, Unity's epsilon equality.
/// </summary>
internal sealed class PointMerger
{
    private readonly float range;
    private readonly Vec2[] points;

    /// <summary>The game's list, as point ids; <c>RemoveAt(0)</c> moves <see cref="head"/> instead of shifting.</summary>
    private readonly int[] list;
    private readonly int[] positionOf;
    private readonly Dictionary<(int X, int Z), List<int>> buckets = [];
    private int head;
    private int count;

    private PointMerger(List<Vec2> input, float range)
    {
        this.range = range;
        points = [.. input];
        count = points.Length;
        list = new int[count];
        positionOf = new int[count];
        for (int id = 0; id < count; id++)
        {
            list[id] = id;
            positionOf[id] = id;
            Bucket(points[id]).Add(id);
        }
    }

    public static List<Vec2> Merge(List<Vec2> input, float range) => new PointMerger(input, range).Run();

    private List<Vec2> Run()
    {
        var result = new List<Vec2>();
        while (count > head)
        {
            int first = list[head];
            Remove(first);
            head++;
            Vec2 v = points[first];
            while (FindClosest(v) is int closest and >= 0)
            {
                Vec2 other = points[closest];
                v = new Vec2((float)((v.X + other.X) * 0.5f), (float)((v.Y + other.Y) * 0.5f));

                // Swap-remove: the last point of the list takes the merged point's position.
                int position = positionOf[closest];
                int last = list[count - 1];
                list[position] = last;
                positionOf[last] = position;
                count--;
                Remove(closest);
            }

            result.Add(v);
        }

        return result;
    }

    /// <summary>The nearest point within range that is not equal to <paramref name="p"/>; ties to the lowest position; −1 if none.</summary>
    private int FindClosest(Vec2 p)
    {
        int best = -1;
        int bestPosition = int.MaxValue;
        float bestDistance = 99999f;
        (int bx, int bz) = BucketOf(p);
        for (int dz = -1; dz <= 1; dz++)
        {
            for (int dx = -1; dx <= 1; dx++)
            {
                if (!buckets.TryGetValue((bx + dx, bz + dz), out List<int>? bucket))
                {
                    continue;
                }

                foreach (int id in bucket)
                {
                    Vec2 q = points[id];
                    if (q.ApproximatelyEquals(p))
                    {
                        continue;
                    }

                    float distance = Vec2.Distance(p, q);
                    int position = positionOf[id];
                    if (distance < range && (distance < bestDistance || (distance == bestDistance && position < bestPosition)))
                    {
                        best = id;
                        bestDistance = distance;
                        bestPosition = position;
                    }
                }
            }
        }

        return best;
    }

    private void Remove(int id)
    {
        List<int> bucket = Bucket(points[id]);
        int index = bucket.IndexOf(id);
        bucket[index] = bucket[^1];
        bucket.RemoveAt(bucket.Count - 1);
    }

    private List<int> Bucket(Vec2 p)
    {
        (int, int) key = BucketOf(p);
        if (!buckets.TryGetValue(key, out List<int>? bucket))
        {
            bucket = [];
            buckets.Add(key, bucket);
        }

        return bucket;
    }

    /// <summary>Buckets as wide as the range: a point within range lies in the 3 × 3 buckets around.</summary>
    private (int X, int Z) BucketOf(Vec2 p) => ((int)Math.Floor(p.X / range), (int)Math.Floor(p.Y / range));
}
