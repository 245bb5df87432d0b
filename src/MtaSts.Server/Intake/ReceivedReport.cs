using MtaSts.Diagnostics;
using MtaSts.Reports;

namespace MtaSts.Server.Intake;

/// <summary>A TLS report that passed the intake checks, with its JSON as received and the policy domains it covers.</summary>
/// <param name="Report">The parsed report.</param>
/// <param name="Json">The report JSON after gzip and MIME decoding.</param>
/// <param name="PolicyDomains">The <c>policy-domain</c> of each policy in the report, lower case, without a trailing dot, once each.</param>
/// <param name="Submitter">The <c>TLS-Report-Submitter</c> of the mail that carried it (RFC 8460 §5.3), or <see langword="null"/>.</param>
/// <param name="Diagnostics">What the decoder and the parser noted about the report.</param>
public sealed record ReceivedReport(
    TlsReport Report,
    ReadOnlyMemory<byte> Json,
    IReadOnlyList<string> PolicyDomains,
    string? Submitter,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The <c>organization-name</c> of the sender, or an empty string when the report has none.</summary>
    public string OrganizationName => Report.OrganizationName ?? string.Empty;

    /// <summary>The <c>report-id</c>.</summary>
    public string ReportId => Report.ReportId;

    /// <summary>Returns the policy domains of <paramref name="report"/>, lower case, without a trailing dot, once each.</summary>
    public static IReadOnlyList<string> PolicyDomainsOf(TlsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Policies
            .Select(p => p.Policy.PolicyDomain?.Trim().TrimEnd('.').ToLowerInvariant())
            .OfType<string>()
            .Where(d => d.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }
}

/// <summary>What the intake did with one report.</summary>
public enum IntakeOutcome
{
    /// <summary>The report is new and durably stored.</summary>
    Stored,

    /// <summary>The same report is already stored; nothing was added.</summary>
    Duplicate,
}

/// <summary>How a report arrived.</summary>
/// <param name="Channel">The transport: <c>https</c>, <c>smtp</c> or <c>imap</c>.</param>
/// <param name="Peer">The sender's address, such as the remote IP or the SMTP envelope sender, when known.</param>
public sealed record ReportSource(string Channel, string? Peer);
