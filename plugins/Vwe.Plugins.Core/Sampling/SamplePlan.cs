using System.Collections.Generic;
using System.Linq;

namespace Vwe.Plugins.Core.Sampling;

/// <summary>
/// One checked sample request (docs/protocol.md §5.5): the points as float32 coordinates, each computed in double
/// and rounded once (E16), and the fields asked for.
/// </summary>
public sealed class SamplePlan
{
    public SamplePlan(int seed, float[] xs, float[] zs, IEnumerable<string> fields)
    {
        Seed = seed;
        Xs = xs;
        Zs = zs;
        Fields = new HashSet<string>(fields);
    }

    public int Seed { get; }

    public float[] Xs { get; }

    public float[] Zs { get; }

    public int Count => Xs.Length;

    /// <summary>Any of <see cref="Protocol.SampleFields"/>.</summary>
    public ISet<string> Fields { get; }

    /// <summary>The fields in the order answers list them.</summary>
    public IEnumerable<string> OrderedFields => Protocol.SampleFields.All.Where(Fields.Contains);
}
