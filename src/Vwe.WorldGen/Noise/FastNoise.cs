namespace Vwe.WorldGen.Noise;

/// <summary>
/// The three FastNoise calls AshLands reaches (spec §5.6): the game's double-precision port with its fixed
/// configuration — seed 0, frequency 0.01, FBM with 2 octaves (lacunarity 2, gain 0.5), Euclidean cellular
/// returning the squared distance, jitter <c>(double)0.45f</c>. Real arithmetic left to right as written;
/// integer arithmetic wraps.
/// </summary>
internal static class FastNoise
{
    private const double Frequency = 0.01;
    private const double CellularJitter = 0.44999998807907104;
    private const double F2 = 0.3660254037844386;
    private const double G2 = 0.21132486540518713;
    private const double TwoG2 = 0.42264973081037427;

    /// <summary>1 / (1 + gain) for two octaves, computed once in double as the game does.</summary>
    private static readonly double FractalBounding = 1.0 / (1.0 + 0.5);

    private static readonly double[] GradX = [-1, 1, -1, 1, 0, -1, 0, 1];
    private static readonly double[] GradY = [-1, -1, 1, 1, -1, 0, 1, 0];

    /// <summary><c>GetCellular(x, y)</c>: squared distance to the nearest jittered cell point.</summary>
    public static double Cellular(double x, double y)
    {
        x *= Frequency;
        y *= Frequency;
        int cx = NearestInt(x);
        int cy = NearestInt(y);
        double best = 999999.0;
        double[] jitterX = Cell2D.X;
        double[] jitterY = Cell2D.Y;
        for (int gx = cx - 1; gx <= cx + 1; gx++)
        {
            for (int gy = cy - 1; gy <= cy + 1; gy++)
            {
                int index = Hash2D(0, gx, gy) & 255;
                double ex = (gx - x) + (jitterX[index] * CellularJitter);
                double ey = (gy - y) + (jitterY[index] * CellularJitter);
                double e = (ex * ex) + (ey * ey);
                if (e < best)
                {
                    best = e;
                }
            }
        }

        return best;
    }

    /// <summary><c>GetSimplexFractal(x, y)</c>: two FBM octaves of 2-D simplex noise.</summary>
    public static double SimplexFractal(double x, double y)
    {
        x *= Frequency;
        y *= Frequency;
        double sum = Simplex(0, x, y);
        double amplitude = 1.0;
        x *= 2.0;
        y *= 2.0;
        amplitude *= 0.5;
        sum += Simplex(1, x, y) * amplitude;
        return sum * FractalBounding;
    }

    private static double Simplex(int seed, double x, double y)
    {
        double t = (x + y) * F2;
        int i = Floor(x + t);
        int j = Floor(y + t);
        t = (i + j) * G2;
        double x0 = x - (i - t);
        double y0 = y - (j - t);
        int di;
        int dj;
        if (x0 > y0)
        {
            di = 1;
            dj = 0;
        }
        else
        {
            di = 0;
            dj = 1;
        }

        double x1 = (x0 - di) + G2;
        double y1 = (y0 - dj) + G2;
        double x2 = (x0 - 1.0) + TwoG2;
        double y2 = (y0 - 1.0) + TwoG2;
        double n0 = Corner(seed, i, j, x0, y0);
        double n1 = Corner(seed, i + di, j + dj, x1, y1);
        double n2 = Corner(seed, i + 1, j + 1, x2, y2);
        return 50.0 * ((n0 + n1) + n2);
    }

    private static double Corner(int seed, int i, int j, double x, double y)
    {
        double a = (0.5 - (x * x)) - (y * y);
        if (a < 0.0)
        {
            return 0.0;
        }

        double q = a * a;
        return (q * q) * Grad(seed, i, j, x, y);
    }

    private static double Grad(int seed, int i, int j, double dx, double dy)
    {
        int index = Hash2D(seed, i, j) & 7;
        return (dx * GradX[index]) + (dy * GradY[index]);
    }

    private static int Hash2D(int seed, int x, int y)
    {
        unchecked
        {
            int hash = seed ^ (1619 * x) ^ (31337 * y);
            hash = hash * hash * hash * 60493;
            return (hash >> 13) ^ hash;
        }
    }

    private static int Floor(double f) => f >= 0 ? (int)f : (int)f - 1;

    private static int NearestInt(double f) => f >= 0 ? (int)(f + 0.5) : (int)(f - 0.5);
}
