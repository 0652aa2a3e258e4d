namespace Vwe.Protocol;

/// <summary>
/// The grid of an export: <see cref="Size"/> × <see cref="Size"/> pixels <see cref="PixelSize"/> metres apart,
/// centred on the world (docs/formats.md, "Grid conventions"). The game's minimap is 2048 × 12.
/// </summary>
public sealed class GridArgs
{
    /// <summary>Pixels per side.</summary>
    public int Size { get; set; }

    /// <summary>Metres between pixel centres.</summary>
    public double PixelSize { get; set; }
}
