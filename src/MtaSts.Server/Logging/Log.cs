namespace MtaSts.Server.Logging;

/// <summary>
/// The log events of <c>mtasts serve</c>. Event ids: 1000s lifecycle, 2000s policy hosting and TLS,
/// 3000s report intake, 4000s SMTP and 4100s IMAP, 5000s API. No event carries report contents, tokens or passwords.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Information, "mtasts serve started: listening on {Addresses}; domains and reports in {Store}")]
    public static partial void Started(ILogger logger, string addresses, string store);

    [LoggerMessage(1001, LogLevel.Information, "mtasts serve stopping")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(1002, LogLevel.Information, "mtasts serve stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(2000, LogLevel.Information, "Loaded {Count} managed domains (catalog version {Version})")]
    public static partial void PoliciesLoaded(ILogger logger, int count, long version);

    [LoggerMessage(2001, LogLevel.Error, "Reloading the managed domains failed; serving the previous policies")]
    public static partial void PolicyReloadFailed(ILogger logger, Exception exception);

    [LoggerMessage(2002, LogLevel.Information, "Loaded the certificate for {Name} from {CertificateFile}")]
    public static partial void CertificateReloaded(ILogger logger, string name, string certificateFile);

    [LoggerMessage(2003, LogLevel.Warning, "Reloading the certificate for {Name} from {CertificateFile} failed, keeping the previous one: {Error}")]
    public static partial void CertificateReloadFailed(ILogger logger, string name, string certificateFile, string error);

    [LoggerMessage(2004, LogLevel.Information, "Policy request rejected with 404 ({Reason}): host {Host}, target {Target} from {Peer}; {Suppressed} more held back in the last second")]
    public static partial void PolicyRequestRejected(ILogger logger, string reason, string host, string target, string? peer, long suppressed);

    [LoggerMessage(2005, LogLevel.Information, "Request rejected with 421: host {Host} differs from the TLS SNI name {SniName}, from {Peer}; {Suppressed} more held back in the last second")]
    public static partial void MisdirectedRequest(ILogger logger, string host, string sniName, string? peer, long suppressed);

    [LoggerMessage(3000, LogLevel.Information, "Stored report {ReportId} from {Organization} for {Domains} via {Channel} from {Peer}")]
    public static partial void ReportStored(ILogger logger, string reportId, string organization, string domains, string channel, string? peer);

    [LoggerMessage(3001, LogLevel.Information, "Report {ReportId} from {Organization} via {Channel} is already stored")]
    public static partial void ReportDuplicate(ILogger logger, string reportId, string organization, string channel);

    [LoggerMessage(3002, LogLevel.Warning, "Rejected a report via {Channel} from {Peer}: {Reason}")]
    public static partial void ReportRejected(ILogger logger, string channel, string? peer, string reason);

    [LoggerMessage(3003, LogLevel.Information, "Kept aside report {ReportId} from {Organization} for unmanaged {Domains} via {Channel}")]
    public static partial void ReportSetAside(ILogger logger, string reportId, string organization, string domains, string channel);

    [LoggerMessage(4000, LogLevel.Information, "SMTP intake listening on {Endpoint} for {Recipients}")]
    public static partial void SmtpListening(ILogger logger, string endpoint, string recipients);

    [LoggerMessage(4001, LogLevel.Warning, "SMTP: rejected recipient {Recipient} from {Peer}")]
    public static partial void SmtpRecipientRejected(ILogger logger, string recipient, string? peer);

    [LoggerMessage(4002, LogLevel.Error, "SMTP intake failed")]
    public static partial void SmtpFailed(ILogger logger, Exception exception);

    [LoggerMessage(4003, LogLevel.Error, "SMTP: storing the reports of a message from {Peer} failed; replied 451 so the sender retries")]
    public static partial void SmtpStoreFailed(ILogger logger, string? peer, Exception exception);

    [LoggerMessage(4100, LogLevel.Information, "IMAP {Mailbox}: stored {Stored}, duplicates {Duplicates}, rejected {Rejected}, moved {Moved} messages")]
    public static partial void ImapPolled(ILogger logger, string mailbox, int stored, int duplicates, int rejected, int moved);

    [LoggerMessage(4101, LogLevel.Error, "IMAP {Mailbox}: polling failed; retrying at the next interval")]
    public static partial void ImapPollFailed(ILogger logger, string mailbox, Exception exception);

    [LoggerMessage(5000, LogLevel.Warning, "API request {Method} {Path} from {Peer} rejected: {Reason}")]
    public static partial void ApiRejected(ILogger logger, string method, string path, string? peer, string reason);

    [LoggerMessage(5001, LogLevel.Information, "API: {Action} {Domain}, policy id {PolicyId}")]
    public static partial void DomainChanged(ILogger logger, string action, string domain, string? policyId);
}
