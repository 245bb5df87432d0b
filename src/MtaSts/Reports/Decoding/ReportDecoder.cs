using MtaSts.Diagnostics;

namespace MtaSts.Reports.Decoding;

/// <summary>
/// Finds the TLS report JSON in what arrives on disk, by mail or over HTTPS (RFC 8460 §5): plain
/// JSON, gzip, or an e-mail message carrying either. The format is identified from the first
/// bytes, never from a file name or media type, because real senders mislabel both.
/// </summary>
/// <remarks>
/// Expected failures (an empty or oversized input, a corrupt gzip stream, a message with no
/// report) are returned as diagnostics in <see cref="DecodeResult"/>. Only I/O faults and
/// cancellation throw. Parsing the JSON is left to the report parser.
/// </remarks>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc8460#section-5"/>
public static class ReportDecoder
{
    private const string DefaultLabel = "input";
    private const int ReadChunkSize = 80 * 1024;

    /// <summary>Decodes input that is already in memory.</summary>
    /// <param name="input">The bytes of a <c>.json</c>, <c>.json.gz</c> or <c>.eml</c> file, or of a request body.</param>
    /// <param name="options">Size limits; <see langword="null"/> means <see cref="ReportDecodingOptions.Default"/>.</param>
    public static DecodeResult Decode(ReadOnlyMemory<byte> input, ReportDecodingOptions? options = null)
    {
        return DecodeCore(input, DefaultLabel, options ?? ReportDecodingOptions.Default, CancellationToken.None);
    }

    /// <summary>Reads at most <see cref="ReportDecodingOptions.MaxInputBytes"/> + 1 bytes from <paramref name="input"/> and decodes them.</summary>
    /// <param name="input">The stream to read; it is not disposed.</param>
    /// <param name="options">Size limits; <see langword="null"/> means <see cref="ReportDecodingOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels reading and decoding.</param>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static Task<DecodeResult> DecodeAsync(Stream input, ReportDecodingOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ReadAndDecodeAsync(input, DefaultLabel, options ?? ReportDecodingOptions.Default, cancellationToken);
    }

    /// <summary>Reads and decodes a file. Payload labels and diagnostics name the file.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="options">Size limits; <see langword="null"/> means <see cref="ReportDecodingOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels reading and decoding.</param>
    /// <exception cref="IOException">The file could not be opened or read (including <see cref="FileNotFoundException"/>).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static async Task<DecodeResult> DecodeFileAsync(string path, ReportDecodingOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= ReportDecodingOptions.Default;
        var fileName = Path.GetFileName(path);

        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        if (file.CanSeek && file.Length > options.MaxInputBytes)
        {
            return TooLarge(fileName, options);
        }

        var result = await ReadAndDecodeAsync(file, fileName, options, cancellationToken).ConfigureAwait(false);
        return AddFileNameCheck(result, fileName);
    }

    private static async Task<DecodeResult> ReadAndDecodeAsync(Stream input, string label, ReportDecodingOptions options, CancellationToken cancellationToken)
    {
        var buffer = new BoundedBuffer(options.MaxInputBytes);
        var chunk = new byte[ReadChunkSize];
        while (true)
        {
            // One byte past the limit is enough to tell that the input is too large.
            var remaining = options.MaxInputBytes - buffer.Length;
            var requested = remaining >= chunk.Length ? chunk.Length : (int)remaining + 1;
            var count = await input.ReadAsync(chunk.AsMemory(0, requested), cancellationToken).ConfigureAwait(false);
            if (count == 0)
            {
                break;
            }

            if (!buffer.TryAppend(chunk.AsSpan(0, count)))
            {
                return TooLarge(label, options);
            }
        }

        return DecodeCore(buffer.ToArray(), label, options, cancellationToken);
    }

    private static DecodeResult DecodeCore(ReadOnlyMemory<byte> input, string label, ReportDecodingOptions options, CancellationToken cancellationToken)
    {
        var span = input.Span;
        if (span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return Failure(null, new Diagnostic(ReportDecodingCodes.Empty, Severity.Error, "RFC 8460 §5", label, Arguments: [label]));
        }

        if (input.Length > options.MaxInputBytes)
        {
            return TooLarge(label, options);
        }

        var payloads = new List<ReportPayload>();
        var diagnostics = new List<Diagnostic>();

        if (GzipDecoder.StartsWithMagic(span))
        {
            DecodeContent(input, isGzip: true, label, [], options, payloads, diagnostics, cancellationToken);
            return new DecodeResult(PayloadFormat.Gzip, payloads, diagnostics, null);
        }

        if (JsonPayloadReader.LooksLikeJson(span))
        {
            DecodeContent(input, isGzip: false, label, [], options, payloads, diagnostics, cancellationToken);
            return new DecodeResult(PayloadFormat.Json, payloads, diagnostics, null);
        }

        if (MailDecoder.LooksLikeMail(span))
        {
            return MailDecoder.Decode(input, options, cancellationToken);
        }

        return Failure(null, new Diagnostic(ReportDecodingCodes.UnknownFormat, Severity.Error, "RFC 8460 §5", label, Arguments: [label, JsonPayloadReader.Preview(span)]));
    }

    /// <summary>
    /// Decompresses <paramref name="content"/> when it is gzip, then adds its JSON payloads to
    /// <paramref name="payloads"/>, each with <paramref name="inherited"/> among its diagnostics.
    /// When no payload results, the inherited findings and the error go to <paramref name="diagnostics"/>.
    /// </summary>
    internal static void DecodeContent(
        ReadOnlyMemory<byte> content,
        bool isGzip,
        string label,
        List<Diagnostic> inherited,
        ReportDecodingOptions options,
        List<ReportPayload> payloads,
        List<Diagnostic> diagnostics,
        CancellationToken cancellationToken)
    {
        var own = new List<Diagnostic>(inherited);
        var json = content;
        if (isGzip)
        {
            var decompressed = GzipDecoder.Decompress(content, label, options, own, cancellationToken);
            if (decompressed is null)
            {
                diagnostics.AddRange(own);
                return;
            }

            json = decompressed;
        }

        var countBefore = payloads.Count;
        var errors = new List<Diagnostic>();
        JsonPayloadReader.Read(json, label, own, payloads, errors);
        if (payloads.Count == countBefore)
        {
            diagnostics.AddRange(own);
        }

        diagnostics.AddRange(errors);
    }

    /// <summary>
    /// Returns a warning when the extension of <paramref name="fileName"/> disagrees with the
    /// content: RFC 8460 §5.1 requires ".json" on plain JSON and ".json.gz" on gzip.
    /// </summary>
    internal static Diagnostic? CheckFileName(string? fileName, bool isGzip, string label)
    {
        if (fileName is null)
        {
            return null;
        }

        var endsWithGz = fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        var endsWithJson = fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        if (isGzip && endsWithJson)
        {
            return new Diagnostic(ReportDecodingCodes.FileNameMismatch, Severity.Warning, "RFC 8460 §5.1", label, Arguments: [label, fileName, "gzip", ".json.gz"]);
        }

        if (!isGzip && endsWithGz)
        {
            return new Diagnostic(ReportDecodingCodes.FileNameMismatch, Severity.Warning, "RFC 8460 §5.1", label, Arguments: [label, fileName, "JSON", ".json"]);
        }

        return null;
    }

    private static DecodeResult AddFileNameCheck(DecodeResult result, string fileName)
    {
        if (result.Format is not (PayloadFormat.Json or PayloadFormat.Gzip) || result.Payloads.Count == 0)
        {
            return result;
        }

        var mismatch = CheckFileName(fileName, result.Format == PayloadFormat.Gzip, fileName);
        if (mismatch is null)
        {
            return result;
        }

        var payloads = result.Payloads
            .Select(p => new ReportPayload(p.Label, p.Json, [mismatch, .. p.Diagnostics]))
            .ToList();
        return new DecodeResult(result.Format, payloads, result.Diagnostics, result.Mail);
    }

    private static DecodeResult TooLarge(string label, ReportDecodingOptions options)
    {
        var limit = options.MaxInputBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Failure(null, new Diagnostic(ReportDecodingCodes.InputTooLarge, Severity.Error, "RFC 8460 §5.2", label, Arguments: [label, limit]));
    }

    private static DecodeResult Failure(PayloadFormat? format, Diagnostic error) => new(format, [], [error], null);
}
