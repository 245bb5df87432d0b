namespace MtaSts.Reports.Decoding;

/// <summary>The format that <see cref="ReportDecoder"/> identified the input as, from its first bytes.</summary>
public enum PayloadFormat
{
    /// <summary>JSON text: the first character after an optional UTF-8 BOM and white space is <c>{</c> or <c>[</c>.</summary>
    Json,

    /// <summary>A gzip stream (RFC 1952): the input starts with the bytes <c>1F 8B</c>.</summary>
    Gzip,

    /// <summary>An e-mail message (RFC 5322): the input starts with a header field.</summary>
    Mail,
}
