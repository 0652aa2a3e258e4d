namespace Vwe.Cli.Tests;

/// <summary>Which failures are the user's (one line, exit 2, 3 or 130) and which are bugs (internal error, exit 1).</summary>
public class ExitCodesTests
{
    public static TheoryData<Exception, int> Failures => new()
    {
        { new InputException("bad"), 2 },
        { new Vwe.GameFiles.GameFileException("'x.fwl2' is truncated"), 2 },
        { new IOException("disk"), 3 },
        { new UnauthorizedAccessException("denied"), 3 },
        { new OperationCanceledException(), 130 },

        // Thrown by library code the CLI failed to check first: a bug, not bad input.
        { new ArgumentOutOfRangeException("size", "out of range"), 1 },
        { new FormatException("format"), 1 },
        { new NotSupportedException("unsupported"), 1 },
        { new InvalidOperationException("broken"), 1 },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Each_failure_has_its_exit_code(Exception exception, int code)
    {
        Assert.Equal(code, ExitCodes.ForException(exception));
    }

    [Fact]
    public void An_unexpected_exception_is_one_internal_error_line_with_exit_1()
    {
        var error = new StringWriter();

        int code = VweCommand.Report(new NotSupportedException("the thing\nbroke"), error, debug: false);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Equal("vwe: internal error: the thing broke (please report)" + Environment.NewLine, error.ToString());
    }

    [Fact]
    public void With_debug_an_internal_error_keeps_its_stack_trace()
    {
        var error = new StringWriter();
        Exception thrown;
        try
        {
            throw new InvalidOperationException("broken");
        }
        catch (InvalidOperationException exception)
        {
            thrown = exception;
        }

        int code = VweCommand.Report(thrown, error, debug: true);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.StartsWith("vwe: internal error: broken (please report)", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(nameof(With_debug_an_internal_error_keeps_its_stack_trace), error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_prints_its_message_without_a_stack_trace_even_with_debug()
    {
        var error = new StringWriter();

        int code = VweCommand.Report(new InputException("--size 0 is outside 1..16384."), error, debug: true);

        Assert.Equal((2, "vwe: --size 0 is outside 1..16384." + Environment.NewLine), (code, error.ToString()));
    }
}
