namespace MtaSts.Reports.Decoding;

/// <summary>
/// Size limits that <see cref="ReportDecoder"/> applies to input from files, mail and HTTP bodies,
/// so that a gzip bomb or an oversized message stops with a diagnostic instead of exhausting memory.
/// </summary>
public sealed class ReportDecodingOptions
{
    private readonly long _maxInputBytes = 32 * 1024 * 1024;
    private readonly long _maxDecompressedBytes = 64 * 1024 * 1024;
    private readonly int _maxMimeParts = 100;

    /// <summary>The shared instance with the default limits.</summary>
    public static ReportDecodingOptions Default { get; } = new();

    /// <summary>
    /// Maximum size in bytes of the raw input: a file, a message or a request body. A decoded MIME
    /// part is never larger than its message, so this bounds parts too. Default 32 MiB.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public long MaxInputBytes
    {
        get => _maxInputBytes;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _maxInputBytes = value;
        }
    }

    /// <summary>
    /// Maximum size in bytes of the JSON that one gzip stream may expand to, counting all of its
    /// members. Decompression stops as soon as the output passes this size. Default 64 MiB.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public long MaxDecompressedBytes
    {
        get => _maxDecompressedBytes;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _maxDecompressedBytes = value;
        }
    }

    /// <summary>
    /// Maximum number of MIME entities (multiparts, parts and attached messages) examined in one
    /// message; later entities are ignored with a warning. Default 100.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public int MaxMimeParts
    {
        get => _maxMimeParts;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _maxMimeParts = value;
        }
    }
}
