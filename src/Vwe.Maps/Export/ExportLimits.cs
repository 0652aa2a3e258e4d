namespace Vwe.Maps.Export;

/// <summary>
/// Grid sizes above which a format is refused before anything is written. The JSON exporters buffer the whole
/// grid (6 bytes a pixel: 96 MB at 4096², and text files of several hundred MB); a PNG larger than 8192² is
/// more than most viewers open. grid.bin and the layer files stream and have no limit below
/// <see cref="Grid.GridSpec.MaxSize"/>.
/// </summary>
public static class ExportLimits
{
    public const int MaxJsonSize = 4096;

    public const int MaxPngSize = 8192;
}
