using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Vwe.Engines.Tests.Support;
using Vwe.Maps.Grid;

namespace Vwe.Engines.Tests.Hosting;

/// <summary>
/// <c>vwe engine</c> over its stdin and stdout, driven by hand with JSON lines (docs/protocol.md): the hello, the
/// handshake, errors that keep the session going, one job at a time, cancel, and every way the process ends.
/// </summary>
public class EngineHostStdioTests
{
    [Fact]
    public async Task The_first_frame_is_a_hello_with_protocol_1_and_the_engines_facts()
    {
        await using var engine = RawEngine.Start("--threads", "2", "--max-worlds", "5");

        JsonElement hello = await engine.ReadAsync();

        Assert.Equal("hello", hello.GetProperty("type").GetString());
        Assert.Equal(1, hello.GetProperty("protocol").GetInt32());
        Assert.Equal("process", hello.GetProperty("kind").GetString());
        Assert.Equal(engine.ProcessId, hello.GetProperty("pid").GetInt32());
        Assert.Equal(2, hello.GetProperty("threads").GetInt32());
        Assert.Equal(5, hello.GetProperty("maxWorlds").GetInt32());
        Assert.Equal("Ready", hello.GetProperty("state").GetString());
        Assert.Equal(EngineVersion.Text, hello.GetProperty("engine").GetString());
        Assert.Equal(Protocol.ProtocolLimits.MaxFrameBytes, hello.GetProperty("maxFrameBytes").GetInt64());
        Assert.Equal(Protocol.ProtocolLimits.MaxSamplePoints, hello.GetProperty("maxSamplePoints").GetInt32());
        Assert.False(hello.TryGetProperty("id", out _));
    }

    [Fact]
    public async Task A_hello_for_another_protocol_is_refused_and_the_session_goes_on()
    {
        await using var engine = RawEngine.Start();
        await engine.ReadAsync();

        await engine.SendAsync("""{"id":1,"op":"hello","protocol":99,"client":"test"}""");
        JsonElement refused = await engine.AnswerAsync(1);
        await engine.SendAsync("""{"id":2,"op":"hello","protocol":1,"client":"test"}""");
        JsonElement accepted = await engine.AnswerAsync(2);

        Assert.Equal("error", refused.GetProperty("type").GetString());
        Assert.Equal("unsupported-protocol", refused.GetProperty("code").GetString());
        Assert.Contains("99", refused.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("result", accepted.GetProperty("type").GetString());
        Assert.Equal(1, accepted.GetProperty("protocol").GetInt32());
    }

    [Fact]
    public async Task An_unknown_op_is_answered_with_unknown_op_and_its_id()
    {
        await using var engine = RawEngine.Start();
        await engine.ReadAsync();

        await engine.SendAsync("""{"id":41,"op":"teleport","seedInt":5}""");
        JsonElement answer = await engine.AnswerAsync(41);

        Assert.Equal("error", answer.GetProperty("type").GetString());
        Assert.Equal("unknown-op", answer.GetProperty("code").GetString());
        Assert.Contains("teleport", answer.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_line_gets_an_error_without_id_and_the_next_request_is_answered()
    {
        await using var engine = RawEngine.Start();
        await engine.ReadAsync();

        await engine.SendAsync("{oops");
        JsonElement error = await engine.ReadAsync();
        await engine.SendAsync("""{"id":7,"op":"ping","someFieldFromTheFuture":[1,2,3]}""");
        JsonElement pong = await engine.AnswerAsync(7);

        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("malformed", error.GetProperty("code").GetString());
        Assert.False(error.TryGetProperty("id", out _));
        Assert.Equal("result", pong.GetProperty("type").GetString());
        Assert.Equal("ping", pong.GetProperty("op").GetString());
        Assert.Equal("Ready", pong.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_second_job_while_one_runs_is_busy_and_the_first_still_finishes()
    {
        await using var engine = RawEngine.Start();
        await engine.ReadAsync();

        // Both lines arrive together: the engine reads the second while the first (a cold load, about a second) runs.
        await engine.SendAsync(
            $$"""{"id":1,"op":"load","seedInt":{{World.Seed}}}""" + "\n" + """{"id":2,"op":"load","seedInt":42}""");
        JsonElement busy = await engine.AnswerAsync(2);
        JsonElement loaded = await engine.AnswerAsync(1);

        Assert.Equal("error", busy.GetProperty("type").GetString());
        Assert.Equal("busy", busy.GetProperty("code").GetString());
        Assert.Equal("result", loaded.GetProperty("type").GetString());
        Assert.Equal(World.Seed, loaded.GetProperty("seedInt").GetInt32());
        Assert.Equal([World.Seed], loaded.GetProperty("loadedWorlds").EnumerateArray().Select(seed => seed.GetInt32()));
    }

    [Fact]
    public async Task A_cancelled_export_is_answered_cancelled_and_writes_nothing()
    {
        using var temp = new TempDirectory();
        await using var engine = RawEngine.Start();
        await engine.ReadAsync();

        await engine.SendAsync(ExportRequest(1, temp.Combine("large")));
        await engine.ProgressAsync(1);
        await engine.SendAsync("""{"id":2,"op":"cancel","target":1}""");
        JsonElement confirmed = await engine.AnswerAsync(2);
        JsonElement cancelled = await engine.AnswerAsync(1);
        await engine.SendAsync("""{"id":3,"op":"ping"}""");
        JsonElement pong = await engine.AnswerAsync(3);

        Assert.Equal("result", confirmed.GetProperty("type").GetString());
        Assert.Equal("error", cancelled.GetProperty("type").GetString());
        Assert.Equal("cancelled", cancelled.GetProperty("code").GetString());
        Assert.Equal("Ready", pong.GetProperty("state").GetString());
        Assert.Empty(temp.Entries());
    }

    [Fact]
    public async Task A_shutdown_mid_job_stops_the_job_without_an_answer_and_exits_0()
    {
        using var temp = new TempDirectory();
        await using var engine = RawEngine.Start();
        await engine.ReadAsync();

        await engine.SendAsync(ExportRequest(1, temp.Combine("large")));
        await engine.ProgressAsync(1);
        await engine.SendAsync("""{"id":2,"op":"shutdown"}""");
        var before = new List<JsonElement>();
        JsonElement stopped = await engine.AnswerAsync(2, before);

        Assert.Equal(("result", "Stopped"), (stopped.GetProperty("type").GetString(), stopped.GetProperty("state").GetString()));
        Assert.All(before, frame => Assert.Equal("progress", frame.GetProperty("type").GetString()));
        await Assert.ThrowsAsync<EndOfStreamException>(engine.ReadAsync);
        Assert.Equal(0, await engine.ExitCodeAsync(TestEngines.Patience));
        Assert.Empty(temp.Entries());
    }

    [Fact]
    public async Task Closing_stdin_ends_the_engine_with_exit_code_0()
    {
        await using var engine = RawEngine.Start();
        await engine.ReadAsync();

        engine.CloseInput();

        Assert.Equal(0, await engine.ExitCodeAsync(TestEngines.Patience));
    }

    [Fact]
    public async Task A_shutdown_is_answered_Stopped_and_the_engine_exits_with_code_0()
    {
        await using var engine = RawEngine.Start();
        await engine.ReadAsync();

        await engine.SendAsync("""{"id":9,"op":"shutdown"}""");
        JsonElement answer = await engine.AnswerAsync(9);

        Assert.Equal(("result", "Stopped"), (answer.GetProperty("type").GetString(), answer.GetProperty("state").GetString()));
        Assert.Equal(0, await engine.ExitCodeAsync(TestEngines.Patience));
    }

    [Fact]
    public async Task The_engine_exits_when_its_parent_dies_even_with_stdin_open()
    {
        using Process parent = Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })
            ?? throw new InvalidOperationException("could not start sleep");
        try
        {
            await using var engine = RawEngine.Start("--parent-pid", parent.Id.ToString(CultureInfo.InvariantCulture));
            await engine.ReadAsync();
            await engine.SendAsync("""{"id":1,"op":"ping"}""");
            await engine.AnswerAsync(1);

            parent.Kill();
            await parent.WaitForExitAsync().WaitAsync(TestEngines.Patience);

            Assert.Equal(0, await engine.ExitCodeAsync(TimeSpan.FromSeconds(10)));
        }
        finally
        {
            if (!parent.HasExited)
            {
                parent.Kill();
            }
        }
    }

    [Theory]
    [InlineData("--fault", "explode", "--fault 'explode'")]
    [InlineData("--threads", "0", "--threads 0")]
    [InlineData("--max-worlds", "65", "--max-worlds 65")]
    [InlineData("--listen", "nowhere", "--listen 'nowhere'")]
    public async Task Bad_options_exit_with_code_2_naming_the_value(string option, string value, string named)
    {
        await using var engine = RawEngine.Start(option, value);

        string line = await engine.StderrLineAsync(named);

        Assert.Equal(2, await engine.ExitCodeAsync(TestEngines.Patience));
        Assert.Contains(named, line, StringComparison.Ordinal);
    }

    /// <summary>An export of the large grid (seconds of work, progress after each band) into <paramref name="folder"/>.</summary>
    private static string ExportRequest(long id, string folder)
    {
        GridSpec grid = World.Large;
        string pixelSize = grid.PixelSize.ToString(CultureInfo.InvariantCulture);
        return $$"""{"id":{{id}},"op":"export","seedInt":{{World.Seed}},"grid":{"size":{{grid.Size}},"pixelSize":{{pixelSize}}},"formats":["bin"],"outputDirectory":{{JsonSerializer.Serialize(folder)}}}""";
    }
}
