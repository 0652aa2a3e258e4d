using System.Text;
using System.Text.RegularExpressions;

namespace Vwe.Protocol.Tests;

/// <summary>docs/protocol.md is the contract for engine and plugin authors: its examples and tables must be the code's.</summary>
public partial class ProtocolDocTests
{
    private static readonly string[] DocLines = File.ReadAllLines(RepositoryRoot.PathOf("docs/protocol.md"));

    /// <summary>Lines starting with → (client to engine) or ← (engine to client): the frame follows.</summary>
    private static IEnumerable<(int Line, char Direction, string Frame)> Examples() =>
        DocLines
            .Select((text, index) => (Line: index + 1, Text: text))
            .Where(line => line.Text.StartsWith("→ ", StringComparison.Ordinal) || line.Text.StartsWith("← ", StringComparison.Ordinal))
            .Select(line => (line.Line, line.Text[0], line.Text[2..]));

    [Fact]
    public void Every_example_frame_reads_and_is_written_back_byte_for_byte()
    {
        Assert.NotEmpty(Examples());
        foreach (var (line, direction, frame) in Examples())
        {
            byte[] bytes = Encoding.UTF8.GetBytes(frame);
            byte[] written = direction == '→'
                ? ProtocolJson.Serialize(ProtocolJson.DeserializeRequest(bytes))
                : ProtocolJson.Serialize(ProtocolJson.DeserializeMessage(bytes));

            Assert.True(frame == Encoding.UTF8.GetString(written), $"docs/protocol.md line {line}:\n  doc:  {frame}\n  code: {Encoding.UTF8.GetString(written)}");
        }
    }

    [Fact]
    public void The_examples_show_every_op_and_every_message_type()
    {
        var requests = Examples().Where(example => example.Direction == '→')
            .Select(example => ProtocolJson.DeserializeRequest(Encoding.UTF8.GetBytes(example.Frame)));
        var messages = Examples().Where(example => example.Direction == '←')
            .Select(example => ProtocolJson.DeserializeMessage(Encoding.UTF8.GetBytes(example.Frame)))
            .ToList();

        Assert.Equal(ErrorCodesTests.Constants(typeof(Ops)), requests.Select(request => request.Op).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(ErrorCodesTests.Constants(typeof(MessageTypes)), messages.Select(message => message.Type).Distinct().Order(StringComparer.Ordinal));
        Assert.All(messages.Where(message => message.Type == MessageTypes.Result), result => Assert.NotNull(result.State));
    }

    [Fact]
    public void The_error_table_lists_every_code_with_its_IsJobError_answer()
    {
        var rows = DocLines
            .Select(line => ErrorRow().Match(line))
            .Where(match => match.Success)
            .ToDictionary(match => match.Groups["code"].Value, match => (Job: match.Groups["job"].Value, Retry: match.Groups["retry"].Value));

        Assert.Equal(ErrorCodesTests.Constants(typeof(ErrorCodes)), rows.Keys.Order(StringComparer.Ordinal));
        foreach (var (code, (job, retry)) in rows)
        {
            bool isJobError = ErrorCodes.IsJobError(code);
            Assert.True(job == (isJobError ? "yes" : "no") && retry == (isJobError ? "no" : "yes"), $"row of {code}: job error? {job}, retry? {retry}");
        }
    }

    [Fact]
    public void The_limits_table_gives_the_limits_of_the_code()
    {
        Assert.Contains(DocLines, line => line.StartsWith("| `ProtocolLimits.MaxFrameBytes` | 1 048 576 bytes |", StringComparison.Ordinal));
        Assert.Contains(DocLines, line => line.StartsWith("| `ProtocolLimits.MaxSamplePoints` | 16 384 points |", StringComparison.Ordinal));
        Assert.Equal((1_048_576, 16_384), (ProtocolLimits.MaxFrameBytes, ProtocolLimits.MaxSamplePoints));
    }

    [GeneratedRegex(@"^\| `(?<code>[a-z-]+)` \| [^|]+ \| (?<job>yes|no) \| (?<retry>yes|no) \|$")]
    private static partial Regex ErrorRow();
}
