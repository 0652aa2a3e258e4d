namespace Vwe.WorldGen;

/// <summary>
/// The transcendental functions the generator calls (spec §4, "Transcendentals"), computed here so that every
/// platform gets the same bits. Every call site goes through this class.
/// </summary>
/// <remarks>
/// <para>
/// Why our own: <c>Math.Sin/Cos/Atan2/Pow</c> come from the platform's C library (glibc, the Windows CRT,
/// Apple's libm), whose results may differ by an ulp between platforms and versions. The generator rounds
/// nearly every such result to float at once: spec §4 measured that even a bias of 4 096 ulp on every result of
/// one function changes no reference output, the first changes appearing near 10^6 ulp. That margin is large
/// but it is a measurement, not a guarantee; these functions remove the question. They use only IEEE-754
/// +, −, ×, ÷ in round-to-nearest, the exact <c>Math.Abs/Floor/Round/ScaleB/Sqrt</c>, bit manipulation through
/// <see cref="BitConverter"/> and integer arithmetic; never fused multiply-add, <c>MathF</c> or a platform
/// transcendental (LibmPurityTests checks the IL). So they return the same bits on every OS and CPU.
/// </para>
/// <para>
/// How: table-driven reductions in double-double arithmetic (<see cref="DoubleDouble"/>), with tables and
/// constants computed at start-up from series in exact integer arithmetic (<see cref="LibmTables"/>). Each
/// function carries ~66 correct bits into its final rounding, so it returns the correctly rounded result except
/// within ~10^-4 ulp of a rounding tie.
/// </para>
/// <para>
/// Measured (LibmTests: 10^6 seeded random arguments per function and range, against a double-double oracle):
/// max error 0.50002 ulp for sin and cos on |x| ≤ 200 and |x| ≤ 10^5, 0.50000 for atan2 on world coordinates
/// and on magnitudes 2^±60, 0.50000 for pow on x ∈ (0, 2] with y = 1.5, 1.4f and 4, 0.50005 for pow on
/// x ∈ (0, 100], |y| ≤ 20 and on x ∈ 2^±500; at most 12 in 10^6 results are not correctly rounded. Against
/// glibc 2.36 (itself up to 0.52 ulp off, and 8 ulp on the hardest sin/cos argument) the results are
/// identical in 99.86 % (sin, cos) to 99.99 % (atan2) of cases and never differ by more than 1 ulp; nearly every
/// difference is a case glibc rounds the wrong way.
/// </para>
/// <para>
/// Ranges: sin and cos reduce by Cody–Waite up to |x| ≈ 102 943 and exactly (integer Payne–Hanek with a
/// 1 200-bit 256/π) beyond it and next to multiples of π/2, so they are accurate for every finite argument.
/// atan2 and pow follow the IEEE-754 / C99 special cases (signed zeros, infinities, NaN, negative bases with
/// integer exponents); pow results in the subnormal range are rounded twice (still within 1 ulp). Speed is
/// about that of <c>Math.*</c> for sin, cos and atan2, better for pow with y = 1.5, 2 and 4, and about half for
/// other exponents.
/// </para>
/// </remarks>
internal static partial class Libm
{
}
