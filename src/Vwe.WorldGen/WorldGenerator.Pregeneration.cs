using Vwe.WorldGen.Rivers;
using Vwe.WorldGen.Unity;

namespace Vwe.WorldGen;

/// <summary>
/// Pre-generation (spec §5.8): lakes, rivers, the two stream passes and river rendering. A long chain of RNG
/// draws gated by height tests: list semantics, draw accounting and float running sums are all load-bearing.
/// </summary>
public sealed partial class WorldGenerator
{
    private enum RenderRule
    {
        All,
        SkipDeepNorth,
        OnlyDeepNorth,
    }

    /// <summary>Candidates a stream search evaluates at once on two threads: hits are rarer among end points.</summary>
    private const int StartBlock = 8;
    private const int EndBlock = 16;

    private void Pregenerate(UnityRandom random, int threads)
    {
        world.Lakes = FindLakes(threads);
        world.Rivers = PlaceRivers(random, threads);
        world.Streams = PlaceStreams(random, isDeepNorth: false, threads);
        PlaceStreams(random, isDeepNorth: true, threads);
    }

    /// <summary><c>FindLakes</c>: every 128 m inside the disc where the continent is below 0.05, then merged.</summary>
    private List<Vec2> FindLakes(int threads)
    {
        var rows = new List<float>();
        for (float z = -10000f; z <= 10000f; z = (float)(z + 128.0))
        {
            rows.Add(z);
        }

        // Rows are independent (base height is pure); they are joined in the game's order, z outer, x inner.
        var found = new List<Vec2>[rows.Count];
        Parallel.For(0, rows.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, row =>
        {
            float z = rows[row];
            var points = new List<Vec2>();
            for (float x = -10000f; x <= 10000f; x = (float)(x + 128.0))
            {
                if (!(new Vec2(x, z).Magnitude > 10000f) && GetBaseHeight(x, z) < 0.05f)
                {
                    points.Add(new Vec2(x, z));
                }
            }

            found[row] = points;
        });

        return PointMerger.Merge([.. found.SelectMany(points => points)], 800f);
    }

    /// <summary><c>PlaceRivers</c>: from each lake in turn, rivers to random lakes the terrain allows, until none is left.</summary>
    private List<River> PlaceRivers(UnityRandom random, int threads)
    {
        random.InitState(world.RiverSeed);
        var rivers = new List<River>();
        List<Vec2> lakes = world.Lakes;
        var work = new List<Vec2>(lakes);
        var allowance = new RiverAllowance(this, lakes, threads);
        int removed = 0;
        while (work.Count > 1)
        {
            Vec2 p = work[0];
            allowance.From(removed);
            int end = FindRandomRiverEnd(random, rivers, lakes, p, 2000f, allowance);
            if (end == -1 && !HaveRiver(rivers, p))
            {
                end = FindRandomRiverEnd(random, rivers, lakes, p, 5000f, allowance);
            }

            if (end != -1)
            {
                Vec2 q = lakes[end];
                float widthMax = random.Range(60f, 100f);
                float widthMin = random.Range(60f, widthMax);
                float length = Vec2.Distance(p, q);
                rivers.Add(new River(
                    p, q, (p + q) * 0.5f, widthMin, widthMax, (float)(length / 15.0), (float)(length / 20.0)));
            }
            else
            {
                work.RemoveAt(0);
                removed++;
            }
        }

        RenderRivers(random, rivers, RenderRule.All, threads);
        return rivers;
    }

    /// <summary><c>FindRandomRiverEnd</c>: one int draw, and only when there is a candidate.</summary>
    private static int FindRandomRiverEnd(
        UnityRandom random, List<River> rivers, List<Vec2> points, Vec2 p, float maxDistance, RiverAllowance allowance)
    {
        allowance.Prepare(maxDistance);
        var candidates = new List<int>();
        for (int i = 0; i < points.Count; i++)
        {
            if (!points[i].ApproximatelyEquals(p)
                && Vec2.Distance(p, points[i]) < maxDistance
                && !HaveRiver(rivers, p, points[i])
                && allowance.IsAllowed(i))
            {
                candidates.Add(i);
            }
        }

        return candidates.Count == 0 ? -1 : candidates[random.Range(0, candidates.Count)];
    }

    private static bool HaveRiver(List<River> rivers, Vec2 p)
    {
        foreach (River river in rivers)
        {
            if (river.P0.ApproximatelyEquals(p) || river.P1.ApproximatelyEquals(p))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HaveRiver(List<River> rivers, Vec2 a, Vec2 b)
    {
        foreach (River river in rivers)
        {
            if ((river.P0.ApproximatelyEquals(a) && river.P1.ApproximatelyEquals(b))
                || (river.P0.ApproximatelyEquals(b) && river.P1.ApproximatelyEquals(a)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>IsRiverAllowed</c>: no point of the path above the limit, and not all of it under water.</summary>
    internal bool IsRiverAllowed(Vec2 p0, Vec2 p1, float step, float heightLimit)
    {
        float length = Vec2.Distance(p0, p1);
        Vec2 direction = (p1 - p0).Normalized;
        bool allWater = true;
        for (float s = step; s <= length - step; s = (float)(s + (double)step))
        {
            float x = (float)(p0.X + (double)(direction.X * s));
            float z = (float)(p0.Y + (double)(direction.Y * s));
            float baseHeight = GetBaseHeight(x, z);
            if (baseHeight > heightLimit)
            {
                return false;
            }

            if (baseHeight > 0.05f)
            {
                allWater = false;
            }
        }

        return !allWater;
    }

    private List<River> PlaceStreams(UnityRandom random, bool isDeepNorth, int threads)
    {
        random.InitState(world.StreamSeed);
        bool riverPreDeepNorth = !isDeepNorth;
        var streams = new List<River>();
        using (var search = new HeightSearch(this, riverPreDeepNorth, threads, Math.Max(StartBlock, EndBlock)))
        {
            for (int n = 0; n < 3000; n++)
            {
                if (!FindStreamStartPoint(random, search, 100, 26f, 31f, out Vec2 start)
                    || !FindStreamEndPoint(random, search, 100, 36f, 44f, start, 80f, 200f, out Vec2 end))
                {
                    continue;
                }

                Vec2 center = new((float)((float)(start.X + (double)end.X) * 0.5), (float)((float)(start.Y + (double)end.Y) * 0.5));
                float middleHeight = GetPregenerationHeight(center.X, center.Y, riverPreDeepNorth);
                float length = Vec2.Distance(start, end);
                if (!(middleHeight < 26f) && !(middleHeight > 44f))
                {
                    streams.Add(new River(start, end, center, 20f, 20f, (float)(length / 15.0), (float)(length / 20.0)));
                }
            }
        }

        RenderRivers(random, streams, isDeepNorth ? RenderRule.OnlyDeepNorth : RenderRule.SkipDeepNorth, threads);
        return streams;
    }

    /// <summary><c>FindStreamStartPoint</c>: two draws (x, z) per try, in blocks; draws after the hit are given back.</summary>
    private static bool FindStreamStartPoint(
        UnityRandom random, HeightSearch search, int iterations, float minHeight, float maxHeight, out Vec2 point)
    {
        Span<Vec2> candidates = stackalloc Vec2[StartBlock];
        for (int first = 0; first < iterations; first += StartBlock)
        {
            int count = Math.Min(StartBlock, iterations - first);
            RandomState before = random.State;
            for (int i = 0; i < count; i++)
            {
                float x = random.Range(-10000f, 10000f);
                float z = random.Range(-10000f, 10000f);
                candidates[i] = new Vec2(x, z);
            }

            int hit = search.FindFirst(candidates[..count], minHeight, maxHeight);
            if (hit >= 0)
            {
                random.State = before;
                for (int i = 0; i < 2 * (hit + 1); i++)
                {
                    random.NextUInt();
                }

                point = candidates[hit];
                return true;
            }
        }

        point = default;
        return false;
    }

    /// <summary><c>FindStreamEndPoint</c>: one angle draw per try at a shrinking distance, in blocks.</summary>
    private static bool FindStreamEndPoint(
        UnityRandom random, HeightSearch search, int iterations, float minHeight, float maxHeight, Vec2 start,
        float minLength, float maxLength, out Vec2 point)
    {
        // Float lengths: (200 - 80) / 100 = 1.2f, not an integer division.
        float stepLength = (float)((maxLength - (double)minLength) / iterations);
        float length = maxLength;
        Span<Vec2> candidates = stackalloc Vec2[EndBlock];
        for (int first = 0; first < iterations; first += EndBlock)
        {
            int count = Math.Min(EndBlock, iterations - first);
            RandomState before = random.State;
            for (int i = 0; i < count; i++)
            {
                length = (float)(length - (double)stepLength);
                float angle = random.Range(0f, 6.2831854820251465f);
                float x = (float)(start.X + (double)(DUtils.Sin(angle) * length));
                float z = (float)(start.Y + (double)(DUtils.Cos(angle) * length));
                candidates[i] = new Vec2(x, z);
            }

            int hit = search.FindFirst(candidates[..count], minHeight, maxHeight);
            if (hit >= 0)
            {
                random.State = before;
                for (int i = 0; i <= hit; i++)
                {
                    random.NextUInt();
                }

                point = candidates[hit];
                return true;
            }
        }

        point = default;
        return false;
    }

    /// <summary>
    /// <c>RenderRivers</c>: points along each river's wavy centre line, one width draw per point. The line is a pure
    /// function of the river, so the rivers' lines are traced in parallel; the draws follow in the game's order.
    /// </summary>
    private void RenderRivers(UnityRandom random, List<River> rivers, RenderRule rule, int threads)
    {
        List<River> drawn = rule == RenderRule.All
            ? rivers
            : [.. rivers.Where(river => IsDeepnorth(river.P0.X, river.P0.Y) == (rule == RenderRule.OnlyDeepNorth))];
        var lines = new List<Vec2>[drawn.Count];
        Parallel.For(0, drawn.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i => lines[i] = Trace(drawn[i]));

        var points = new List<RiverPoint>(lines.Sum(line => line.Count));
        for (int i = 0; i < drawn.Count; i++)
        {
            foreach (Vec2 p in lines[i])
            {
                float width = random.Range(drawn[i].WidthMin, drawn[i].WidthMax);
                points.Add(new RiverPoint(p, width, width * width));
            }
        }

        world.RiverPoints.Append(points);
    }

    /// <summary>The rendered points of one river: every width/8 metres along the chord, bent by three sines.</summary>
    private static List<Vec2> Trace(River river)
    {
        float step = (float)(river.WidthMin / 8.0);
        Vec2 direction = (river.P1 - river.P0).Normalized;
        var perpendicular = new Vec2(-direction.Y, direction.X);
        float length = Vec2.Distance(river.P0, river.P1);
        var line = new List<Vec2>((int)(length / step) + 2);
        for (float s = 0f; s <= length; s = (float)(s + (double)step))
        {
            float t = (float)(s / (double)river.CurveWavelength);
            float offset = (float)(Libm.Sin(t) * Libm.Sin(t * 0.634119987487793) * Libm.Sin(t * 0.3341200053691864)
                * river.CurveWidth);
            float px = (float)((float)(river.P0.X + (double)(direction.X * s)) + (double)(perpendicular.X * offset));
            float pz = (float)((float)(river.P0.Y + (double)(direction.Y * s)) + (double)(perpendicular.Y * offset));
            line.Add(new Vec2(px, pz));
        }

        return line;
    }
}
