namespace Vwe.Maps.Grid;

/// <summary>
/// A run of whole rows of a grid, <see cref="FirstRow"/> (southernmost) to <see cref="FirstRow"/> + <see cref="RowCount"/> − 1.
/// Arrays are row-major, index <c>(row − FirstRow) · Size + column</c>. Buffers are reused: a sink must not keep
/// a reference to a band after <see cref="IGridSink.Write"/> returns.
/// </summary>
public sealed class GridBand
{
    internal GridBand(int size, int capacityRows, GridLayers layers)
    {
        Size = size;
        int length = size * capacityRows;
        Biomes = new ushort[length];
        Heights = new float[length];
        RiverWeights = layers.HasFlag(GridLayers.River) ? new float[length] : null;
        ForestFactors = layers.HasFlag(GridLayers.Forest) ? new float[length] : null;
    }

    public int Size { get; }

    public int FirstRow { get; internal set; }

    public int RowCount { get; internal set; }

    public int PixelCount => Size * RowCount;

    /// <summary><c>GetBiome</c> flags as uint16.</summary>
    public ushort[] Biomes { get; }

    /// <summary><c>GetBiomeHeight(GetBiome)</c> in metres.</summary>
    public float[] Heights { get; }

    public float[]? RiverWeights { get; }

    public float[]? ForestFactors { get; }

    public float[] Layer(GridLayers layer) => layer switch
    {
        GridLayers.River => RiverWeights,
        GridLayers.Forest => ForestFactors,
        _ => null,
    } ?? throw new InvalidOperationException($"layer {layer} was not sampled");
}

/// <summary>Receives a grid band by band, north to south (bands in descending row order), on one thread.</summary>
public interface IGridSink : IDisposable
{
    void Write(GridBand band);

    /// <summary>All bands were written; flush and close. Not called when sampling fails or is cancelled.</summary>
    void Complete();
}
