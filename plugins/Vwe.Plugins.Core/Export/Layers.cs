using System;
using System.Collections.Generic;
using System.Linq;

namespace Vwe.Plugins.Core.Export;

/// <summary>The optional float32 layers of an export, written as <c>&lt;name&gt;.bin</c> (docs/formats.md, "Layer files").</summary>
[Flags]
public enum Layers
{
    None = 0,

    /// <summary><c>river.bin</c>: the weight <c>GetRiverWeight</c> returns.</summary>
    River = 1,

    /// <summary><c>forest.bin</c>: <c>GetForestFactor</c>.</summary>
    Forest = 2,
}

/// <summary>The permanent names of <see cref="Layers"/>, in the fixed order manifests list them.</summary>
public static class LayerNames
{
    public static IReadOnlyList<KeyValuePair<Layers, string>> All { get; } =
    [
        new(Layers.River, "river"),
        new(Layers.Forest, "forest"),
    ];

    /// <summary>The names of <paramref name="layers"/> in manifest order.</summary>
    public static IEnumerable<string> Each(Layers layers) =>
        All.Where(entry => (layers & entry.Key) != 0).Select(entry => entry.Value);

    /// <summary>The file of one layer: its name plus <c>.bin</c>.</summary>
    public static string FileName(Layers layer) => All.First(entry => entry.Key == layer).Value + ".bin";
}
