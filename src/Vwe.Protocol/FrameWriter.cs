using System;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Vwe.Protocol;

/// <summary>
/// Writes frames (docs/protocol.md §2): each request or message as one line of JSON plus <c>\n</c>, flushed.
/// Thread-safe: frames written from many tasks at once (progress, ping answers, results) go out whole, one after
/// the other. A frame over <see cref="ProtocolLimits.MaxFrameBytes"/> is refused with
/// <see cref="FrameTooLargeException"/> and nothing is written.
/// </summary>
/// <remarks>
/// Cancellation only gives up waiting for the turn: once a frame has started it is finished (or the stream fails),
/// because half a line would corrupt every frame after it. To stop a write stuck on a peer that no longer reads,
/// dispose the stream. After a write failed midway every later write throws <see cref="IOException"/>. The
/// stream is not disposed.
/// </remarks>
[SuppressMessage(
    "Design",
    "CA1001:Types that own disposable fields should be disposable",
    Justification = "The semaphore's wait handle is never created and the buffer is a MemoryStream: nothing to release, and a writer shared by many tasks has no safe moment to dispose.")]
public sealed class FrameWriter
{
    /// <summary>A buffer grown past this by an oversized frame is dropped, not kept for the connection's life.</summary>
    private const int MaxKeptBufferBytes = 2 * ProtocolLimits.MaxFrameBytes;

    private readonly Stream _stream;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private MemoryStream _frame = new();
    private bool _broken;

    public FrameWriter(Stream stream)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
    }

    /// <summary>Writes <paramref name="request"/>; its id must be &gt; 0 and its op set (else <see cref="ArgumentException"/>).</summary>
    public Task WriteAsync(Request request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (request.Id <= 0 || string.IsNullOrEmpty(request.Op))
        {
            throw new ArgumentException(
                FormattableString.Invariant($"a request needs an id > 0 and an op; got id {request.Id}, op '{request.Op}'"),
                nameof(request));
        }

        return WriteFrameAsync(request, ProtocolJson.Context.Request, cancellationToken);
    }

    /// <summary>Writes <paramref name="message"/>; its type must be set (else <see cref="ArgumentException"/>).</summary>
    public Task WriteAsync(Message message, CancellationToken cancellationToken)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        if (string.IsNullOrEmpty(message.Type))
        {
            throw new ArgumentException("a message needs a type, one of MessageTypes", nameof(message));
        }

        return WriteFrameAsync(message, ProtocolJson.Context.Message, cancellationToken);
    }

    private async Task WriteFrameAsync<T>(T value, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_broken)
            {
                throw new IOException("an earlier frame was cut off by a failed write, so the stream no longer holds whole frames; open a new connection");
            }

            int length = Serialize(value, typeInfo);
            if (length > ProtocolLimits.MaxFrameBytes)
            {
                throw new FrameTooLargeException(
                    FormattableString.Invariant(
                        $"refused to write a {typeof(T).Name.ToLowerInvariant()} frame of {length} bytes: over the limit of {ProtocolLimits.MaxFrameBytes} bytes (ProtocolLimits.MaxFrameBytes); nothing was written. Split it, e.g. into requests of fewer sample points"),
                    length);
            }

            _frame.WriteByte((byte)'\n');
            try
            {
                // Not cancellable on purpose: see the remarks.
                await _stream.WriteAsync(_frame.GetBuffer(), 0, length + 1, CancellationToken.None).ConfigureAwait(false);
                await _stream.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch
            {
                _broken = true;
                throw;
            }
        }
        finally
        {
            if (_frame.Capacity > MaxKeptBufferBytes)
            {
                _frame = new MemoryStream();
            }

            _turn.Release();
        }
    }

    /// <summary>Serializes into the reused buffer; returns the frame's length, line end not included.</summary>
    private int Serialize<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        _frame.SetLength(0);
        using (var json = new Utf8JsonWriter(_frame, ProtocolJson.WriterOptions))
        {
            JsonSerializer.Serialize(json, value, typeInfo);
        }

        return checked((int)_frame.Length);
    }
}
