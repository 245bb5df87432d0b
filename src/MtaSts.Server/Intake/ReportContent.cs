using System.Globalization;
using MtaSts.Diagnostics;
using MtaSts.Reports;
using MtaSts.Reports.Decoding;

namespace MtaSts.Server.Intake;

/// <summary>
/// Decodes a request body or a mail message with the report library (gzip, JSON, MIME) and parses
/// every report in it, so intake applies the same limits and leniency as <c>mtasts reports</c>.
/// </summary>
internal static class ReportContent
{
    /// <summary>Reads the reports in <paramref name="input"/>, or the reason it is not accepted.</summary>
    /// <param name="input">The body or message as received.</param>
    /// <param name="options">The size limits.</param>
    public static ReportReadOutcome Read(ReadOnlyMemory<byte> input, ReportDecodingOptions options)
    {
        var decoded = ReportDecoder.Decode(input, options);
        if (!decoded.Succeeded)
        {
            return ReportReadOutcome.Reject(FromDiagnostics(decoded.Diagnostics));
        }

        var reports = new List<ReceivedReport>(decoded.Payloads.Count);
        foreach (var payload in decoded.Payloads)
        {
            var parsed = TlsReportParser.Parse(payload.Json.Span);
            var diagnostics = payload.Diagnostics.Concat(parsed.Diagnostics).ToList();

            // All or nothing: a sender that gets a rejection sends the whole body again.
            if (parsed.Report is not { } report)
            {
                return ReportReadOutcome.Reject(FromDiagnostics(diagnostics));
            }

            reports.Add(new ReceivedReport(report, payload.Json, ReceivedReport.PolicyDomainsOf(report), decoded.Mail?.ReportSubmitter, diagnostics));
        }

        return new ReportReadOutcome(reports, null);
    }

    private static IntakeRejection FromDiagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        var error = diagnostics.FirstOrDefault(d => d.Severity == Severity.Error)
            ?? new Diagnostic(ReportDecodingCodes.NoReport, Severity.Error, "RFC 8460 §5");
        var kind = error.Code is ReportDecodingCodes.InputTooLarge or ReportDecodingCodes.DecompressedTooLarge or ReportDiagnosticCodes.TooLarge
            ? IntakeRejectionKind.TooLarge
            : IntakeRejectionKind.NotAReport;
        return new IntakeRejection(kind, error.Code, error.Describe(CultureInfo.InvariantCulture));
    }
}

/// <summary>The result of <see cref="ReportContent.Read"/>: the reports, or the reason the input is not accepted.</summary>
internal sealed record ReportReadOutcome(IReadOnlyList<ReceivedReport> Reports, IntakeRejection? Rejection)
{
    public static ReportReadOutcome Reject(IntakeRejection rejection) => new([], rejection);
}

/// <summary>The classes of rejection, each with its HTTP status and SMTP reply.</summary>
internal enum IntakeRejectionKind
{
    /// <summary>The input is not a TLS report: HTTP 400, SMTP 554 5.6.0.</summary>
    NotAReport,

    /// <summary>The input is over a size limit: HTTP 413, SMTP 552 5.3.4.</summary>
    TooLarge,

    /// <summary>The request's media type is not one of RFC 8460 §5.4: HTTP 415.</summary>
    UnsupportedMediaType,

    /// <summary>The report covers no managed domain and the server rejects such reports: HTTP 400, SMTP 550 5.7.1.</summary>
    UnmanagedDomain,
}

/// <summary>Why a report was not accepted.</summary>
/// <param name="Kind">The class of rejection.</param>
/// <param name="Reason">A stable code for responses and metrics: a diagnostic code such as <c>TLSRPT-DECODE-NOT-JSON</c>, or a kebab-case name.</param>
/// <param name="Detail">An English sentence for the sender.</param>
internal sealed record IntakeRejection(IntakeRejectionKind Kind, string Reason, string Detail)
{
    public static IntakeRejection UnsupportedMediaType { get; } = new(
        IntakeRejectionKind.UnsupportedMediaType,
        "unsupported-media-type",
        "Send the report as application/tlsrpt+gzip or application/tlsrpt+json (RFC 8460 §5.4).");

    public static IntakeRejection BodyTooLarge(long limit) => new(
        IntakeRejectionKind.TooLarge,
        "body-too-large",
        $"The request body is larger than the {limit} bytes this server accepts.");

    public static IntakeRejection UnmanagedDomain(IEnumerable<string> domains) => new(
        IntakeRejectionKind.UnmanagedDomain,
        "unmanaged-domain",
        $"The report covers {string.Join(", ", domains)}, which this server does not manage.");
}
