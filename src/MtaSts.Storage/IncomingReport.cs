using MtaSts.Diagnostics;
using MtaSts.Reports;

namespace MtaSts.Storage;

/// <summary>A parsed TLS report on its way into a store, with where it came from and its raw bytes.</summary>
public sealed class IncomingReport
{
    /// <summary>The parsed report.</summary>
    public required TlsReport Report { get; init; }

    /// <summary>The report JSON as received, kept gzip-compressed for audit.</summary>
    public ReadOnlyMemory<byte> RawJson { get; init; }

    /// <summary>The report re-serialised in canonical form, or <see langword="null"/> to keep none.</summary>
    public string? NormalizedJson { get; init; }

    /// <summary>Where the report came from: a file path, a mailbox message or an upload.</summary>
    public required string Source { get; init; }

    /// <summary>When the report arrived.</summary>
    public DateTimeOffset ReceivedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>
    /// The <c>TLS-Report-Submitter</c> of the mail that carried the report (RFC 8460 §5.3), or
    /// <see langword="null"/> when it did not come by mail.
    /// </summary>
    public string? Submitter { get; init; }

    /// <summary>The diagnostics found while decoding and parsing the report.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>The key that recognises a second delivery of the same report.</summary>
    public ReportKey Key => ReportKey.For(Report, Submitter);
}
