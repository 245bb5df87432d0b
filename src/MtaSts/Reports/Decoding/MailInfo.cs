namespace MtaSts.Reports.Decoding;

/// <summary>
/// Header fields of a report message. RFC 8460 §5.6 makes the report body authoritative when
/// these disagree with it, so they serve for display and searching only.
/// </summary>
public sealed class MailInfo
{
    internal MailInfo(string? from, string? subject, DateTimeOffset? date, string? reportDomain, string? reportSubmitter, string? messageId)
    {
        From = from;
        Subject = subject;
        Date = date;
        ReportDomain = reportDomain;
        ReportSubmitter = reportSubmitter;
        MessageId = messageId;
    }

    /// <summary>The <c>From</c> header field, or <see langword="null"/> when missing.</summary>
    public string? From { get; }

    /// <summary>The <c>Subject</c> header field with encoded words decoded, or <see langword="null"/> when missing.</summary>
    public string? Subject { get; }

    /// <summary>The <c>Date</c> header field, or <see langword="null"/> when missing or not a date.</summary>
    public DateTimeOffset? Date { get; }

    /// <summary>The <c>TLS-Report-Domain</c> header field (RFC 8460 §5.3), or <see langword="null"/> when missing.</summary>
    public string? ReportDomain { get; }

    /// <summary>The <c>TLS-Report-Submitter</c> header field (RFC 8460 §5.3), or <see langword="null"/> when missing.</summary>
    public string? ReportSubmitter { get; }

    /// <summary>The <c>Message-ID</c> header field without angle brackets, or <see langword="null"/> when missing.</summary>
    public string? MessageId { get; }
}
