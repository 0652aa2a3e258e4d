using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Vwe.Protocol;

/// <summary>
/// Reads frames (docs/protocol.md §2) from a stream: one JSON object per line ending in <c>\n</c>, a <c>\r</c>
/// before it tolerated, empty lines skipped. A read returns null at the end of the stream. A bad line throws a
/// <see cref="ProtocolException"/> after it has been consumed, so the next read starts at the next line:
/// <see cref="FrameTooLargeException"/> (the whole line is skipped first), <see cref="MalformedFrameException"/>,
/// or, for requests, a bad-request <see cref="ProtocolException"/>. Bytes after the last line end when the stream
/// ends are a cut-off frame: malformed, then null.
/// </summary>
/// <remarks>
/// One buffer, reused: it grows to hold the longest line seen (at most the frame limit plus two bytes) and reads
/// ahead as far as the stream gives. Not thread-safe: one reader per stream, one read at a time. A cancelled read
/// loses nothing; the next read carries on where it stopped. The stream is not disposed.
/// </remarks>
public sealed class FrameReader
{
    private const int InitialBufferBytes = 16 * 1024;

    /// <summary>The buffer grows before a read that would get less room than this, unless it is at its largest.</summary>
    private const int MinReadBytes = 4 * 1024;

    /// <summary>The longest line kept: a frame at the limit plus the <c>\r</c> of a CRLF sender.</summary>
    private const int MaxLineBytes = ProtocolLimits.MaxFrameBytes + 1;

    /// <summary>One byte over the longest line kept, so that a longer line is seen to be longer.</summary>
    private const int MaxBufferBytes = MaxLineBytes + 1;

    private readonly Stream _stream;
    private byte[] _buffer = new byte[InitialBufferBytes];
    private int _start;        // first byte of the line being read
    private int _end;          // end of the bytes read so far
    private int _scanned;      // bytes after _start already known to hold no '\n'
    private long _skippedBytes; // > 0 while skipping an oversize line: its bytes dropped so far
    private byte _lastSkippedByte;
    private long? _skippedLineId;
    private bool _endOfStream;

    public FrameReader(Stream stream)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
    }

    /// <summary>The next request, or null at the end of the stream.</summary>
    public async Task<Request?> ReadRequestAsync(CancellationToken cancellationToken)
    {
        var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
        return line.Array is null ? null : FrameParser.ParseRequest(line.AsSpan());
    }

    /// <summary>The next message, or null at the end of the stream.</summary>
    public async Task<Message?> ReadMessageAsync(CancellationToken cancellationToken)
    {
        var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
        return line.Array is null ? null : FrameParser.ParseMessage(line.AsSpan());
    }

    /// <summary>The next non-empty line without its line end, valid until the next read; default at the end.</summary>
    private async Task<ArraySegment<byte>> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            int newline = _buffer.AsSpan(_start + _scanned, _end - _start - _scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = TakeLine(_start + _scanned + newline);
                if (line.Count > 0)
                {
                    return line;
                }

                continue;
            }

            _scanned = _end - _start;
            SkipIfOverLimit();
            if (_endOfStream)
            {
                return EndOfStream();
            }

            MakeRoom();
            int read = await _stream.ReadAsync(_buffer, _end, _buffer.Length - _end, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _endOfStream = true;
            }

            _end += read;
        }
    }

    /// <summary>Consumes the line ending at <paramref name="newline"/>; an empty segment for an empty line.</summary>
    private ArraySegment<byte> TakeLine(int newline)
    {
        int start = _start;
        int length = newline - start;
        _start = newline + 1;
        _scanned = 0;
        if (_skippedBytes > 0)
        {
            bool carriageReturn = length > 0 ? _buffer[newline - 1] == '\r' : _lastSkippedByte == '\r';
            long frameBytes = _skippedBytes + length - (carriageReturn ? 1 : 0);
            long? id = _skippedLineId;
            _skippedBytes = 0;
            _skippedLineId = null;
            throw TooLarge(frameBytes, id);
        }

        if (length > 0 && _buffer[newline - 1] == '\r')
        {
            length--;
        }

        if (length > ProtocolLimits.MaxFrameBytes)
        {
            throw TooLarge(length, FrameIdProbe.Find(_buffer.AsSpan(start, length), isFinalBlock: false));
        }

        return new ArraySegment<byte>(_buffer, start, length);
    }

    /// <summary>
    /// Drops the pending bytes of a line that is already too long to be a frame, remembering only its length and
    /// id, so an endless line costs no memory.
    /// </summary>
    private void SkipIfOverLimit()
    {
        int pending = _end - _start;
        if (pending == 0 || (_skippedBytes == 0 && pending <= MaxLineBytes))
        {
            return;
        }

        if (_skippedBytes == 0)
        {
            _skippedLineId = FrameIdProbe.Find(_buffer.AsSpan(_start, pending), isFinalBlock: false);
        }

        _skippedBytes += pending;
        _lastSkippedByte = _buffer[_end - 1];
        _start = _end = _scanned = 0;
    }

    private ArraySegment<byte> EndOfStream()
    {
        int pending = _end - _start;
        int start = _start;
        _start = _end = _scanned = 0;
        if (_skippedBytes > 0)
        {
            long frameBytes = _skippedBytes;
            long? id = _skippedLineId;
            _skippedBytes = 0;
            _skippedLineId = null;
            throw TooLarge(frameBytes, id);
        }

        if (pending == 0 || (pending == 1 && _buffer[start] == '\r'))
        {
            return default;
        }

        var cutOff = _buffer.AsSpan(start, pending);
        throw new MalformedFrameException(
            FormattableString.Invariant(
                $"the stream ended inside a frame: {pending} bytes {FrameText.Excerpt(cutOff)} after the last line end; the sender stopped mid-frame or did not end its last frame with \\n"),
            FrameIdProbe.Find(cutOff, isFinalBlock: false));
    }

    /// <summary>Moves the pending bytes to the front and grows the buffer when they fill it.</summary>
    private void MakeRoom()
    {
        int pending = _end - _start;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
            _start = 0;
            _end = pending;
        }

        if (_buffer.Length - _end < MinReadBytes && _buffer.Length < MaxBufferBytes)
        {
            var larger = new byte[Math.Min(_buffer.Length * 2, MaxBufferBytes)];
            Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
            _buffer = larger;
        }
    }

    private static FrameTooLargeException TooLarge(long frameBytes, long? id) =>
        new(
            FormattableString.Invariant(
                $"a frame of {frameBytes} bytes is over the limit of {ProtocolLimits.MaxFrameBytes} bytes (ProtocolLimits.MaxFrameBytes) and was skipped; send smaller requests, e.g. fewer sample points"),
            frameBytes,
            id);
}
