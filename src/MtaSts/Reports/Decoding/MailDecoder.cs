using System.Globalization;
using MimeKit;
using MimeKit.Utils;
using MtaSts.Diagnostics;

namespace MtaSts.Reports.Decoding;

/// <summary>
/// Finds TLS report payloads in an e-mail message (RFC 8460 §5.3): the
/// <c>application/tlsrpt+gzip</c> or <c>application/tlsrpt+json</c> part of a
/// <c>multipart/report</c>, and the mislabelled or unwrapped forms that real senders produce.
/// </summary>
internal sealed class MailDecoder
{
    private const string MailRfc = "RFC 8460 §5.3";
    private const string GzipMediaType = "application/tlsrpt+gzip";
    private const string JsonMediaType = "application/tlsrpt+json";

    // NOTE(interop): media types seen on report parts besides the two RFC 8460 §5.3 defines
    // (stalwart's sample uses bare application/tlsrpt); accepted with a warning.
    private static readonly HashSet<string> s_genericMediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/tlsrpt",
        "application/gzip",
        "application/x-gzip",
        "application/json",
        "application/octet-stream",
        "text/json",
    };

    private readonly ReadOnlyMemory<byte> _input;
    private readonly ReportDecodingOptions _options;
    private readonly CancellationToken _cancellationToken;
    private readonly List<ReportPayload> _payloads = [];
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<string> _partMediaTypes = [];
    private int _examinedCount;

    private MailDecoder(ReadOnlyMemory<byte> input, ReportDecodingOptions options, CancellationToken cancellationToken)
    {
        _input = input;
        _options = options;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Whether <paramref name="data"/> starts with an RFC 5322 §2.2 header field: a name of printable ASCII without ':' and then ':'.</summary>
    public static bool LooksLikeMail(ReadOnlySpan<byte> data)
    {
        var length = 0;
        while (length < data.Length && data[length] is >= 33 and <= 126 and not (byte)':')
        {
            length++;
        }

        return length > 0 && length < data.Length && data[length] == (byte)':';
    }

    // TODO: mbox files start with a "From " separator line and hold many messages; they are
    // reported as an unknown format for now.
    public static DecodeResult Decode(ReadOnlyMemory<byte> input, ReportDecodingOptions options, CancellationToken cancellationToken)
    {
        var decoder = new MailDecoder(input, options, cancellationToken);
        MimeMessage message;
        using (var stream = AsStream(input))
        {
            var parser = new MimeParser(ParserOptions.Default, stream, MimeFormat.Entity, persistent: false);
            try
            {
                message = parser.ParseMessage(cancellationToken);
            }
            catch (FormatException exception)
            {
                var error = new Diagnostic(ReportDecodingCodes.MailInvalid, Severity.Error, "RFC 5322 §2.1", Arguments: [exception.Message]);
                return new DecodeResult(PayloadFormat.Mail, [], [error], null);
            }
        }

        using (message)
        {
            var mail = ReadMailInfo(message);
            decoder.Walk(message.Body, section: "", isMessageBody: true);
            decoder.CheckMessage(message, mail);
            return new DecodeResult(PayloadFormat.Mail, decoder._payloads, decoder._diagnostics, mail);
        }
    }

    private static MemoryStream AsStream(ReadOnlyMemory<byte> input)
    {
        return System.Runtime.InteropServices.MemoryMarshal.TryGetArray(input, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(input.ToArray(), writable: false);
    }

    private static MailInfo ReadMailInfo(MimeMessage message)
    {
        var headers = message.Headers;
        DateTimeOffset? date = null;
        if (headers[HeaderId.Date] is { } dateText && DateUtils.TryParse(dateText, out var parsed))
        {
            date = parsed;
        }

        return new MailInfo(
            headers[HeaderId.From]?.Trim(),
            message.Subject,
            date,
            headers["TLS-Report-Domain"]?.Trim(),
            headers["TLS-Report-Submitter"]?.Trim(),
            message.MessageId);
    }

    private void Walk(MimeEntity? entity, string section, bool isMessageBody)
    {
        if (entity is null)
        {
            return;
        }

        _examinedCount++;
        if (_examinedCount > _options.MaxMimeParts)
        {
            if (_examinedCount == _options.MaxMimeParts + 1)
            {
                _diagnostics.Add(new Diagnostic(ReportDecodingCodes.MimePartLimit, Severity.Warning, MailRfc, Arguments: [Number(_options.MaxMimeParts)]));
            }

            return;
        }

        _cancellationToken.ThrowIfCancellationRequested();
        switch (entity)
        {
            case Multipart multipart:
                WalkMultipart(multipart, section);
                break;

            case MessagePart attached:
                // A report forwarded as an attachment: look inside the attached message.
                _partMediaTypes.Add(attached.ContentType.MimeType.ToLowerInvariant());
                Walk(attached.Message?.Body, section, isMessageBody: true);
                break;

            case MimePart part:
                ExaminePart(part, section.Length == 0 ? "1" : section, isMessageBody);
                break;
        }
    }

    private void WalkMultipart(Multipart multipart, string section)
    {
        // RFC 2046 §5.1.1: the last body part is followed by "--" boundary "--". MimeKit accepts a
        // multipart without it, so look for it in the input.
        var boundary = multipart.Boundary ?? "";
        if (!HasCloseDelimiter(boundary))
        {
            var name = section.Length == 0 ? "message" : $"part {section}";
            _diagnostics.Add(new Diagnostic(ReportDecodingCodes.MissingEndBoundary, Severity.Warning, "RFC 2046 §5.1.1", name, Arguments: [name, boundary]));
        }

        for (var i = 0; i < multipart.Count; i++)
        {
            var child = (i + 1).ToString(CultureInfo.InvariantCulture);
            Walk(multipart[i], section.Length == 0 ? child : $"{section}.{child}", isMessageBody: false);
        }
    }

    private bool HasCloseDelimiter(string boundary)
    {
        var delimiter = System.Text.Encoding.UTF8.GetBytes($"\n--{boundary}--");
        return _input.Span.IndexOf(delimiter) >= 0;
    }

    private void ExaminePart(MimePart part, string section, bool isMessageBody)
    {
        var mediaType = part.ContentType.MimeType.ToLowerInvariant();
        var fileName = part.FileName;
        var label = fileName is null ? $"part {section} ({mediaType})" : $"part {section} ({mediaType}, {fileName})";
        _partMediaTypes.Add(mediaType);

        var role = Classify(mediaType, fileName, isMessageBody);
        if (role == PartRole.Other)
        {
            return;
        }

        var partDiagnostics = new List<Diagnostic>();
        CheckBase64(part, label, partDiagnostics);
        var content = ReadContent(part);

        if (content.Length == 0)
        {
            if (role != PartRole.MessageBody)
            {
                _diagnostics.AddRange(partDiagnostics);
                _diagnostics.Add(new Diagnostic(ReportDecodingCodes.PartEmpty, Severity.Error, MailRfc, label, Arguments: [label]));
            }

            return;
        }

        var isGzip = GzipDecoder.StartsWithMagic(content);
        if (!isGzip && !JsonPayloadReader.LooksLikeJson(content))
        {
            // A plain message body that is not a report (a cron mail, say) is only listed in the
            // no-report error; a part labelled as a report that contains something else is an error itself.
            if (role != PartRole.MessageBody)
            {
                _diagnostics.AddRange(partDiagnostics);
                _diagnostics.Add(new Diagnostic(ReportDecodingCodes.NotJson, Severity.Error, MailRfc, label, Arguments: [label, JsonPayloadReader.Preview(content)]));
            }

            return;
        }

        var expectedMediaType = isGzip ? GzipMediaType : JsonMediaType;
        var contentFormat = isGzip ? "gzip" : "JSON";
        if (role is PartRole.StandardGzip or PartRole.StandardJson && mediaType != expectedMediaType)
        {
            partDiagnostics.Add(new Diagnostic(ReportDecodingCodes.MediaTypeMismatch, Severity.Warning, MailRfc, label, Arguments: [label, mediaType, contentFormat, expectedMediaType]));
        }
        else if (role is PartRole.Nonstandard or PartRole.MessageBody)
        {
            partDiagnostics.Add(new Diagnostic(ReportDecodingCodes.MediaTypeNonstandard, Severity.Warning, MailRfc, label, Arguments: [label, mediaType, expectedMediaType]));
        }

        if (ReportDecoder.CheckFileName(fileName, isGzip, label) is { } fileNameMismatch)
        {
            partDiagnostics.Add(fileNameMismatch);
        }

        ReportDecoder.DecodeContent(content, isGzip, label, partDiagnostics, _options, _payloads, _diagnostics, _cancellationToken);
    }

    private static PartRole Classify(string mediaType, string? fileName, bool isMessageBody)
    {
        if (mediaType == GzipMediaType)
        {
            return PartRole.StandardGzip;
        }

        if (mediaType == JsonMediaType)
        {
            return PartRole.StandardJson;
        }

        var extension = ReportExtension(fileName);
        if (extension is not null || (fileName is null && s_genericMediaTypes.Contains(mediaType)))
        {
            return PartRole.Nonstandard;
        }

        return isMessageBody ? PartRole.MessageBody : PartRole.Other;
    }

    /// <summary>Returns ".json.gz", ".json" or ".gz" when <paramref name="fileName"/> ends with one of them, otherwise <see langword="null"/>.</summary>
    private static string? ReportExtension(string? fileName)
    {
        if (fileName is null)
        {
            return null;
        }

        foreach (var extension in (string[])[".json.gz", ".json", ".gz"])
        {
            if (fileName.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return extension;
            }
        }

        return null;
    }

    private void CheckBase64(MimePart part, string label, List<Diagnostic> partDiagnostics)
    {
        if (part.ContentTransferEncoding != ContentEncoding.Base64 || part.Content?.Stream is not { } encoded)
        {
            return;
        }

        using var copy = new MemoryStream();
        encoded.Position = 0;
        encoded.CopyTo(copy);
        encoded.Position = 0;

        if (Base64Check.Check(copy.GetBuffer().AsSpan(0, (int)copy.Length), label) is { } problem)
        {
            partDiagnostics.Add(problem);
        }
    }

    private byte[] ReadContent(MimePart part)
    {
        if (part.Content is null)
        {
            return [];
        }

        // The decoded content is never longer than its encoded form, which is bounded by the
        // input size limit, so no separate limit is needed here.
        using var decoded = new MemoryStream();
        part.Content.DecodeTo(decoded, _cancellationToken);
        return decoded.ToArray();
    }

    private void CheckMessage(MimeMessage message, MailInfo mail)
    {
        if (_payloads.Count == 0)
        {
            if (!_diagnostics.Any(d => d.Severity == Severity.Error))
            {
                var parts = _partMediaTypes.Count == 0 ? "-" : string.Join(", ", _partMediaTypes);
                _diagnostics.Add(new Diagnostic(ReportDecodingCodes.NoReport, Severity.Error, MailRfc, Arguments: [parts]));
            }

            return;
        }

        // RFC 8460 §5.3: the report travels in a multipart/report with report-type="tlsrpt".
        var contentType = message.Body?.ContentType;
        var reportType = contentType?.Parameters["report-type"];
        if (contentType is null || !contentType.IsMimeType("multipart", "report") || !string.Equals(reportType, "tlsrpt", StringComparison.OrdinalIgnoreCase))
        {
            var actual = contentType is null ? "-" : contentType.MimeType.ToLowerInvariant() + (reportType is null ? "" : $"; report-type={reportType}");
            _diagnostics.Add(new Diagnostic(ReportDecodingCodes.NotMultipartReport, Severity.Warning, MailRfc, Arguments: [actual]));
        }

        // RFC 8460 §5.3: both header fields MUST be included.
        if (mail.ReportDomain is null)
        {
            _diagnostics.Add(new Diagnostic(ReportDecodingCodes.MissingReportHeader, Severity.Warning, MailRfc, "TLS-Report-Domain", Arguments: ["TLS-Report-Domain"]));
        }

        if (mail.ReportSubmitter is null)
        {
            _diagnostics.Add(new Diagnostic(ReportDecodingCodes.MissingReportHeader, Severity.Warning, MailRfc, "TLS-Report-Submitter", Arguments: ["TLS-Report-Submitter"]));
        }
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private enum PartRole
    {
        /// <summary>Not a report part, such as the human-readable text/plain part.</summary>
        Other,

        /// <summary>Labelled application/tlsrpt+gzip.</summary>
        StandardGzip,

        /// <summary>Labelled application/tlsrpt+json.</summary>
        StandardJson,

        /// <summary>Another media type that may carry a report: a generic type, or a .json or .gz filename.</summary>
        Nonstandard,

        /// <summary>The only body of a non-multipart message, of any type; a report only if it contains JSON or gzip.</summary>
        MessageBody,
    }
}
