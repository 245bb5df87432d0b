namespace MtaSts.Reports.Decoding;

/// <summary>
/// Collects decompressed bytes in fixed-size chunks and rejects any append that would pass the
/// limit, so a gzip bomb never allocates more than the limit.
/// </summary>
internal sealed class BoundedBuffer
{
    // Chunks start small, because most reports are a few KB, and double up to the maximum.
    private const int FirstChunkSize = 4 * 1024;
    private const int MaxChunkSize = 64 * 1024;

    private readonly List<byte[]> _chunks = [];
    private readonly long _limit;
    private int _lastChunkUsed;
    private int _nextChunkSize = FirstChunkSize;

    public BoundedBuffer(long limit)
    {
        _limit = limit;
    }

    /// <summary>The number of bytes appended so far.</summary>
    public long Length { get; private set; }

    /// <summary>Appends <paramref name="data"/>, or returns <see langword="false"/> and appends nothing when it would pass the limit.</summary>
    public bool TryAppend(ReadOnlySpan<byte> data)
    {
        if (Length + data.Length > _limit)
        {
            return false;
        }

        while (!data.IsEmpty)
        {
            if (_chunks.Count == 0 || _lastChunkUsed == _chunks[^1].Length)
            {
                var remaining = _limit - Length;
                _chunks.Add(new byte[(int)Math.Min(_nextChunkSize, remaining)]);
                _nextChunkSize = Math.Min(_nextChunkSize * 2, MaxChunkSize);
                _lastChunkUsed = 0;
            }

            var chunk = _chunks[^1];
            var count = Math.Min(data.Length, chunk.Length - _lastChunkUsed);
            data[..count].CopyTo(chunk.AsSpan(_lastChunkUsed));
            _lastChunkUsed += count;
            data = data[count..];
            Length += count;
        }

        return true;
    }

    public byte[] ToArray()
    {
        var result = new byte[Length];
        var offset = 0;
        for (var i = 0; i < _chunks.Count; i++)
        {
            var used = i == _chunks.Count - 1 ? _lastChunkUsed : _chunks[i].Length;
            _chunks[i].AsSpan(0, used).CopyTo(result.AsSpan(offset));
            offset += used;
        }

        return result;
    }
}
