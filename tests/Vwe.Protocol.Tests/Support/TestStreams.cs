namespace Vwe.Protocol.Tests.Support;

/// <summary>Gives at most one byte per read, so every frame arrives split at every possible place.</summary>
internal sealed class OneByteAtATimeStream(byte[] bytes) : MemoryStream(bytes, writable: false)
{
    public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        base.ReadAsync(buffer, offset, Math.Min(count, 1), cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        base.ReadAsync(buffer[..Math.Min(buffer.Length, 1)], cancellationToken);
}

/// <summary>
/// Writes in small pieces and yields between them, as a socket or pipe may: two writers not taking turns
/// would interleave their frames here.
/// </summary>
internal sealed class ChunkedWriteStream : MemoryStream
{
    private const int ChunkBytes = 7;

    public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        for (int done = 0; done < count; done += ChunkBytes)
        {
            await Task.Yield();
            Write(buffer, offset + done, Math.Min(ChunkBytes, count - done));
        }
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        new(WriteAsync(buffer.ToArray(), 0, buffer.Length, cancellationToken));
}

/// <summary>Holds every write until <see cref="Open"/> is called.</summary>
internal sealed class GatedWriteStream : MemoryStream
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource FirstWriteStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _gate.TrySetResult();

    public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        FirstWriteStarted.TrySetResult();
        await _gate.Task;
        Write(buffer, offset, count);
    }
}

/// <summary>Takes <c>acceptedBytes</c> bytes, then fails every write like a connection reset mid-frame.</summary>
internal sealed class FailingWriteStream(int acceptedBytes) : MemoryStream
{
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        int room = Math.Max(0, acceptedBytes - (int)Length);
        Write(buffer, offset, Math.Min(room, count));
        return count > room ? Task.FromException(new IOException("connection reset by peer")) : Task.CompletedTask;
    }
}

/// <summary>
/// An in-memory pipe whose reads wait for data and honour cancellation, for tests that need a read to block.
/// </summary>
internal sealed class BlockingPipeStream : Stream
{
    private readonly System.Threading.Channels.Channel<byte[]> _chunks = System.Threading.Channels.Channel.CreateUnbounded<byte[]>();
    private byte[] _current = [];
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public void Complete() => _chunks.Writer.Complete();

    public override void Write(byte[] buffer, int offset, int count) =>
        _chunks.Writer.TryWrite(buffer.AsSpan(offset, count).ToArray());

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_position == _current.Length)
        {
            if (!await _chunks.Reader.WaitToReadAsync(cancellationToken))
            {
                return 0;
            }

            _current = await _chunks.Reader.ReadAsync(cancellationToken);
            _position = 0;
        }

        int taken = Math.Min(buffer.Length, _current.Length - _position);
        _current.AsMemory(_position, taken).CopyTo(buffer);
        _position += taken;
        return taken;
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
