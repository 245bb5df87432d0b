namespace MtaSts.Reports.Decoding;

/// <summary>
/// Diagnostic codes that <see cref="ReportDecoder"/> emits. Each has an English and a Spanish
/// message in <c>Resources/ReportDecodingMessages.resx</c>.
/// </summary>
public static class ReportDecodingCodes
{
    /// <summary>Error: the input has no bytes.</summary>
    public const string Empty = "TLSRPT-DECODE-EMPTY";

    /// <summary>Error: the input is larger than <see cref="ReportDecodingOptions.MaxInputBytes"/>.</summary>
    public const string InputTooLarge = "TLSRPT-DECODE-INPUT-TOO-LARGE";

    /// <summary>Error: the input is neither JSON, gzip nor an e-mail message.</summary>
    public const string UnknownFormat = "TLSRPT-DECODE-UNKNOWN-FORMAT";

    /// <summary>Error: the gzip header is invalid (wrong compression method or reserved flags set).</summary>
    public const string GzipHeaderInvalid = "TLSRPT-DECODE-GZIP-HEADER-INVALID";

    /// <summary>Error: the gzip stream ends before its last member is complete.</summary>
    public const string GzipTruncated = "TLSRPT-DECODE-GZIP-TRUNCATED";

    /// <summary>Error: the compressed data inside the gzip stream is invalid.</summary>
    public const string GzipCorrupt = "TLSRPT-DECODE-GZIP-CORRUPT";

    /// <summary>Error: the CRC-32 or length in a gzip trailer does not match the decompressed data.</summary>
    public const string GzipChecksumMismatch = "TLSRPT-DECODE-GZIP-CHECKSUM-MISMATCH";

    /// <summary>Warning: bytes that are not a gzip member follow the last member; they were ignored.</summary>
    public const string GzipTrailingData = "TLSRPT-DECODE-GZIP-TRAILING-DATA";

    /// <summary>Error: the gzip stream expands past <see cref="ReportDecodingOptions.MaxDecompressedBytes"/>.</summary>
    public const string DecompressedTooLarge = "TLSRPT-DECODE-DECOMPRESSED-TOO-LARGE";

    /// <summary>Error: decoded content (of a gzip stream or a MIME part) is not JSON.</summary>
    public const string NotJson = "TLSRPT-DECODE-NOT-JSON";

    /// <summary>Info: a UTF-8 byte order mark before the JSON text was removed.</summary>
    public const string JsonByteOrderMark = "TLSRPT-DECODE-JSON-BOM";

    /// <summary>Error: a top-level JSON array of reports is not valid JSON.</summary>
    public const string JsonArrayInvalid = "TLSRPT-DECODE-JSON-ARRAY-INVALID";

    /// <summary>Error: a top-level JSON array contains no report object.</summary>
    public const string JsonArrayEmpty = "TLSRPT-DECODE-JSON-ARRAY-EMPTY";

    /// <summary>Warning: an element of a top-level JSON array is not an object; it was skipped.</summary>
    public const string JsonArrayElementNotObject = "TLSRPT-DECODE-JSON-ARRAY-ELEMENT-NOT-OBJECT";

    /// <summary>Error: MimeKit could not parse the input as an e-mail message.</summary>
    public const string MailInvalid = "TLSRPT-DECODE-MAIL-INVALID";

    /// <summary>Error: the message has no part that contains a TLS report.</summary>
    public const string NoReport = "TLSRPT-DECODE-NO-REPORT";

    /// <summary>Warning: the message is not <c>multipart/report; report-type=tlsrpt</c> (RFC 8460 §5.3).</summary>
    public const string NotMultipartReport = "TLSRPT-DECODE-NOT-MULTIPART-REPORT";

    /// <summary>Warning: a multipart ends without its closing boundary delimiter line.</summary>
    public const string MissingEndBoundary = "TLSRPT-DECODE-MISSING-END-BOUNDARY";

    /// <summary>Warning: a report message lacks <c>TLS-Report-Domain</c> or <c>TLS-Report-Submitter</c> (RFC 8460 §5.3).</summary>
    public const string MissingReportHeader = "TLSRPT-DECODE-MISSING-REPORT-HEADER";

    /// <summary>Warning: the report part has a media type other than the two RFC 8460 §5.3 defines.</summary>
    public const string MediaTypeNonstandard = "TLSRPT-DECODE-MEDIA-TYPE-NONSTANDARD";

    /// <summary>Warning: the part is labelled <c>application/tlsrpt+gzip</c> but contains JSON, or the reverse.</summary>
    public const string MediaTypeMismatch = "TLSRPT-DECODE-MEDIA-TYPE-MISMATCH";

    /// <summary>Warning: the filename extension (<c>.json</c> or <c>.json.gz</c>, RFC 8460 §5.1) disagrees with the content.</summary>
    public const string FileNameMismatch = "TLSRPT-DECODE-FILENAME-MISMATCH";

    /// <summary>Error: a part labelled as a report has no content.</summary>
    public const string PartEmpty = "TLSRPT-DECODE-PART-EMPTY";

    /// <summary>Warning: the base64 content of a part has a character outside the base64 alphabet; it was skipped.</summary>
    public const string Base64InvalidCharacter = "TLSRPT-DECODE-BASE64-INVALID-CHARACTER";

    /// <summary>Warning: the base64 content of a part is not a whole number of 4-character groups (broken padding).</summary>
    public const string Base64InvalidLength = "TLSRPT-DECODE-BASE64-INVALID-LENGTH";

    /// <summary>Warning: the message has more MIME entities than <see cref="ReportDecodingOptions.MaxMimeParts"/>; the rest were ignored.</summary>
    public const string MimePartLimit = "TLSRPT-DECODE-MIME-PART-LIMIT";
}
