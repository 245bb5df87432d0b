namespace MtaSts.Reports.Decoding;

/// <summary>
/// Size limits that <see cref="ReportDecoder"/> applies to input from files, mail and HTTP bodies,
/// so that a gzip bomb or an oversized message stops with a diagnostic instead of exhausting memory.
/// </summary>
public sealed class ReportDecodingOptions
{
    /// <summary>The shared instance with the default limits.</summary>
    public static ReportDecodingOptions Default { get; } = new();

    /// <summary>
    /// Maximum size in bytes of the raw input (a file, a message or a request body), and of any
    /// decoded MIME part. Default 32 MiB.
    /// </summary>
    public long MaxInputBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>
    /// Maximum size in bytes of the JSON that one gzip stream may expand to, counting all of its
    /// members. Decompression stops as soon as the output passes this size. Default 64 MiB.
    /// </summary>
    public long MaxDecompressedBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>
    /// Maximum number of MIME entities (multiparts, parts and attached messages) examined in one
    /// message; later entities are ignored with a warning. Default 100.
    /// </summary>
    public int MaxMimeParts { get; init; } = 100;
}
