using System;
using System.Threading;
using Vwe.Plugins.Core.Worlds;
using Vwe.Protocol;

namespace Vwe.Plugins.Core.Sampling;

/// <summary>
/// Answers a sample request: one base64 little-endian array per asked-for field, <c>count</c> elements each, in
/// point order (docs/protocol.md E17). Cancellation is seen every <see cref="CheckEvery"/> points.
/// </summary>
public static class PointSampler
{
    private const int CheckEvery = 1024;

    /// <summary>Sets <c>count</c> and the arrays of <paramref name="plan"/>'s fields on <paramref name="answer"/>.</summary>
    public static void Sample(IWorldSource world, SamplePlan plan, Message answer, CancellationToken cancellationToken)
    {
        if (world is null || plan is null || answer is null)
        {
            throw new ArgumentNullException(world is null ? nameof(world) : plan is null ? nameof(plan) : nameof(answer));
        }

        int count = plan.Count;
        answer.Count = count;
        foreach (string field in plan.OrderedFields)
        {
            if (field == SampleFields.Biome)
            {
                var values = new ushort[count];
                for (int k = 0; k < count; k++)
                {
                    Check(k, cancellationToken);
                    values[k] = world.GetBiome(plan.Xs[k], plan.Zs[k]);
                }

                answer.Biome = SampleArrays.EncodeUInt16(values);
                continue;
            }

            Func<float, float, float> read = field switch
            {
                SampleFields.Height => world.GetHeight,
                SampleFields.BaseHeight => world.GetBaseHeight,
                SampleFields.River => world.GetRiverWeight,
                _ => world.GetForestFactor,
            };
            var floats = new float[count];
            for (int k = 0; k < count; k++)
            {
                Check(k, cancellationToken);
                floats[k] = read(plan.Xs[k], plan.Zs[k]);
            }

            string encoded = SampleArrays.EncodeSingle(floats);
            switch (field)
            {
                case SampleFields.Height:
                    answer.Height = encoded;
                    break;
                case SampleFields.BaseHeight:
                    answer.BaseHeight = encoded;
                    break;
                case SampleFields.River:
                    answer.River = encoded;
                    break;
                default:
                    answer.Forest = encoded;
                    break;
            }
        }
    }

    private static void Check(int index, CancellationToken cancellationToken)
    {
        if (index % CheckEvery == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
