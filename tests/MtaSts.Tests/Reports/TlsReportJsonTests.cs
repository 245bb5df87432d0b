using System.Text;
using System.Text.Json;
using MtaSts.Reports;
using Xunit;

namespace MtaSts.Tests.Reports;

public class TlsReportJsonTests
{
    private static TlsReport FullReport()
    {
        var json = """
            {"organization-name":"Example Sender","date-range":{"start-datetime":"2024-01-01T00:00:00Z","end-datetime":"2024-01-01T23:59:59.5Z","x-zone":"UTC"},
             "contact-info":"tlsrpt@sender.example","report-id":"r-1","x-root":[1,{"a":null}],
             "policies":[{"policy":{"policy-type":"sts","policy-string":["version: STSv1","mode: testing","mx: *.example.net","max_age: 86400"],
                "policy-domain":"example.net","mx-host":["*.example.net"],"x-policy":true},
               "summary":{"total-successful-session-count":5326,"total-failure-session-count":303,"x-summary":"s"},
               "failure-details":[{"result-type":"starttls-not-supported","sending-mta-ip":"2001:db8::1","receiving-mx-hostname":"mx2.example.net",
                 "receiving-mx-helo":"mx2.example.net ESMTP","receiving-ip":"203.0.113.56","failed-session-count":303,
                 "additional-information":"https://sender.example/r/1","failure-reason-code":"no STARTTLS","x-detail":1.5}],"x-entry":{}}]}
            """;
        var result = TlsReportParser.Parse(Encoding.UTF8.GetBytes(json));
        Assert.True(result.Succeeded);
        return result.Report!;
    }

    [Fact]
    public void Round_trip_keeps_every_field()
    {
        var original = FullReport();

        var text = TlsReportJson.Serialize(original);
        var copy = TlsReportParser.ParseOrThrow(Encoding.UTF8.GetBytes(text));

        Assert.Equal(original.OrganizationName, copy.OrganizationName);
        Assert.Equal(original.ContactInfo, copy.ContactInfo);
        Assert.Equal(original.ReportId, copy.ReportId);
        Assert.Equal(original.DateRange.Start, copy.DateRange.Start);
        Assert.Equal(original.DateRange.End, copy.DateRange.End);
        Assert.Equal("\"UTC\"", copy.DateRange.ExtensionData!["x-zone"].GetRawText());
        Assert.Equal("[1,{\"a\":null}]", copy.ExtensionData!["x-root"].GetRawText());

        var policyResult = Assert.Single(copy.Policies);
        Assert.Equal("{}", policyResult.ExtensionData!["x-entry"].GetRawText());
        var policy = policyResult.Policy;
        Assert.Equal("sts", policy.PolicyType);
        Assert.Equal(original.Policies[0].Policy.PolicyString, policy.PolicyString);
        Assert.Equal("example.net", policy.PolicyDomain);
        Assert.Equal(["*.example.net"], policy.MxHost);
        Assert.Equal(JsonValueKind.True, policy.ExtensionData!["x-policy"].ValueKind);
        Assert.Equal(5326, policyResult.Summary.TotalSuccessfulSessionCount);
        Assert.Equal(303, policyResult.Summary.TotalFailureSessionCount);
        Assert.Equal("s", policyResult.Summary.ExtensionData!["x-summary"].GetString());

        var detail = Assert.Single(policyResult.FailureDetails);
        Assert.Equal("starttls-not-supported", detail.ResultType);
        Assert.Equal("2001:db8::1", detail.SendingMtaIp);
        Assert.Equal("mx2.example.net", detail.ReceivingMxHostname);
        Assert.Equal("mx2.example.net ESMTP", detail.ReceivingMxHelo);
        Assert.Equal("203.0.113.56", detail.ReceivingIp);
        Assert.Equal(303, detail.FailedSessionCount);
        Assert.Equal("https://sender.example/r/1", detail.AdditionalInformation);
        Assert.Equal("no STARTTLS", detail.FailureReasonCode);
        Assert.Equal(1.5, detail.ExtensionData!["x-detail"].GetDouble());

        Assert.Equal(text, TlsReportJson.Serialize(copy));
    }

    [Fact]
    public void Serialize_uses_rfc_field_names()
    {
        var text = TlsReportJson.Serialize(FullReport());

        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        Assert.Equal("2024-01-01T00:00:00Z", root.GetProperty("date-range").GetProperty("start-datetime").GetString());
        Assert.Equal("2024-01-01T23:59:59.5Z", root.GetProperty("date-range").GetProperty("end-datetime").GetString());
        var entry = root.GetProperty("policies")[0];
        Assert.Equal(JsonValueKind.Array, entry.GetProperty("policy").GetProperty("mx-host").ValueKind);
        Assert.Equal(5326, entry.GetProperty("summary").GetProperty("total-successful-session-count").GetInt64());
        Assert.Equal(303, entry.GetProperty("failure-details")[0].GetProperty("failed-session-count").GetInt64());
    }

    [Fact]
    public void Serialize_normalises_deviations()
    {
        var report = TlsReportParser.ParseOrThrow(ReportFixtures.Read("code-socketlabs.json"));

        var text = TlsReportJson.Serialize(report);

        Assert.Contains("\"receiving-mx-hostname\":\"mta-sts.test.example.org\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("receiving-mx-host-name", text, StringComparison.Ordinal);
        var reparsed = TlsReportParser.Parse(Encoding.UTF8.GetBytes(text));
        Assert.DoesNotContain(reparsed.Diagnostics, d => d.Code == ReportDiagnosticCodes.FieldMisspelled);
    }

    [Fact]
    public void Offset_date_time_keeps_offset()
    {
        var report = FullReport();
        var shifted = new TlsReport
        {
            ReportId = report.ReportId,
            DateRange = new DateRange(new DateTimeOffset(2024, 1, 1, 2, 0, 0, TimeSpan.FromHours(2)), report.DateRange.End),
            Policies = report.Policies,
        };

        var text = TlsReportJson.Serialize(shifted);

        using var document = JsonDocument.Parse(text);
        var start = document.RootElement.GetProperty("date-range").GetProperty("start-datetime").GetString();
        Assert.Equal("2024-01-01T02:00:00+02:00", start);
    }

    [Fact]
    public void Write_embeds_report_in_larger_document()
    {
        var report = FullReport();
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("report");
            TlsReportJson.Write(writer, report);
            writer.WriteString("source", "test");
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(stream.ToArray());
        Assert.Equal("r-1", document.RootElement.GetProperty("report").GetProperty("report-id").GetString());
        Assert.Equal("test", document.RootElement.GetProperty("source").GetString());
    }

    [Fact]
    public void Indented_output_parses_the_same()
    {
        var report = FullReport();

        var indented = TlsReportJson.Serialize(report, indented: true);
        var copy = TlsReportParser.ParseOrThrow(Encoding.UTF8.GetBytes(indented));

        Assert.Contains('\n', indented);
        Assert.Equal(TlsReportJson.Serialize(report), TlsReportJson.Serialize(copy));
    }
}
