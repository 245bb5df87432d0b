using System.Text;
using MtaSts.Diagnostics;
using MtaSts.Reports;
using Xunit;

namespace MtaSts.Tests.Reports;

public class TlsReportParserTests
{
    // A report that follows RFC 8460 §4.4 to the letter. Single quotes become double quotes, so
    // each test can replace one fragment to build its deviation.
    private const string ValidReport = """
        {'organization-name':'Example Sender','date-range':{'start-datetime':'2024-01-01T00:00:00Z','end-datetime':'2024-01-01T23:59:59Z'},
         'contact-info':'tlsrpt@sender.example','report-id':'r-1',
         'policies':[{'policy':{'policy-type':'sts','policy-string':['version: STSv1','mode: enforce','mx: mx.example.net','max_age: 86400'],'policy-domain':'example.net','mx-host':['mx.example.net']},
           'summary':{'total-successful-session-count':5,'total-failure-session-count':1},
           'failure-details':[{'result-type':'certificate-expired','sending-mta-ip':'192.0.2.1','receiving-mx-hostname':'mx.example.net','receiving-ip':'198.51.100.1','failed-session-count':1}]}]}
        """;

    private static ReportParseResult Parse(string json) => TlsReportParser.Parse(Encoding.UTF8.GetBytes(json.Replace('\'', '"')));

    private static ReportParseResult ParseVariant(string fragment, string replacement)
    {
        Assert.Contains(fragment, ValidReport, StringComparison.Ordinal);
        return Parse(ValidReport.Replace(fragment, replacement, StringComparison.Ordinal));
    }

    private static Diagnostic Single(ReportParseResult result, string code)
    {
        return Assert.Single(result.Diagnostics, d => d.Code == code);
    }

    private static FailureDetail FirstDetail(ReportParseResult result) => result.Report!.Policies[0].FailureDetails[0];

    [Fact]
    public void Valid_report_has_no_diagnostics()
    {
        var result = Parse(ValidReport);

        Assert.Empty(result.Diagnostics);
        var report = result.Report!;
        Assert.Equal("Example Sender", report.OrganizationName);
        Assert.Equal("tlsrpt@sender.example", report.ContactInfo);
        Assert.Equal("r-1", report.ReportId);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), report.DateRange.Start);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 23, 59, 59, TimeSpan.Zero), report.DateRange.End);
        var policy = report.Policies[0].Policy;
        Assert.Equal("sts", policy.PolicyType);
        Assert.Equal(4, policy.PolicyString.Count);
        Assert.Equal("example.net", policy.PolicyDomain);
        Assert.Equal(["mx.example.net"], policy.MxHost);
        Assert.Equal(5, report.Policies[0].Summary.TotalSuccessfulSessionCount);
        Assert.Equal(1, report.Policies[0].Summary.TotalFailureSessionCount);
        var detail = FirstDetail(result);
        Assert.Equal("certificate-expired", detail.ResultType);
        Assert.Equal("192.0.2.1", detail.SendingMtaIp);
        Assert.Equal("mx.example.net", detail.ReceivingMxHostname);
        Assert.Equal("198.51.100.1", detail.ReceivingIp);
        Assert.Equal(1, detail.FailedSessionCount);
    }

    [Fact]
    public void Mx_host_string_becomes_array()
    {
        var result = ParseVariant("'mx-host':['mx.example.net']", "'mx-host':'mx.example.net'");

        var diagnostic = Single(result, ReportDiagnosticCodes.StringNotArray);
        Assert.Equal(Severity.Warning, diagnostic.Severity);
        Assert.Equal("policies[0].policy.mx-host", diagnostic.Subject);
        Assert.Equal(["mx.example.net"], result.Report!.Policies[0].Policy.MxHost);
    }

    [Fact]
    public void Mx_host_absent_is_noted()
    {
        var result = ParseVariant(",'mx-host':['mx.example.net']", "");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDiagnosticCodes.FieldMissing, diagnostic.Code);
        Assert.Equal(Severity.Info, diagnostic.Severity);
        Assert.Equal("policies[0].policy.mx-host", diagnostic.Subject);
        Assert.Empty(result.Report!.Policies[0].Policy.MxHost);
    }

    [Fact]
    public void Mx_host_pattern_key_is_alias()
    {
        var result = ParseVariant("'mx-host':", "'mx-host-pattern':");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDiagnosticCodes.FieldAlias, diagnostic.Code);
        Assert.Equal(["mx-host-pattern", "mx-host"], diagnostic.Arguments);
        Assert.Equal(["mx.example.net"], result.Report!.Policies[0].Policy.MxHost);
    }

    [Fact]
    public void Additional_info_uri_key_is_alias()
    {
        var result = ParseVariant("'failed-session-count':1}", "'failed-session-count':1,'additional-info-uri':'https://sender.example/r/1'}");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDiagnosticCodes.FieldAlias, diagnostic.Code);
        Assert.Equal(["additional-info-uri", "additional-information"], diagnostic.Arguments);
        Assert.Equal("https://sender.example/r/1", FirstDetail(result).AdditionalInformation);
    }

    [Fact]
    public void Additional_information_key_is_read()
    {
        var result = ParseVariant("'failed-session-count':1}", "'failed-session-count':1,'additional-information':'https://sender.example/r/1'}");

        Assert.Empty(result.Diagnostics);
        Assert.Equal("https://sender.example/r/1", FirstDetail(result).AdditionalInformation);
    }

    [Theory]
    [InlineData("'contact-info':'tlsrpt@sender.example',", "'contact-info':null,", "contact-info", ReportDiagnosticCodes.FieldEmpty)]
    [InlineData("'contact-info':'tlsrpt@sender.example',", "'contact-info':'',", "contact-info", ReportDiagnosticCodes.FieldEmpty)]
    [InlineData("'contact-info':'tlsrpt@sender.example',", "", "contact-info", ReportDiagnosticCodes.FieldMissing)]
    [InlineData("'sending-mta-ip':'192.0.2.1',", "'sending-mta-ip':null,", "policies[0].failure-details[0].sending-mta-ip", ReportDiagnosticCodes.FieldEmpty)]
    [InlineData("'sending-mta-ip':'192.0.2.1',", "'sending-mta-ip':'',", "policies[0].failure-details[0].sending-mta-ip", ReportDiagnosticCodes.FieldEmpty)]
    [InlineData("'sending-mta-ip':'192.0.2.1',", "", "policies[0].failure-details[0].sending-mta-ip", ReportDiagnosticCodes.FieldMissing)]
    [InlineData("'receiving-ip':'198.51.100.1',", "'receiving-ip':null,", "policies[0].failure-details[0].receiving-ip", ReportDiagnosticCodes.FieldEmpty)]
    [InlineData("'receiving-ip':'198.51.100.1',", "'receiving-ip':'',", "policies[0].failure-details[0].receiving-ip", ReportDiagnosticCodes.FieldEmpty)]
    [InlineData("'receiving-ip':'198.51.100.1',", "", "policies[0].failure-details[0].receiving-ip", ReportDiagnosticCodes.FieldMissing)]
    [InlineData("'receiving-mx-hostname':'mx.example.net',", "'receiving-mx-hostname':null,", "policies[0].failure-details[0].receiving-mx-hostname", ReportDiagnosticCodes.FieldEmpty)]
    [InlineData("'receiving-mx-hostname':'mx.example.net',", "'receiving-mx-hostname':'',", "policies[0].failure-details[0].receiving-mx-hostname", ReportDiagnosticCodes.FieldEmpty)]
    [InlineData("'receiving-mx-hostname':'mx.example.net',", "", "policies[0].failure-details[0].receiving-mx-hostname", ReportDiagnosticCodes.FieldMissing)]
    [InlineData("'policy-domain':'example.net',", "'policy-domain':null,", "policies[0].policy.policy-domain", ReportDiagnosticCodes.FieldEmpty)]
    [InlineData("'policy-domain':'example.net',", "'policy-domain':'',", "policies[0].policy.policy-domain", ReportDiagnosticCodes.FieldEmpty)]
    [InlineData("'policy-domain':'example.net',", "", "policies[0].policy.policy-domain", ReportDiagnosticCodes.FieldMissing)]
    [InlineData("'policy-string':['version: STSv1','mode: enforce','mx: mx.example.net','max_age: 86400'],", "'policy-string':null,", "policies[0].policy.policy-string", ReportDiagnosticCodes.FieldEmpty)]
    [InlineData("'policy-string':['version: STSv1','mode: enforce','mx: mx.example.net','max_age: 86400'],", "'policy-string':'',", "policies[0].policy.policy-string", ReportDiagnosticCodes.FieldEmpty)]
    [InlineData("'policy-string':['version: STSv1','mode: enforce','mx: mx.example.net','max_age: 86400'],", "", "policies[0].policy.policy-string", ReportDiagnosticCodes.FieldMissing)]
    public void Missing_or_empty_field_is_read_as_absent(string fragment, string replacement, string subject, string code)
    {
        var result = ParseVariant(fragment, replacement);

        Assert.True(result.Succeeded);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(subject, diagnostic.Subject);
        Assert.NotEqual(Severity.Error, diagnostic.Severity);
    }

    [Fact]
    public void Empty_fields_become_null()
    {
        var result = Parse(ValidReport
            .Replace("'contact-info':'tlsrpt@sender.example'", "'contact-info':''", StringComparison.Ordinal)
            .Replace("'sending-mta-ip':'192.0.2.1'", "'sending-mta-ip':null", StringComparison.Ordinal)
            .Replace("'policy-domain':'example.net'", "'policy-domain':''", StringComparison.Ordinal)
            .Replace("'policy-string':['version: STSv1','mode: enforce','mx: mx.example.net','max_age: 86400']", "'policy-string':null", StringComparison.Ordinal));

        var report = result.Report!;
        Assert.Null(report.ContactInfo);
        Assert.Null(FirstDetail(result).SendingMtaIp);
        Assert.Null(report.Policies[0].Policy.PolicyDomain);
        Assert.Empty(report.Policies[0].Policy.PolicyString);
    }

    [Fact]
    public void Date_time_without_zone_is_utc()
    {
        var result = ParseVariant("'start-datetime':'2024-01-01T00:00:00Z'", "'start-datetime':'2024-01-01T00:00:00'");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDiagnosticCodes.DateTimeNoZone, diagnostic.Code);
        Assert.Equal("date-range.start-datetime", diagnostic.Subject);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), result.Report!.DateRange.Start);
    }

    [Fact]
    public void Date_time_with_fraction_is_exact()
    {
        var result = ParseVariant("'end-datetime':'2024-01-01T23:59:59Z'", "'end-datetime':'2024-01-01T23:59:59.999Z'");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 23, 59, 59, 999, TimeSpan.Zero), result.Report!.DateRange.End);
    }

    [Fact]
    public void Date_time_offset_is_kept()
    {
        var result = Parse(ValidReport
            .Replace("2024-01-01T00:00:00Z", "2024-01-01T02:00:00+02:00", StringComparison.Ordinal)
            .Replace("2024-01-01T23:59:59Z", "2024-01-02T01:59:59+02:00", StringComparison.Ordinal));

        Assert.Equal(2, result.Diagnostics.Count);
        Assert.All(result.Diagnostics, d => Assert.Equal(ReportDiagnosticCodes.DateTimeOffset, d.Code));
        var range = result.Report!.DateRange;
        Assert.Equal(TimeSpan.FromHours(2), range.Start.Offset);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), range.Start);
    }

    [Fact]
    public void Date_time_invalid_is_error()
    {
        var result = ParseVariant("'start-datetime':'2024-01-01T00:00:00Z'", "'start-datetime':'yesterday'");

        Assert.False(result.Succeeded);
        var diagnostic = Single(result, ReportDiagnosticCodes.DateTimeInvalid);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal(["start-datetime", "\"yesterday\""], diagnostic.Arguments);
    }

    [Fact]
    public void End_before_start_is_kept()
    {
        var result = ParseVariant("'end-datetime':'2024-01-01T23:59:59Z'", "'end-datetime':'2023-12-31T00:00:00Z'");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDiagnosticCodes.DateRangeReversed, diagnostic.Code);
        Assert.Equal(new DateTimeOffset(2023, 12, 31, 0, 0, 0, TimeSpan.Zero), result.Report!.DateRange.End);
    }

    [Fact]
    public void Count_as_string_is_read()
    {
        var result = ParseVariant("'total-successful-session-count':5", "'total-successful-session-count':'5'");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDiagnosticCodes.CountAsString, diagnostic.Code);
        Assert.Equal("policies[0].summary.total-successful-session-count", diagnostic.Subject);
        Assert.Equal(5, result.Report!.Policies[0].Summary.TotalSuccessfulSessionCount);
    }

    [Theory]
    [InlineData("-3", "negative")]
    [InlineData("1.5", "fractional")]
    [InlineData("'five'", "not digits")]
    [InlineData("null", "null")]
    [InlineData("99999999999999999999", "larger than a long")]
    public void Count_invalid_is_zero(string count, string reason)
    {
        var result = ParseVariant("'total-successful-session-count':5", "'total-successful-session-count':" + count);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.True(diagnostic.Code == ReportDiagnosticCodes.CountInvalid, reason);
        Assert.Equal(0, result.Report!.Policies[0].Summary.TotalSuccessfulSessionCount);
    }

    [Theory]
    [InlineData("total-successful-session-count", "4611686018427387904")]
    [InlineData("total-failure-session-count", "1000000000001")]
    [InlineData("failed-session-count", "9223372036854775807")]
    public void Count_above_cap_is_clamped(string key, string count)
    {
        var json = """
            {"organization-name":"Example Sender","date-range":{"start-datetime":"2026-11-01T00:00:00Z","end-datetime":"2026-11-01T23:59:59Z"},
             "contact-info":"tlsrpt@sender.example","report-id":"huge-1",
             "policies":[{"policy":{"policy-type":"no-policy-found","policy-domain":"example.com"},
               "summary":{"total-successful-session-count":0,"total-failure-session-count":0},
               "failure-details":[{"result-type":"starttls-not-supported","failed-session-count":0}]}]}
            """.Replace($"\"{key}\":0", $"\"{key}\":{count}", StringComparison.Ordinal);

        var result = Parse(json);

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Code == ReportDiagnosticCodes.CountImplausible);
        Assert.Equal(Severity.Warning, diagnostic.Severity);
        Assert.EndsWith(key, diagnostic.Subject, StringComparison.Ordinal);
        Assert.Equal(count, diagnostic.Arguments[1]);
        var policy = result.Report!.Policies[0];
        var values = new[] { policy.Summary.TotalSuccessfulSessionCount, policy.Summary.TotalFailureSessionCount, policy.FailureDetails[0].FailedSessionCount };
        Assert.Contains(1_000_000_000_000, values);
        Assert.DoesNotContain(values, v => v > 1_000_000_000_000);
    }

    [Fact]
    public void Unknown_result_type_is_verbatim()
    {
        var result = ParseVariant("'result-type':'certificate-expired'", "'result-type':'tls-version-too-old'");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDiagnosticCodes.UnknownResultType, diagnostic.Code);
        Assert.Equal(Severity.Info, diagnostic.Severity);
        Assert.Equal("tls-version-too-old", FirstDetail(result).ResultType);
    }

    [Fact]
    public void Unknown_policy_type_is_verbatim()
    {
        var result = ParseVariant("'policy-type':'sts'", "'policy-type':'sts-v2'");

        var diagnostic = Single(result, ReportDiagnosticCodes.UnknownPolicyType);
        Assert.Equal(["sts-v2"], diagnostic.Arguments);
        Assert.Equal("sts-v2", result.Report!.Policies[0].Policy.PolicyType);
    }

    [Fact]
    public void Extra_fields_are_kept()
    {
        var result = Parse(ValidReport
            .Replace("'report-id':'r-1',", "'report-id':'r-1','x-generator':'sender 1.0','x-batch':7,", StringComparison.Ordinal)
            .Replace("'failed-session-count':1}", "'failed-session-count':1,'x-tls-version':'TLSv1.2'}", StringComparison.Ordinal));

        Assert.Equal(2, result.Diagnostics.Count);
        Assert.All(result.Diagnostics, d => Assert.Equal(ReportDiagnosticCodes.ExtraFields, d.Code));
        var rootFields = Assert.Single(result.Diagnostics, d => d.Subject is null);
        Assert.Equal(["x-generator, x-batch"], rootFields.Arguments);
        var detailFields = Assert.Single(result.Diagnostics, d => d.Subject == "policies[0].failure-details[0]");
        Assert.Equal(["x-tls-version"], detailFields.Arguments);
        var report = result.Report!;
        Assert.Equal("sender 1.0", report.ExtensionData!["x-generator"].GetString());
        Assert.Equal(7, report.ExtensionData["x-batch"].GetInt32());
        Assert.Equal("TLSv1.2", FirstDetail(result).ExtensionData!["x-tls-version"].GetString());
    }

    [Fact]
    public void Misspelled_hostname_key_is_read()
    {
        var result = ParseVariant("'receiving-mx-hostname':'mx.example.net'", "'receiving-mx-host-name':'mx.example.net'");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDiagnosticCodes.FieldMisspelled, diagnostic.Code);
        Assert.Equal("policies[0].failure-details[0].receiving-mx-host-name", diagnostic.Subject);
        Assert.Equal("mx.example.net", FirstDetail(result).ReceivingMxHostname);
    }

    [Fact]
    public void Mx_host_prefix_is_removed()
    {
        var result = ParseVariant("'mx-host':['mx.example.net']", "'mx-host':['mx: mx.example.net']");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDiagnosticCodes.MxHostPrefix, diagnostic.Code);
        Assert.Equal("policies[0].policy.mx-host[0]", diagnostic.Subject);
        Assert.Equal(["mx: mx.example.net", "mx.example.net"], diagnostic.Arguments);
        Assert.Equal(["mx.example.net"], result.Report!.Policies[0].Policy.MxHost);
    }

    [Fact]
    public void Tlsa_json_in_string_is_expanded()
    {
        var result = ParseVariant(
            "'policy-type':'sts','policy-string':['version: STSv1','mode: enforce','mx: mx.example.net','max_age: 86400'],'policy-domain':'example.net','mx-host':['mx.example.net']",
            "'policy-type':'tlsa','policy-string':['[\\'3 1 1 AA\\',\\'3 1 1 BB\\']'],'policy-domain':'example.net'");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDiagnosticCodes.TlsaPolicyStringJson, diagnostic.Code);
        Assert.Equal(["2"], diagnostic.Arguments);
        Assert.Equal(["3 1 1 AA", "3 1 1 BB"], result.Report!.Policies[0].Policy.PolicyString);
    }

    [Fact]
    public void Failure_sum_below_total_warns()
    {
        var result = ParseVariant("'total-failure-session-count':1", "'total-failure-session-count':4");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDiagnosticCodes.FailureCountBelowTotal, diagnostic.Code);
        Assert.Equal(Severity.Warning, diagnostic.Severity);
        Assert.Equal(["1", "4"], diagnostic.Arguments);
        Assert.Equal(4, result.Report!.Policies[0].Summary.TotalFailureSessionCount);
    }

    [Fact]
    public void Failure_sum_above_total_is_info()
    {
        var result = ParseVariant("'failed-session-count':1", "'failed-session-count':3");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDiagnosticCodes.FailureCountAboveTotal, diagnostic.Code);
        Assert.Equal(Severity.Info, diagnostic.Severity);
        Assert.Equal(["3", "1"], diagnostic.Arguments);
    }

    [Fact]
    public void Keys_in_any_order_are_read()
    {
        // Failure count before success count, "policy" after "summary", and report-id last, as
        // Postfix with sys4 tlsrpt-reporter and alphabetically sorted reports have them.
        var result = Parse("""
            {'policies':[{'summary':{'total-failure-session-count':2,'total-successful-session-count':9},
              'policy':{'policy-domain':'example.net','policy-type':'no-policy-found'}}],
             'date-range':{'end-datetime':'2024-01-02T00:00:00Z','start-datetime':'2024-01-01T00:00:00Z'},
             'contact-info':'tlsrpt@sender.example','organization-name':'Example Sender','report-id':'r-9'}
            """);

        var report = result.Report!;
        Assert.Equal("r-9", report.ReportId);
        Assert.Equal(9, report.Policies[0].Summary.TotalSuccessfulSessionCount);
        Assert.Equal(2, report.Policies[0].Summary.TotalFailureSessionCount);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), report.DateRange.Start);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDiagnosticCodes.FailureCountBelowTotal, diagnostic.Code);
    }

    [Fact]
    public void Duplicate_key_keeps_first()
    {
        var result = ParseVariant("'report-id':'r-1',", "'report-id':'r-1','report-id':'r-2',");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDiagnosticCodes.DuplicateKey, diagnostic.Code);
        Assert.Equal("r-1", result.Report!.ReportId);
    }

    [Fact]
    public void Policies_object_is_one_entry()
    {
        var json = ValidReport.Replace("'policies':[{", "'policies':{", StringComparison.Ordinal);
        json = json[..json.LastIndexOf(']')] + "}";
        var result = Parse(json);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDiagnosticCodes.ObjectNotArray, diagnostic.Code);
        Assert.Single(result.Report!.Policies);
    }

    [Fact]
    public void Empty_policies_warns()
    {
        var result = Parse("{'report-id':'r-1','organization-name':'o','contact-info':'c@sender.example','date-range':{'start-datetime':'2024-01-01T00:00:00Z','end-datetime':'2024-01-01T23:59:59Z'},'policies':[]}");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDiagnosticCodes.NoPolicies, diagnostic.Code);
        Assert.Empty(result.Report!.Policies);
    }

    [Theory]
    [InlineData("{}", ReportDiagnosticCodes.NotAReport, "object without report fields")]
    [InlineData("{'feedback':{'report_metadata':{}}}", ReportDiagnosticCodes.NotAReport, "a DMARC report in JSON")]
    [InlineData("[]", ReportDiagnosticCodes.NotAnObject, "array root")]
    [InlineData("[{'report-id':'r-1'}]", ReportDiagnosticCodes.NotAnObject, "report wrapped in an array")]
    [InlineData("'report'", ReportDiagnosticCodes.NotAnObject, "string root")]
    [InlineData("42", ReportDiagnosticCodes.NotAnObject, "number root")]
    [InlineData("garbage", ReportDiagnosticCodes.InvalidJson, "not JSON")]
    [InlineData("{'report-id':'r-1'", ReportDiagnosticCodes.InvalidJson, "truncated")]
    [InlineData("{} {}", ReportDiagnosticCodes.InvalidJson, "two values")]
    [InlineData("", ReportDiagnosticCodes.Empty, "empty input")]
    [InlineData(" \r\n\t", ReportDiagnosticCodes.Empty, "white space only")]
    public void Not_a_report_is_error(string json, string code, string reason)
    {
        var result = Parse(json);

        Assert.False(result.Succeeded, reason);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(Severity.Error, diagnostic.Severity);
    }

    [Theory]
    [InlineData("'report-id':'r-1',", "", "report-id")]
    [InlineData("'report-id':'r-1',", "'report-id':'',", "report-id")]
    [InlineData("'report-id':'r-1',", "'report-id':null,", "report-id")]
    [InlineData("'start-datetime':'2024-01-01T00:00:00Z',", "", "date-range.start-datetime")]
    public void Required_field_missing_is_error(string fragment, string replacement, string subject)
    {
        var result = ParseVariant(fragment, replacement);

        Assert.False(result.Succeeded);
        var diagnostic = Single(result, ReportDiagnosticCodes.RequiredFieldMissing);
        Assert.Equal(subject, diagnostic.Subject);
    }

    [Fact]
    public void Deep_nesting_fails_at_limit()
    {
        var json = new string('[', 10_000) + new string(']', 10_000);

        var result = TlsReportParser.Parse(Encoding.UTF8.GetBytes(json));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDiagnosticCodes.TooDeep, diagnostic.Code);
        Assert.Equal(["64"], diagnostic.Arguments);
    }

    [Fact]
    public void Deep_extension_value_fails_at_limit()
    {
        var nested = new string('[', 100) + new string(']', 100);
        var result = ParseVariant("'report-id':'r-1',", "'report-id':'r-1','x-deep':" + nested + ",");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDiagnosticCodes.TooDeep, diagnostic.Code);
    }

    [Fact]
    public void Depth_limit_comes_from_options()
    {
        var options = new ReportParseOptions { MaxDepth = 4 };

        var result = TlsReportParser.Parse(Encoding.UTF8.GetBytes(ValidReport.Replace('\'', '"')), options);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDiagnosticCodes.TooDeep, diagnostic.Code);
        Assert.Equal(["4"], diagnostic.Arguments);
    }

    [Fact]
    public void Input_over_size_cap_is_error()
    {
        var options = new ReportParseOptions { MaxBytes = 100 };

        var result = TlsReportParser.Parse(Encoding.UTF8.GetBytes(ValidReport.Replace('\'', '"')), options);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDiagnosticCodes.TooLarge, diagnostic.Code);
        Assert.Equal("100", diagnostic.Arguments[1]);
    }

    [Fact]
    public void Byte_order_mark_is_skipped()
    {
        var json = Encoding.UTF8.GetBytes(ValidReport.Replace('\'', '"'));

        var result = TlsReportParser.Parse([0xEF, 0xBB, 0xBF, .. json]);

        Assert.True(result.Succeeded);
        Assert.Equal(ReportDiagnosticCodes.ByteOrderMark, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Wrong_types_are_reported()
    {
        var result = ParseVariant("'organization-name':'Example Sender'", "'organization-name':42");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDiagnosticCodes.WrongType, diagnostic.Code);
        Assert.Equal(["organization-name", "string", "number"], diagnostic.Arguments);
        Assert.Equal("42", result.Report!.OrganizationName);
    }

    [Fact]
    public void Parse_or_throw_throws_format_exception()
    {
        var exception = Assert.Throws<MtaStsFormatException>(() => TlsReportParser.ParseOrThrow("[]"u8));

        var diagnostic = Assert.Single(exception.Diagnostics);
        Assert.Equal(ReportDiagnosticCodes.NotAnObject, diagnostic.Code);
    }

    [Fact]
    public void Parse_or_throw_returns_report()
    {
        var report = TlsReportParser.ParseOrThrow(Encoding.UTF8.GetBytes(ValidReport.Replace('\'', '"')));

        Assert.Equal("r-1", report.ReportId);
    }
}
