namespace MtaSts.Reports.Decoding;

/// <summary>
/// A read-only stream over memory that hands out at most <c>chunkSize</c> bytes per read and
/// records where the last reads started, so that the end of a deflate stream read through it
/// can be located afterwards (<see cref="System.IO.Compression.DeflateStream"/> does not report
/// how much input it consumed).
/// </summary>
internal sealed class ChunkedReadStream : Stream
{
    private readonly ReadOnlyMemory<byte> _data;
    private readonly int _chunkSize;
    private int _position;

    public ChunkedReadStream(ReadOnlyMemory<byte> data, int chunkSize)
    {
        _data = data;
        _chunkSize = chunkSize;
    }

    /// <summary>The offset where the read before the last one started.</summary>
    public int SecondToLastReadStart { get; private set; }

    /// <summary>The offset where the last read that returned data started.</summary>
    public int LastReadStart { get; private set; }

    /// <summary>Whether a read was made after all data had been handed out.</summary>
    public bool ReadPastEnd { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _data.Length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        var count = Math.Min(Math.Min(buffer.Length, _chunkSize), _data.Length - _position);
        if (count == 0)
        {
            ReadPastEnd = true;
            return 0;
        }

        _data.Span.Slice(_position, count).CopyTo(buffer);
        SecondToLastReadStart = LastReadStart;
        LastReadStart = _position;
        _position += count;
        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
