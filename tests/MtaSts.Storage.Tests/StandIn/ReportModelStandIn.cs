// TODO: delete this stand-in of the report model once main has MtaSts.Reports.
namespace MtaSts.Reports;

/// <summary>Stand-in of the RFC 8460 report.</summary>
public sealed class TlsReport
{
    /// <summary>organization-name.</summary>
    public string? OrganizationName { get; init; }

    /// <summary>date-range.</summary>
    public required DateRange DateRange { get; init; }

    /// <summary>contact-info.</summary>
    public string? ContactInfo { get; init; }

    /// <summary>report-id.</summary>
    public required string ReportId { get; init; }

    /// <summary>policies.</summary>
    public IReadOnlyList<PolicyResult> Policies { get; init; } = [];
}

/// <summary>Stand-in of date-range.</summary>
public sealed record DateRange(DateTimeOffset Start, DateTimeOffset End);

/// <summary>Stand-in of one policies entry.</summary>
public sealed class PolicyResult
{
    /// <summary>policy.</summary>
    public required ReportedPolicy Policy { get; init; }

    /// <summary>summary.</summary>
    public required SessionSummary Summary { get; init; }

    /// <summary>failure-details.</summary>
    public IReadOnlyList<FailureDetail> FailureDetails { get; init; } = [];
}

/// <summary>Stand-in of policy.</summary>
public sealed class ReportedPolicy
{
    /// <summary>policy-type.</summary>
    public required string PolicyType { get; init; }

    /// <summary>policy-string.</summary>
    public IReadOnlyList<string> PolicyString { get; init; } = [];

    /// <summary>policy-domain.</summary>
    public string? PolicyDomain { get; init; }

    /// <summary>mx-host.</summary>
    public IReadOnlyList<string> MxHost { get; init; } = [];
}

/// <summary>Stand-in of summary.</summary>
public sealed class SessionSummary
{
    /// <summary>total-successful-session-count.</summary>
    public long TotalSuccessfulSessionCount { get; init; }

    /// <summary>total-failure-session-count.</summary>
    public long TotalFailureSessionCount { get; init; }
}

/// <summary>Stand-in of one failure-details entry.</summary>
public sealed class FailureDetail
{
    /// <summary>result-type.</summary>
    public required string ResultType { get; init; }

    /// <summary>sending-mta-ip.</summary>
    public string? SendingMtaIp { get; init; }

    /// <summary>receiving-mx-hostname.</summary>
    public string? ReceivingMxHostname { get; init; }

    /// <summary>receiving-mx-helo.</summary>
    public string? ReceivingMxHelo { get; init; }

    /// <summary>receiving-ip.</summary>
    public string? ReceivingIp { get; init; }

    /// <summary>failed-session-count.</summary>
    public long FailedSessionCount { get; init; }

    /// <summary>additional-information.</summary>
    public string? AdditionalInformation { get; init; }

    /// <summary>failure-reason-code.</summary>
    public string? FailureReasonCode { get; init; }
}
