using System.Reflection;
using System.Reflection.Emit;

namespace Vwe.WorldGen.Tests;

/// <summary>
/// An IL tripwire: the deterministic maths may call only exact operations. It reads the IL of every method of
/// <see cref="Libm"/>, <see cref="LibmTables"/> and <see cref="DoubleDouble"/> and rejects any call into the
/// platform's maths (<c>Math.Sin</c>, <c>Math.FusedMultiplyAdd</c>, <c>MathF</c>, hardware intrinsics, …),
/// after first proving on a planted violation that it can see such calls.
/// </summary>
public class LibmPurityTests
{
    /// <summary>The System.Math members that are exact (correctly rounded or exact by IEEE-754) everywhere.</summary>
    private static readonly HashSet<string> ExactMathMembers = ["Abs", "Floor", "Round", "ScaleB", "Sqrt", "Max", "Min"];

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    [Fact]
    public void The_tripwire_sees_a_planted_call_to_platform_maths()
    {
        MethodInfo planted = typeof(LibmPurityTests).GetMethod(nameof(PlantedViolation), BindingFlags.NonPublic | BindingFlags.Static)!;
        string[] forbidden = Forbidden(planted).ToArray();
        Assert.Contains("System.Math.Sin", forbidden);
        Assert.Contains("System.Math.FusedMultiplyAdd", forbidden);
        Assert.Contains("System.MathF.Cos", forbidden);
        Assert.Contains("System.Double.Pow", forbidden);
        Assert.DoesNotContain("System.Math.Sqrt", forbidden);
        Assert.DoesNotContain("System.Double.IsNaN", forbidden);
    }

    [Fact]
    public void The_deterministic_maths_calls_no_platform_maths()
    {
        Type[] types = [typeof(Libm), typeof(LibmTables), typeof(DoubleDouble)];
        var methods = types
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Cast<MethodBase>()
                .Concat(t.GetConstructors(BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)))
            .ToArray();
        Assert.True(methods.Length > 20, $"found only {methods.Length} methods to inspect");
        string[] violations = methods.SelectMany(m => Forbidden(m).Select(call => $"{m.DeclaringType!.Name}.{m.Name} calls {call}")).ToArray();
        Assert.Empty(violations);
    }

    private static double PlantedViolation(double x) =>
        Math.Sin(x) + Math.FusedMultiplyAdd(x, x, x) + MathF.Cos((float)x) + double.Pow(x, x) + Math.Sqrt(x) + (double.IsNaN(x) ? 1 : 0);

    /// <summary>The callees of <paramref name="method"/> outside the exact set, as "Namespace.Type.Member".</summary>
    private static IEnumerable<string> Forbidden(MethodBase method)
    {
        foreach (MethodBase callee in Callees(method))
        {
            string type = callee.DeclaringType?.FullName ?? "";
            // double's generic-math statics (double.Sin, double.FusedMultiplyAdd, …) count as platform maths too.
            bool platformMaths = type is "System.MathF" or "System.Single"
                || (type == "System.Math" && !ExactMathMembers.Contains(callee.Name))
                || (type == "System.Double" && !ExactMathMembers.Contains(callee.Name) && !callee.Name.StartsWith("Is", StringComparison.Ordinal)
                    && callee.Name is not ("Equals" or "CompareTo" or "GetHashCode" or "ToString"))
                || type.StartsWith("System.Runtime.Intrinsics", StringComparison.Ordinal);
            if (platformMaths)
            {
                yield return $"{type}.{callee.Name}";
            }
        }
    }

    private static IEnumerable<MethodBase> Callees(MethodBase method)
    {
        byte[] il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        Type[] typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : [];
        Type[] methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : [];
        int at = 0;
        while (at < il.Length)
        {
            short value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            OpCode op = OpCodesByValue[value];
            if (op.OperandType == OperandType.InlineMethod)
            {
                int token = BitConverter.ToInt32(il, at);
                MethodBase? callee = method.Module.ResolveMethod(token, typeArguments, methodArguments);
                if (callee is not null)
                {
                    yield return callee;
                }
            }

            at += OperandSize(op, il, at);
        }
    }

    private static int OperandSize(OpCode op, byte[] il, int at) => op.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
