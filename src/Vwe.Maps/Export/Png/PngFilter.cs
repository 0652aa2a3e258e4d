namespace Vwe.Maps.Export.Png;

/// <summary>The PNG scanline filters used here (PNG spec §9.2); the filter byte stored before each row.</summary>
internal enum PngFilter : byte
{
    None = 0,

    /// <summary>Each byte minus the same channel of the pixel to its left: flat colour runs become zeros.</summary>
    Sub = 1,

    /// <summary>Each byte minus the byte above.</summary>
    Up = 2,

    /// <summary>Each byte minus the Paeth predictor of left, above and upper-left.</summary>
    Paeth = 4,
}
