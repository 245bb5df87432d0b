using MtaSts.Diagnostics;

namespace MtaSts.Reports.Decoding;

/// <summary>The JSON documents that <see cref="ReportDecoder"/> found in the input, and why any are missing.</summary>
public sealed class DecodeResult
{
    internal DecodeResult(PayloadFormat? format, IReadOnlyList<ReportPayload> payloads, IReadOnlyList<Diagnostic> diagnostics, MailInfo? mail)
    {
        Format = format;
        Payloads = payloads;
        Diagnostics = diagnostics;
        Mail = mail;
    }

    /// <summary>What the input was identified as, or <see langword="null"/> when it is empty or of no known format.</summary>
    public PayloadFormat? Format { get; }

    /// <summary>The JSON documents found, in input order; empty when none was found.</summary>
    public IReadOnlyList<ReportPayload> Payloads { get; }

    /// <summary>
    /// Findings about the input as a whole and about parts that yielded no payload. When
    /// <see cref="Payloads"/> is empty, the errors here explain why.
    /// </summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Whether at least one JSON document was found.</summary>
    public bool Succeeded => Payloads.Count > 0;

    /// <summary>The message's header fields when the input is an e-mail message, otherwise <see langword="null"/>.</summary>
    public MailInfo? Mail { get; }
}
