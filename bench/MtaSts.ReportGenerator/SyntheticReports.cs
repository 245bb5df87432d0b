using System.Buffers;
using System.Globalization;
using System.Text.Json;
using MtaSts.Reports;

namespace MtaSts.ReportGenerator;

/// <summary>
/// Makes realistic TLS reports: several reporters and domains, a mix of result types, sending IPs
/// from the documentation ranges, and a share of reports delivered twice.
/// </summary>
internal sealed class SyntheticReports(int seed, int failuresPerReport, double duplicateShare)
{
    private static readonly string[] s_reporters = ["mail-a.example", "mail-b.example", "mx-c.example", "relay-d.example", "post-e.example", "smtp-f.example"];
    private static readonly string[] s_domains = ["example.com", "example.net", "example.org", "shop.example", "news.example"];
    private static readonly string[] s_resultTypes =
    [
        "starttls-not-supported", "certificate-host-mismatch", "certificate-expired", "certificate-not-trusted",
        "validation-failure", "sts-policy-fetch-error", "sts-policy-invalid", "sts-webpki-invalid",
    ];

    private static readonly DateTimeOffset s_firstDay = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Yields <paramref name="count"/> reports with their JSON; duplicates repeat an earlier report id.</summary>
    public IEnumerable<(TlsReport Report, byte[] Json)> Generate(int count)
    {
        var random = new Random(seed);
        for (var n = 0; n < count; n++)
        {
            var sequence = n > 0 && random.NextDouble() < duplicateShare ? random.Next(n) : n;
            var report = Create(sequence, failuresPerReport);
            yield return (report, Serialize(report));
        }
    }

    private static TlsReport Create(int sequence, int failuresPerReport)
    {
        // The same sequence number always gives the same report, so a duplicate is a true second delivery.
        var random = new Random(sequence);
        var reporter = s_reporters[sequence % s_reporters.Length];
        var domain = s_domains[random.Next(s_domains.Length)];
        var start = s_firstDay.AddDays(sequence / 2000 % 365);
        var failures = new FailureDetail[random.Next(failuresPerReport * 2 + 1)];
        for (var i = 0; i < failures.Length; i++)
        {
            failures[i] = new FailureDetail
            {
                ResultType = s_resultTypes[random.Next(s_resultTypes.Length)],
                SendingMtaIp = $"192.0.2.{random.Next(1, 255)}",
                ReceivingMxHostname = $"mx{random.Next(1, 3)}.{domain}",
                ReceivingIp = $"198.51.100.{random.Next(1, 255)}",
                FailedSessionCount = random.Next(1, 20),
            };
        }

        var mode = random.Next(4) == 0 ? "enforce" : "testing";
        return new TlsReport
        {
            OrganizationName = reporter.ToUpperInvariant(),
            ContactInfo = $"tlsrpt@{reporter}",
            ReportId = string.Create(CultureInfo.InvariantCulture, $"{start:yyyy-MM-dd}-{sequence}@{reporter}"),
            DateRange = new DateRange(start, start.AddDays(1).AddSeconds(-1)),
            Policies =
            [
                new PolicyResult
                {
                    Policy = new ReportedPolicy
                    {
                        PolicyType = "sts",
                        PolicyDomain = domain,
                        PolicyString = ["version: STSv1", $"mode: {mode}", $"mx: mx1.{domain}", $"mx: mx2.{domain}", "max_age: 604800"],
                        MxHost = [$"mx1.{domain}", $"mx2.{domain}"],
                    },
                    Summary = new SessionSummary
                    {
                        TotalSuccessfulSessionCount = random.Next(10, 5000),
                        TotalFailureSessionCount = failures.Sum(f => f.FailedSessionCount),
                    },
                    FailureDetails = failures,
                },
            ],
        };
    }

    /// <summary>Writes <paramref name="report"/> as RFC 8460 §4.4 JSON.</summary>
    public static byte[] Serialize(TlsReport report)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("organization-name", report.OrganizationName);
            json.WriteStartObject("date-range");
            json.WriteString("start-datetime", report.DateRange.Start.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            json.WriteString("end-datetime", report.DateRange.End.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.WriteString("contact-info", report.ContactInfo);
            json.WriteString("report-id", report.ReportId);
            json.WriteStartArray("policies");
            foreach (var result in report.Policies)
            {
                json.WriteStartObject();
                json.WriteStartObject("policy");
                json.WriteString("policy-type", result.Policy.PolicyType);
                WriteStrings(json, "policy-string", result.Policy.PolicyString);
                json.WriteString("policy-domain", result.Policy.PolicyDomain);
                WriteStrings(json, "mx-host", result.Policy.MxHost);
                json.WriteEndObject();
                json.WriteStartObject("summary");
                json.WriteNumber("total-successful-session-count", result.Summary.TotalSuccessfulSessionCount);
                json.WriteNumber("total-failure-session-count", result.Summary.TotalFailureSessionCount);
                json.WriteEndObject();
                json.WriteStartArray("failure-details");
                foreach (var failure in result.FailureDetails)
                {
                    json.WriteStartObject();
                    json.WriteString("result-type", failure.ResultType);
                    json.WriteString("sending-mta-ip", failure.SendingMtaIp);
                    json.WriteString("receiving-mx-hostname", failure.ReceivingMxHostname);
                    json.WriteString("receiving-ip", failure.ReceivingIp);
                    json.WriteNumber("failed-session-count", failure.FailedSessionCount);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
