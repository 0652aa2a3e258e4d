namespace Vwe.Maps.Export.Png;

/// <summary>
/// The colours of <c>terrain.png</c> (docs/formats.md, "Shading"). Land is its biome colour times a hillshade
/// lit from the north-west; water (height below the game's water level, 30 m) is a blend from shallow to deep
/// blue by depth, so carved river beds inside land show as water; beyond the world edge (height −400 m) is the
/// darkest ocean. Only +, −, ·, ÷ and square roots in double, which IEEE-754 rounds the same on every machine:
/// no library function whose last bit could differ between platforms.
/// </summary>
internal static class TerrainShading
{
    /// <summary>Depth in metres at which water reaches <see cref="DeepWater"/>.</summary>
    public const double FullDepth = 80;

    /// <summary>Heights are exaggerated this much for the hillshade, so gentle terrain still shows relief.</summary>
    public const double Exaggeration = 2;

    /// <summary>Hillshade factor limits: the darkest shadow and the brightest lit slope.</summary>
    public const double MinShade = 0.4;

    public const double MaxShade = 1.5;

    public const uint ShallowWater = 0x4C8CC4;

    public const uint DeepWater = 0x14365E;

    public const uint BeyondEdge = 0x0A1A30;

    // Unit vector towards the light: north-west (−x, +z) at 45° above the horizon.
    private const double LightX = -0.5;
    private const double LightZ = 0.5;
    private const double LightUp = 0.70710678118654757;

    /// <summary>
    /// Colours one grid row. <paramref name="north"/> holds the heights of the row to its north (the row itself
    /// for the northernmost row); the western neighbour of column 0 is itself.
    /// </summary>
    public static void ShadeRow(
        ReadOnlySpan<ushort> biomes, ReadOnlySpan<float> heights, ReadOnlySpan<float> north, double pixelSize, Span<byte> rgb)
    {
        for (int column = 0; column < heights.Length; column++)
        {
            float height = heights[column];
            Span<byte> pixel = rgb.Slice(column * 3, 3);
            if (height <= WorldHeights.WorldEdge)
            {
                WriteRgb(BeyondEdge, pixel);
            }
            else if (height < WorldHeights.WaterLevel)
            {
                Water(WorldHeights.WaterLevel - (double)height, pixel);
            }
            else
            {
                float west = heights[column == 0 ? 0 : column - 1];
                BiomePalette.Write(biomes[column], pixel);
                double shade = Hillshade(height - (double)west, north[column] - (double)height, pixelSize);
                Scale(pixel, shade);
            }
        }
    }

    /// <summary>
    /// Lambert shading of the surface normal against the light, relative to flat ground (1 on the flat).
    /// <paramref name="riseEast"/> is height minus the western neighbour's, <paramref name="riseNorth"/> the
    /// northern neighbour's height minus this one's.
    /// </summary>
    public static double Hillshade(double riseEast, double riseNorth, double pixelSize)
    {
        double slopeX = Exaggeration * riseEast / pixelSize;
        double slopeZ = Exaggeration * riseNorth / pixelSize;

        // normal = (−slopeX, −slopeZ, 1) / length
        double length = Math.Sqrt((slopeX * slopeX) + (slopeZ * slopeZ) + 1);
        double lit = ((-slopeX * LightX) + (-slopeZ * LightZ) + LightUp) / length;
        return Math.Clamp(lit / LightUp, MinShade, MaxShade);
    }

    /// <summary>Shallow to deep blue, linear in depth up to <see cref="FullDepth"/>.</summary>
    public static void Water(double depth, Span<byte> pixel)
    {
        double t = Math.Clamp(depth / FullDepth, 0, 1);
        pixel[0] = Blend(ShallowWater >> 16, DeepWater >> 16, t);
        pixel[1] = Blend(ShallowWater >> 8, DeepWater >> 8, t);
        pixel[2] = Blend(ShallowWater, DeepWater, t);
    }

    public static void WriteRgb(uint rgb, Span<byte> pixel)
    {
        pixel[0] = (byte)(rgb >> 16);
        pixel[1] = (byte)(rgb >> 8);
        pixel[2] = (byte)rgb;
    }

    private static byte Blend(uint from, uint to, double t)
    {
        double a = from & 0xFF;
        double b = to & 0xFF;
        return (byte)Math.Round(a + ((b - a) * t), MidpointRounding.AwayFromZero);
    }

    private static void Scale(Span<byte> pixel, double factor)
    {
        for (int i = 0; i < 3; i++)
        {
            pixel[i] = (byte)Math.Min(255, Math.Round(pixel[i] * factor, MidpointRounding.AwayFromZero));
        }
    }
}
