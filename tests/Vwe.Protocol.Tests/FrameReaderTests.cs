using Vwe.Protocol.Tests.Support;

namespace Vwe.Protocol.Tests;

public class FrameReaderTests
{
    [Fact]
    public async Task Crlf_line_ends_and_empty_lines_are_accepted()
    {
        var reader = new FrameReader(Frames.StreamOf("\n\r\n{\"id\":1,\"op\":\"ping\"}\r\n\n\n{\"id\":2,\"op\":\"ping\"}\n\r\n"));

        var requests = await Frames.ReadAllRequestsAsync(reader);

        Assert.Equal([1L, 2L], requests.Select(request => request.Id));
    }

    [Fact]
    public async Task End_of_stream_reads_as_null_every_time()
    {
        var reader = new FrameReader(new MemoryStream());

        Assert.Null(await reader.ReadRequestAsync(CancellationToken.None));
        Assert.Null(await reader.ReadMessageAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public async Task A_frame_exactly_at_the_limit_is_read(string lineEnd)
    {
        byte[] frame = Frames.PaddedPing(7, ProtocolLimits.MaxFrameBytes);
        var reader = new FrameReader(Frames.StreamOf(frame, Frames.Utf8(lineEnd)));

        var request = await reader.ReadRequestAsync(CancellationToken.None);

        Assert.Equal(ProtocolLimits.MaxFrameBytes, frame.Length);
        Assert.Equal((7L, Ops.Ping), (request!.Id, request.Op));
        Assert.Null(await reader.ReadRequestAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(1, "\n")]
    [InlineData(1, "\r\n")]
    [InlineData(2, "\n")]
    [InlineData(3 * ProtocolLimits.MaxFrameBytes, "\r\n")]
    public async Task A_longer_frame_is_skipped_then_reported_and_the_next_frame_is_read(int bytesOver, string lineEnd)
    {
        int frameBytes = ProtocolLimits.MaxFrameBytes + bytesOver;
        var reader = new FrameReader(Frames.StreamOf(
            Frames.PaddedPing(7, frameBytes), Frames.Utf8(lineEnd + "{\"id\":8,\"op\":\"ping\"}\n")));

        var refusal = await Assert.ThrowsAsync<FrameTooLargeException>(() => reader.ReadRequestAsync(CancellationToken.None));
        var next = await reader.ReadRequestAsync(CancellationToken.None);

        Assert.Equal(ErrorCodes.FrameTooLarge, refusal.Code);
        Assert.Equal(frameBytes, refusal.FrameBytes);
        Assert.Equal(7L, refusal.RequestId);
        Assert.Contains("1048576", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(8L, next!.Id);
    }

    [Fact]
    public async Task A_too_long_last_line_is_reported_and_then_the_end()
    {
        var reader = new FrameReader(Frames.StreamOf(Frames.PaddedPing(7, ProtocolLimits.MaxFrameBytes + 10)));

        var refusal = await Assert.ThrowsAsync<FrameTooLargeException>(() => reader.ReadRequestAsync(CancellationToken.None));

        Assert.Equal(ProtocolLimits.MaxFrameBytes + 10, refusal.FrameBytes);
        Assert.Null(await reader.ReadRequestAsync(CancellationToken.None));
    }

    public static TheoryData<byte[], long?> MalformedLines => new()
    {
        { Frames.Utf8("not json"), null },
        { Frames.Utf8("[1,2]"), null },
        { Frames.Utf8("\"ping\""), null },
        { Frames.Utf8("42"), null },
        { Frames.Utf8("null"), null },
        { Frames.Utf8("   "), null },
        { Frames.Utf8("{\"id\":4,\"op\":\"ping\"} {\"id\":5}"), 4 },
        { Frames.Utf8("{\"id\":4,\"op\":\"ping\""), 4 },
        { Frames.Utf8("{\"id\":4,\"op\":\"ping\",}"), 4 },
        { [.. Frames.Utf8("{\"id\":4,\"op\":\"pi"), 0xFF, .. Frames.Utf8("ng\"}")], 4 },
        { [.. Frames.Utf8("{\"id\":4,\"op\":\"ping\",\"unknown\":\""), 0xC3, .. Frames.Utf8("\"}")], 4 },
        { [.. Frames.Utf8("{\"id\":4,\"op\":\"ping\",\""), 0xED, 0xA0, 0x80, .. Frames.Utf8("\":1}")], 4 },
        { [.. Frames.Utf8("{\"id\":4,\"op\":\"ping\",\"client\":\""), 0xC0, 0xAF, .. Frames.Utf8("\"}")], 4 },
    };

    [Theory]
    [MemberData(nameof(MalformedLines))]
    public async Task A_line_that_is_not_a_utf8_json_object_is_malformed_and_the_next_frame_is_read(byte[] line, long? id)
    {
        var reader = new FrameReader(Frames.StreamOf(line, Frames.Utf8("\n{\"id\":9,\"op\":\"ping\"}\n")));

        var refusal = await Assert.ThrowsAsync<MalformedFrameException>(() => reader.ReadRequestAsync(CancellationToken.None));
        var next = await reader.ReadRequestAsync(CancellationToken.None);

        Assert.Equal(ErrorCodes.Malformed, refusal.Code);
        Assert.Equal(id, refusal.RequestId);
        Assert.Equal(9L, next!.Id);
    }

    [Fact]
    public async Task A_bad_request_line_is_consumed_and_the_next_frame_is_read()
    {
        var reader = new FrameReader(Frames.StreamOf("{\"id\":3,\"op\":\"load\",\"seedInt\":\"x\"}\n{\"id\":4,\"op\":\"ping\"}\n"));

        var refusal = await Assert.ThrowsAsync<ProtocolException>(() => reader.ReadRequestAsync(CancellationToken.None));
        var next = await reader.ReadRequestAsync(CancellationToken.None);

        Assert.Equal((ErrorCodes.BadRequest, 3L), (refusal.Code, refusal.RequestId!.Value));
        Assert.Equal(4L, next!.Id);
    }

    [Theory]
    [InlineData("{\"id\":5,\"op\":\"shutdown\"}")]
    [InlineData("{\"id\":5,\"op\":\"shut")]
    public async Task Bytes_after_the_last_line_end_are_a_cut_off_frame_never_a_request(string tail)
    {
        var reader = new FrameReader(Frames.StreamOf("{\"id\":4,\"op\":\"ping\"}\n" + tail));

        var first = await reader.ReadRequestAsync(CancellationToken.None);
        var refusal = await Assert.ThrowsAsync<MalformedFrameException>(() => reader.ReadRequestAsync(CancellationToken.None));

        Assert.Equal(4L, first!.Id);
        Assert.Equal(5L, refusal.RequestId);
        Assert.Contains("ended inside a frame", refusal.Message, StringComparison.Ordinal);
        Assert.Null(await reader.ReadRequestAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_carriage_return_alone_at_the_end_is_a_clean_end()
    {
        var reader = new FrameReader(Frames.StreamOf("{\"id\":4,\"op\":\"ping\"}\n\r"));

        Assert.Equal(4L, (await reader.ReadRequestAsync(CancellationToken.None))!.Id);
        Assert.Null(await reader.ReadRequestAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Frames_split_at_every_byte_are_read_whole()
    {
        string text = "{\"id\":1,\"op\":\"ping\"}\r\n\n{\"id\":2,\"op\":\"load\",\"seedInt\":-5}\n{\"id\":3,\"op\":\"hello\",\"client\":\"Grüße\"}\r\n";
        var reader = new FrameReader(new OneByteAtATimeStream(Frames.Utf8(text)));

        var requests = await Frames.ReadAllRequestsAsync(reader);

        Assert.Equal([1L, 2L, 3L], requests.Select(request => request.Id));
        Assert.Equal(-5, requests[1].SeedInt);
        Assert.Equal("Grüße", requests[2].Client);
    }

    [Fact]
    public async Task Many_frames_in_one_read_and_frames_larger_than_the_first_buffer_are_all_read()
    {
        var lines = Enumerable.Range(1, 3000)
            .Select(id => id % 500 == 0 ? Frames.PaddedPing(id, 100_000) : Frames.Utf8($"{{\"id\":{id},\"op\":\"ping\"}}"))
            .SelectMany(line => (byte[])[.. line, (byte)'\n']);
        var reader = new FrameReader(new MemoryStream([.. lines]));

        var requests = await Frames.ReadAllRequestsAsync(reader);

        Assert.Equal(Enumerable.Range(1, 3000).Select(id => (long)id), requests.Select(request => request.Id));
    }

    [Fact]
    public async Task A_cancelled_read_loses_nothing()
    {
        var pipe = new BlockingPipeStream();
        var reader = new FrameReader(pipe);
        pipe.Write(Frames.Utf8("{\"id\":1,\"op\":"));
        using var cancellation = new CancellationTokenSource();

        var waiting = reader.ReadRequestAsync(cancellation.Token);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        pipe.Write(Frames.Utf8("\"ping\"}\n"));
        pipe.Complete();

        var request = await reader.ReadRequestAsync(CancellationToken.None);
        Assert.Equal((1L, Ops.Ping), (request!.Id, request.Op));
        Assert.Null(await reader.ReadRequestAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Messages_are_read_with_the_same_framing()
    {
        var reader = new FrameReader(Frames.StreamOf("{\"type\":\"state\",\"state\":\"Ready\"}\r\n\n{\"type\":\"result\",\"id\":2,\"op\":\"ping\"}\n"));

        var state = await reader.ReadMessageAsync(CancellationToken.None);
        var result = await reader.ReadMessageAsync(CancellationToken.None);

        Assert.Equal((MessageTypes.State, (long?)null, EngineStates.Ready), (state!.Type, state.Id, state.State!));
        Assert.Equal((MessageTypes.Result, 2L, Ops.Ping), (result!.Type, result.Id!.Value, result.Op!));
        Assert.Null(await reader.ReadMessageAsync(CancellationToken.None));
    }
}
