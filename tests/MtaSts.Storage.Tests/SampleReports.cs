using MtaSts.Reports;
using MtaSts.Storage;

namespace MtaSts.Storage.Tests;

/// <summary>Builds small TLS reports for store tests.</summary>
internal static class SampleReports
{
    public static readonly DateTimeOffset Day1 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static TlsReport Report(
        string reportId,
        string contactInfo = "mailto:tlsrpt@reporter-a.test",
        string? organizationName = "Reporter A",
        DateTimeOffset? start = null,
        params PolicyResult[] policies)
    {
        var begin = start ?? Day1;
        return new TlsReport
        {
            OrganizationName = organizationName,
            ContactInfo = contactInfo,
            ReportId = reportId,
            DateRange = new DateRange(begin, begin.AddDays(1).AddSeconds(-1)),
            Policies = policies.Length > 0 ? policies : [Sts("example.test", "testing", 100, 0)],
        };
    }

    public static PolicyResult Sts(string domain, string mode, long successful, long failed, params FailureDetail[] failures)
    {
        return new PolicyResult
        {
            Policy = new ReportedPolicy
            {
                PolicyType = "sts",
                PolicyDomain = domain,
                PolicyString = ["version: STSv1", $"mode: {mode}", "mx: mx1.example.test", "mx: mx2.example.test", "max_age: 86400"],
                MxHost = ["mx1.example.test", "mx2.example.test"],
            },
            Summary = new SessionSummary { TotalSuccessfulSessionCount = successful, TotalFailureSessionCount = failed },
            FailureDetails = failures,
        };
    }

    public static PolicyResult NoPolicy(string domain, long successful, long failed, params FailureDetail[] failures)
    {
        return new PolicyResult
        {
            Policy = new ReportedPolicy { PolicyType = "no-policy-found", PolicyDomain = domain },
            Summary = new SessionSummary { TotalSuccessfulSessionCount = successful, TotalFailureSessionCount = failed },
            FailureDetails = failures,
        };
    }

    public static FailureDetail Failure(string resultType, long count, string mx = "mx1.example.test", string ip = "192.0.2.10")
    {
        return new FailureDetail
        {
            ResultType = resultType,
            FailedSessionCount = count,
            ReceivingMxHostname = mx,
            SendingMtaIp = ip,
            ReceivingIp = "198.51.100.25",
        };
    }

    public static IncomingReport Incoming(TlsReport report, string source = "test.json", string? submitter = null)
    {
        return new IncomingReport
        {
            Report = report,
            RawJson = "{\"report-id\":\"raw\"}"u8.ToArray(),
            Source = source,
            Submitter = submitter,
            ReceivedAt = Day1.AddDays(2),
        };
    }
}
