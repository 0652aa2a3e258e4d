using System.Reflection;

namespace Vwe.Protocol.Tests;

public class ErrorCodesTests
{
    /// <summary>docs/protocol.md §7: a job error is not retried on another engine.</summary>
    private static readonly Dictionary<string, bool> IsJobErrorTable = new()
    {
        ["bad-request"] = true,
        ["unknown-op"] = true,
        ["unsupported-protocol"] = true,
        ["io"] = true,
        ["cancelled"] = true,
        ["deadline-exceeded"] = true,
        ["busy"] = false,
        ["internal"] = false,
        ["malformed"] = false,
        ["frame-too-large"] = false,
    };

    public static TheoryData<string, bool> Table
    {
        get
        {
            var table = new TheoryData<string, bool>();
            foreach (var (code, isJobError) in IsJobErrorTable)
            {
                table.Add(code, isJobError);
            }

            return table;
        }
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void IsJobError_follows_the_table(string code, bool isJobError)
    {
        Assert.Equal(isJobError, ErrorCodes.IsJobError(code));
    }

    [Fact]
    public void The_table_classifies_every_code()
    {
        Assert.Equal(IsJobErrorTable.Keys.Order(StringComparer.Ordinal), Constants(typeof(ErrorCodes)));
    }

    [Theory]
    [InlineData("some-future-code")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Bad-Request")]
    public void An_unknown_code_is_not_a_job_error(string? code)
    {
        Assert.False(ErrorCodes.IsJobError(code));
    }

    [Fact]
    public void Only_load_export_sample_and_reset_are_jobs()
    {
        Assert.Equal(["load", "export", "sample", "reset"], Ops.All.Where(op => Ops.IsJob(op)));
        Assert.Equal(Constants(typeof(Ops)), Ops.All.Order(StringComparer.Ordinal));
    }

    internal static IEnumerable<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal);
}
