namespace MtaSts.Server.Intake;

/// <summary>
/// A TLS report that passed the intake checks: its identity, the policy domains it covers and its
/// JSON text, decompressed.
/// </summary>
/// <param name="OrganizationName">The <c>organization-name</c> of the sender.</param>
/// <param name="ReportId">The <c>report-id</c>; with the organization it identifies the report for deduplication.</param>
/// <param name="PolicyDomains">The <c>policy-domain</c> of each policy in the report, lower case, once each.</param>
/// <param name="Json">The report as JSON (RFC 8460 §4).</param>
public sealed record ReceivedReport(string OrganizationName, string ReportId, IReadOnlyList<string> PolicyDomains, ReadOnlyMemory<byte> Json);

/// <summary>What the intake did with one report.</summary>
public enum IntakeOutcome
{
    /// <summary>The report is new and durably stored.</summary>
    Stored,

    /// <summary>A report with the same organization and report id is already stored; nothing was added.</summary>
    Duplicate,
}

/// <summary>How a report arrived.</summary>
/// <param name="Channel">The transport: <c>https</c>, <c>smtp</c> or <c>imap</c>.</param>
/// <param name="Peer">The sender's address, such as the remote IP or the SMTP envelope sender, when known.</param>
public sealed record ReportSource(string Channel, string? Peer);
