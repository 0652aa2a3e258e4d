using Vwe.WorldGen.Unity;

namespace Vwe.WorldGen.Rivers;

/// <summary>
/// The stream passes' searches — "the first of these candidate points whose pre-generation height lies strictly
/// between two limits" — on one or two threads, with the game's answers.
/// </summary>
/// <remarks>
/// <para>Heights are pure within a pass (river points change only when the pass renders at its end), except
/// through the owner's one-cell river cache, which the game leaves stale after a render. So a block of
/// candidates is evaluated on two threads only while the owner's cache is fresh; while it is stale the owner
/// evaluates candidates one by one, in the game's order, exactly as the game does. After a shared block the
/// owner's cache is set to what the game's would hold: the cell of the last river lookup among the candidates
/// the game would have evaluated (up to the first hit). Results after the hit are speculative and dropped.</para>
/// <para>The calling thread never waits for the helper: both claim candidates from a shared counter, results
/// carry the block's number, and a result the helper has not delivered when it is needed is computed again by
/// the caller (the same pure value). A slow or descheduled helper costs nothing but its own work.</para>
/// </remarks>
internal sealed class HeightSearch : IDisposable
{
    private const long LookedUpFlag = 1L << 32;

    private readonly WorldGenerator owner;
    private readonly WorldGenerator fork;
    private readonly bool riverPreDeepNorth;
    private readonly Vec2[] points;

    /// <summary>Per candidate: block number (high 31 bits), lookup flag (bit 32), height bits (low 32).</summary>
    private readonly long[] results;
    private readonly Helper? helper;
    private int block;
    private int claimed;
    private int count;

    /// <summary>One search per stream pass: forks made now hold no river-cache entry from an earlier pass.</summary>
    public HeightSearch(WorldGenerator owner, bool riverPreDeepNorth, int threads, int maxBlock)
    {
        this.owner = owner;
        this.riverPreDeepNorth = riverPreDeepNorth;
        fork = owner.Fork();
        points = new Vec2[maxBlock];
        results = new long[maxBlock];
        if (threads > 1)
        {
            helper = new Helper(this, owner.Fork());
        }
    }

    /// <summary>The index of the first candidate whose height h has <paramref name="min"/> &lt; h &lt; <paramref name="max"/>, or −1.</summary>
    public int FindFirst(ReadOnlySpan<Vec2> candidates, float min, float max)
    {
        if (helper is null || !owner.RiverCacheIsFresh)
        {
            return FindFirstOneByOne(candidates, min, max);
        }

        // Publish: points and the counter first, then the block number the helper watches.
        candidates.CopyTo(points);
        count = candidates.Length;
        Volatile.Write(ref claimed, 0);
        int current = Interlocked.Increment(ref block);
        EvaluateClaimed(fork, current);

        int hit = -1;
        int lastLookup = -1;
        for (int i = 0; i < candidates.Length; i++)
        {
            long result = Volatile.Read(ref results[i]);
            if ((int)(result >> 33) != current)
            {
                result = Evaluate(fork, current, i);
            }

            float height = BitConverter.Int32BitsToSingle((int)result);
            lastLookup = (result & LookedUpFlag) != 0 ? i : lastLookup;
            if (height > min && height < max)
            {
                hit = i;
                break;
            }
        }

        if (lastLookup >= 0)
        {
            owner.RememberRiverCell(RiverCell.Of(candidates[lastLookup].X, candidates[lastLookup].Y));
        }

        return hit;
    }

    public void Dispose() => helper?.Dispose();

    private int FindFirstOneByOne(ReadOnlySpan<Vec2> candidates, float min, float max)
    {
        for (int i = 0; i < candidates.Length; i++)
        {
            float h = owner.GetPregenerationHeight(candidates[i].X, candidates[i].Y, riverPreDeepNorth);
            if (h > min && h < max)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Evaluates candidates of block <paramref name="current"/> until none is left to claim.</summary>
    private void EvaluateClaimed(WorldGenerator evaluator, int current)
    {
        int i;
        while ((i = Interlocked.Increment(ref claimed) - 1) < Volatile.Read(ref count) && Volatile.Read(ref block) == current)
        {
            Evaluate(evaluator, current, i);
        }
    }

    private long Evaluate(WorldGenerator evaluator, int current, int i)
    {
        Vec2 p = points[i];
        long lookups = evaluator.RiverLookups;
        float height = evaluator.GetPregenerationHeight(p.X, p.Y, riverPreDeepNorth);
        long result = ((long)current << 33) | (evaluator.RiverLookups != lookups ? LookedUpFlag : 0)
            | (uint)BitConverter.SingleToInt32Bits(height);
        Volatile.Write(ref results[i], result);
        return result;
    }

    /// <summary>The second thread: watches the block number and joins in on each new block.</summary>
    private sealed class Helper : IDisposable
    {
        private readonly HeightSearch search;
        private readonly WorldGenerator fork;
        private readonly Thread thread;
        private volatile bool stopping;

        public Helper(HeightSearch search, WorldGenerator fork)
        {
            this.search = search;
            this.fork = fork;
            thread = new Thread(Run) { IsBackground = true, Name = "vwe pre-generation helper" };
            thread.Start();
        }

        public void Dispose()
        {
            stopping = true;
            thread.Join();
        }

        private void Run()
        {
            int seen = 0;
            var spin = default(SpinWait);
            while (!stopping)
            {
                int current = Volatile.Read(ref search.block);
                if (current == seen)
                {
                    // Blocks come microseconds apart: never sleep a whole millisecond between them (yielding is
                    // fine). Letting SpinWait reach Thread.Sleep(1) cost most of the gain (docs/benchmarks.md).
                    spin.SpinOnce(sleep1Threshold: -1);
                    continue;
                }

                spin.Reset();
                seen = current;
                search.EvaluateClaimed(fork, current);
            }
        }
    }
}
