using MtaSts.Reports;
using Xunit;

namespace MtaSts.Tests.Reports;

public class CorpusReportTests
{
    // Expected values per real report: organisation, report-id, (successful, failed, failure-detail
    // rows) per policy, and every diagnostic as "CODE-SUFFIX subject" in the order they are added.
    public static TheoryData<string, string?, string, (long Successful, long Failed, int Rows)[], string[]> Reports => new()
    {
        { "code-google-multi-policy.json", "Google Inc.", "2020-02-06T00:00:00Z_test.example.org", new (long, long, int)[] { (1, 0, 0), (0, 3, 3), (0, 10, 5) }, new string[] { "FIELD-MISSING policies[1].policy.mx-host", "FIELD-MISSING policies[2].policy.mx-host" } },
        { "code-handedited-socketlabs.json", "example.net", "13B8FEDF21D3DBD6997654968E563122", new (long, long, int)[] { (12, 0, 0), (0, 2, 1) }, new string[] { "DATE-RANGE-REVERSED date-range", "FIELD-EMPTY policies[1].policy.mx-host", "FIELD-MISSPELLED policies[1].failure-details[0].receiving-mx-host-name" } },
        { "code-socketlabs.json", "socketlabs.com", "13B8FEDF21D3DBD6997654968E563122", new (long, long, int)[] { (12, 0, 0), (0, 2, 1) }, new string[] { "FIELD-EMPTY policies[1].policy.mx-host", "FIELD-MISSPELLED policies[1].failure-details[0].receiving-mx-host-name" } },
        { "cryinc-google-compact.json", "Google Inc.", "2025-04-12T00:00:00Z_domain.de", new (long, long, int)[] { (2, 0, 0) }, new string[] {  } },
        { "cryinc-no-contact.json", "server.com", "123_456", new (long, long, int)[] { (1, 0, 0) }, new string[] { "MX-HOST-PREFIX policies[0].policy.mx-host[0]", "FIELD-EMPTY contact-info" } },
        { "cryinc-no-ip-and-mx.json", "Microsoft Corporation", "1234567890+", new (long, long, int)[] { (0, 3, 1) }, new string[] { "FIELD-MISSING policies[0].policy.policy-string", "FIELD-MISSING policies[0].policy.mx-host", "FIELD-MISSING policies[0].failure-details[0].sending-mta-ip", "FIELD-MISSING policies[0].failure-details[0].receiving-mx-hostname", "FIELD-MISSING policies[0].failure-details[0].receiving-ip" } },
        { "cryinc-no-policy.json", "Google Inc.", "2025-03-27T00:00:00Z_foo-bar.io", new (long, long, int)[] { (1, 0, 0) }, new string[] {  } },
        { "issue-cryinc57-microsoft-no-ip.json", "Microsoft Corporation", "133944884956529435+", new (long, long, int)[] { (0, 3, 1) }, new string[] { "FIELD-MISSING policies[0].policy.policy-string", "FIELD-MISSING policies[0].policy.mx-host", "FIELD-MISSING policies[0].failure-details[0].sending-mta-ip", "FIELD-MISSING policies[0].failure-details[0].receiving-mx-hostname", "FIELD-MISSING policies[0].failure-details[0].receiving-ip" } },
        { "issue-cryinc71-contact-null.json", "example.net", "1768089600_5665667737528564296", new (long, long, int)[] { (1, 0, 0) }, new string[] { "FIELD-EMPTY contact-info" } },
        { "issue-mox237-microsoft-tlsa-sts.json", "Microsoft Corporation", "133742711803146449+example.net", new (long, long, int)[] { (7, 0, 0), (7, 0, 0) }, new string[] { "TLSA-POLICY-STRING-JSON policies[0].policy.policy-string", "FIELD-MISSING policies[1].policy.mx-host" } },
        { "issue-parsedmarc575-egressif.json", "mx.egressif.io", "1730332800_11732957880687192466", new (long, long, int)[] { (1, 0, 0) }, new string[] { "FIELD-EMPTY contact-info" } },
        { "issue-sys4-51-postfix-no-policy-domain.json", "mail.example.org", "2025-09-20T00:00:00Z_idx1_mpi-klsb.mpg.de", new (long, long, int)[] { (1, 0, 0) }, new string[] { "FIELD-MISSING policies[0].policy.policy-domain" } },
        { "page-canhas-google.json", "Google Inc.", "2020-05-22T00:00:00Z_example.com", new (long, long, int)[] { (7, 0, 0) }, new string[] { "FIELD-MISSING policies[0].policy.mx-host" } },
        { "page-digitalocean-google.json", "Google Inc.", "2019-08-10T00:00:00Z_your-domain", new (long, long, int)[] { (230, 0, 0) }, new string[] { "FIELD-MISSING policies[0].policy.mx-host" } },
        { "parsedmarc-empty-failure-fields.json", "Reporter Example", "2024-06-01T00:00:00Z_example.com", new (long, long, int)[] { (0, 1, 1) }, new string[] { "FIELD-MISSING policies[0].policy.mx-host", "FIELD-EMPTY policies[0].failure-details[0].sending-mta-ip", "FIELD-EMPTY policies[0].failure-details[0].receiving-mx-hostname", "FIELD-EMPTY policies[0].failure-details[0].receiving-ip", "FIELD-EMPTY policies[0].failure-details[0].additional-information" } },
        { "parsedmarc-mailru.json", "Mail.ru", "b28254de-7b2e-be36-bb5c-4c3b92da8b25@mail.ru", new (long, long, int)[] { (0, 1, 2) }, new string[] { "FIELD-MISSING policies[0].failure-details[0].sending-mta-ip", "FIELD-MISSING policies[0].failure-details[0].receiving-mx-hostname", "FIELD-MISSING policies[0].failure-details[0].receiving-ip", "FIELD-MISSING policies[0].failure-details[1].sending-mta-ip", "FIELD-MISSING policies[0].failure-details[1].receiving-mx-hostname", "FIELD-MISSING policies[0].failure-details[1].receiving-ip", "FIELD-MISSING policies[0].policy.policy-string", "FIELD-MISSING policies[0].policy.mx-host", "FAILURE-COUNT-ABOVE-TOTAL policies[0]" } },
        { "parsedmarc-rfc8460.json", "Company-X", "5065427c-23d3-47ca-b6e0-946ea0e8c4be", new (long, long, int)[] { (5326, 303, 3) }, new string[] { "STRING-NOT-ARRAY policies[0].policy.mx-host", "FIELD-MISSING policies[0].failure-details[0].receiving-ip" } },
        { "robalexdev-punycode-no-policy.json", "Example Inc.", "report-id-from-report.json", new (long, long, int)[] { (99, 102, 0) }, new string[] { "FAILURE-COUNT-BELOW-TOTAL policies[0]" } },
        { "stalwart-rpt01.json", "Company-X", "5065427c-23d3-47ca-b6e0-946ea0e8c4be", new (long, long, int)[] { (5326, 303, 3) }, new string[] { "FIELD-MISSING policies[0].failure-details[0].receiving-ip" } },
        { "stalwart-rpt02.json", "Google Inc.", "2020-01-01T00:00:00Z_example.com", new (long, long, int)[] { (23, 1, 1) }, new string[] { "DATE-RANGE-NOT-UTC-DAY date-range", "FIELD-MISSING policies[0].policy.mx-host" } },
        { "tlsrptrs-mailru.json", "Mail.ru", "c96d67df-0440-57f7-6e96-c83824d0fdf2@mail.ru", new (long, long, int)[] { (0, 1, 1) }, new string[] { "FIELD-MISSING policies[0].policy.policy-string", "FIELD-MISSING policies[0].policy.mx-host", "FIELD-MISSING policies[0].failure-details[0].sending-mta-ip", "FIELD-MISSING policies[0].failure-details[0].receiving-mx-hostname", "FIELD-MISSING policies[0].failure-details[0].receiving-ip" } },
    };

    [Theory]
    [MemberData(nameof(Reports))]
    public void Corpus_report_parses_with_totals(string file, string? organization, string reportId, (long Successful, long Failed, int Rows)[] policies, string[] diagnostics)
    {
        var result = TlsReportParser.Parse(ReportFixtures.Read(file));

        Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics));
        var report = result.Report!;
        Assert.Equal(organization, report.OrganizationName);
        Assert.Equal(reportId, report.ReportId);
        Assert.Equal(policies.Length, report.Policies.Count);
        for (var i = 0; i < policies.Length; i++)
        {
            Assert.Equal(policies[i].Successful, report.Policies[i].Summary.TotalSuccessfulSessionCount);
            Assert.Equal(policies[i].Failed, report.Policies[i].Summary.TotalFailureSessionCount);
            Assert.Equal(policies[i].Rows, report.Policies[i].FailureDetails.Count);
        }

        var found = result.Diagnostics.Select(d => d.Code.Replace("TLSRPT-REPORT-", "", StringComparison.Ordinal) + " " + d.Subject).ToArray();
        Assert.Equal(diagnostics, found);
    }

    [Fact]
    public void Appendix_b_verbatim_is_invalid_json()
    {
        // RFC 8460 Appendix B wraps the additional-information URL over two lines, and a raw line
        // break inside a JSON string is invalid.
        var result = TlsReportParser.Parse(ReportFixtures.Read("rfc8460-appendix-b-verbatim.json"));

        Assert.False(result.Succeeded);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDiagnosticCodes.InvalidJson, diagnostic.Code);
        Assert.Equal(32, diagnostic.Line);
        Assert.Equal("32", diagnostic.Arguments[0]);
        Assert.Equal("68", diagnostic.Arguments[1]);
        Assert.Contains("0x0A", diagnostic.Arguments[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Microsoft_tlsa_policy_string_is_expanded()
    {
        var report = TlsReportParser.ParseOrThrow(ReportFixtures.Read("issue-mox237-microsoft-tlsa-sts.json"));

        var tlsa = report.Policies[0].Policy;
        Assert.Equal("tlsa", tlsa.PolicyType);
        Assert.Equal(2, tlsa.PolicyString.Count);
        Assert.Equal("3 1 1 3CA60B281E0B1C5D238FCF86AED2F94F900C9D448516B41781432A0C007CF156", tlsa.PolicyString[0]);
        Assert.Equal("3 1 1 5946FC6CCF00988DA62E7B2DCED6B31BE247B17AD10B98E9E990FA1E047AECFE", tlsa.PolicyString[1]);
    }

    [Fact]
    public void Socketlabs_misspelled_hostname_is_kept()
    {
        var report = TlsReportParser.ParseOrThrow(ReportFixtures.Read("code-socketlabs.json"));

        var detail = Assert.Single(report.Policies[1].FailureDetails);
        Assert.Equal("mta-sts.test.example.org", detail.ReceivingMxHostname);
        Assert.Equal(ResultTypes.CertificateHostMismatch, detail.ResultType);
        Assert.Empty(report.Policies[1].Policy.MxHost);
    }

    [Fact]
    public void Mailru_keeps_sorted_keys_and_reason_codes()
    {
        var report = TlsReportParser.ParseOrThrow(ReportFixtures.Read("parsedmarc-mailru.json"));

        Assert.Equal(new DateTimeOffset(2024, 2, 22, 0, 0, 0, TimeSpan.Zero), report.DateRange.Start);
        Assert.Equal(new DateTimeOffset(2024, 2, 23, 0, 0, 0, TimeSpan.Zero), report.DateRange.End);
        Assert.Equal("bad https response code: 404", report.Policies[0].FailureDetails[0].FailureReasonCode);
        Assert.Equal("bad https response code: 500", report.Policies[0].FailureDetails[1].FailureReasonCode);
    }

    [Fact]
    public void Mx_host_prefix_is_removed()
    {
        var report = TlsReportParser.ParseOrThrow(ReportFixtures.Read("cryinc-no-contact.json"));

        Assert.Equal(["mx.server.com"], report.Policies[0].Policy.MxHost);
        Assert.Null(report.ContactInfo);
    }
}

internal static class ReportFixtures
{
    public static byte[] Read(string file)
    {
        return File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "reports", file));
    }
}
