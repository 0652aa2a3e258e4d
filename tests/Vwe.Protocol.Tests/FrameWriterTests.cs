using System.Text;
using Vwe.Protocol.Tests.Support;

namespace Vwe.Protocol.Tests;

public class FrameWriterTests
{
    [Fact]
    public async Task Each_frame_is_one_line_ending_in_a_newline_and_is_flushed()
    {
        var written = new MemoryStream();
        var buffered = new BufferedStream(written, 64 * 1024);
        var writer = new FrameWriter(buffered);

        await writer.WriteAsync(Request.Ping(1), CancellationToken.None);
        await writer.WriteAsync(Message.Result(1, Ops.Ping), CancellationToken.None);

        Assert.Equal(
            "{\"id\":1,\"op\":\"ping\"}\n{\"type\":\"result\",\"id\":1,\"op\":\"ping\"}\n",
            Encoding.UTF8.GetString(written.ToArray()));
    }

    [Fact]
    public async Task A_frame_exactly_at_the_limit_is_written()
    {
        var written = new MemoryStream();
        var writer = new FrameWriter(written);
        var message = MessageOfSize(ProtocolLimits.MaxFrameBytes);

        await writer.WriteAsync(message, CancellationToken.None);

        Assert.Equal(ProtocolLimits.MaxFrameBytes + 1, written.Length);
        written.Position = 0;
        Assert.Equal(message.Forest, (await new FrameReader(written).ReadMessageAsync(CancellationToken.None))!.Forest);
    }

    [Fact]
    public async Task A_frame_over_the_limit_is_refused_and_nothing_is_written()
    {
        var written = new MemoryStream();
        var writer = new FrameWriter(written);

        var refusal = await Assert.ThrowsAsync<FrameTooLargeException>(
            () => writer.WriteAsync(MessageOfSize(ProtocolLimits.MaxFrameBytes + 1), CancellationToken.None));

        Assert.Equal(0, written.Length);
        Assert.Equal(ProtocolLimits.MaxFrameBytes + 1, refusal.FrameBytes);
        Assert.Contains("1048576", refusal.Message, StringComparison.Ordinal);
        await writer.WriteAsync(Request.Ping(2), CancellationToken.None);
        Assert.Equal("{\"id\":2,\"op\":\"ping\"}\n", Encoding.UTF8.GetString(written.ToArray()));
    }

    [Theory]
    [InlineData(0, "ping")]
    [InlineData(-1, "ping")]
    [InlineData(1, "")]
    public async Task A_request_without_id_or_op_is_refused_before_anything_is_written(long id, string op)
    {
        var written = new MemoryStream();
        var writer = new FrameWriter(written);

        await Assert.ThrowsAsync<ArgumentException>(() => writer.WriteAsync(new Request { Id = id, Op = op }, CancellationToken.None));

        Assert.Equal(0, written.Length);
    }

    [Fact]
    public async Task A_message_without_type_is_refused_before_anything_is_written()
    {
        var written = new MemoryStream();
        var writer = new FrameWriter(written);

        await Assert.ThrowsAsync<ArgumentException>(() => writer.WriteAsync(new Message { Id = 1 }, CancellationToken.None));

        Assert.Equal(0, written.Length);
    }

    [Fact]
    public async Task Frames_written_from_many_tasks_at_once_never_interleave()
    {
        var written = new ChunkedWriteStream();
        var writer = new FrameWriter(written);
        const int Writers = 16;
        const int FramesEach = 40;

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(task => Task.Run(async () =>
        {
            for (int i = 0; i < FramesEach; i++)
            {
                long id = (task * 1000) + i + 1;
                await writer.WriteAsync(Message.Progress(id, "export", i / (double)FramesEach), CancellationToken.None);
            }
        })));

        string[] lines = Encoding.UTF8.GetString(written.ToArray()).Split('\n');
        Assert.Equal("", lines[^1]);
        var ids = lines[..^1].Select(line => ProtocolJson.DeserializeMessage(Encoding.UTF8.GetBytes(line)).Id!.Value).ToList();
        Assert.Equal(Writers * FramesEach, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var frames in ids.GroupBy(id => id / 1000))
        {
            Assert.Equal(frames.Order(), frames);
        }
    }

    [Fact]
    public async Task Cancelling_a_write_gives_up_its_turn_and_never_cuts_the_frame_being_written()
    {
        var written = new GatedWriteStream();
        var writer = new FrameWriter(written);
        using var cancellation = new CancellationTokenSource();

        var first = writer.WriteAsync(Request.Ping(1), cancellation.Token);
        await written.FirstWriteStarted.Task;
        var second = writer.WriteAsync(Request.Ping(2), cancellation.Token);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        written.Open();
        await first;

        Assert.Equal("{\"id\":1,\"op\":\"ping\"}\n", Encoding.UTF8.GetString(written.ToArray()));
    }

    [Fact]
    public async Task After_a_write_failed_midway_every_later_write_is_refused()
    {
        var written = new FailingWriteStream(acceptedBytes: 30);
        var writer = new FrameWriter(written);
        await writer.WriteAsync(Request.Ping(1), CancellationToken.None);

        await Assert.ThrowsAsync<IOException>(() => writer.WriteAsync(Request.Ping(2), CancellationToken.None));
        long lengthAfterFailure = written.Length;
        var refusal = await Assert.ThrowsAsync<IOException>(() => writer.WriteAsync(Request.Ping(3), CancellationToken.None));

        Assert.Contains("cut off", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(lengthAfterFailure, written.Length);
    }

    /// <summary>A message whose frame is exactly <paramref name="frameBytes"/> bytes long.</summary>
    private static Message MessageOfSize(int frameBytes)
    {
        var message = new Message { Type = MessageTypes.Result, Id = 1, Forest = "" };
        int overhead = ProtocolJson.Serialize(message).Length;
        message.Forest = new string('A', frameBytes - overhead);
        Assert.Equal(frameBytes, ProtocolJson.Serialize(message).Length);
        return message;
    }
}
