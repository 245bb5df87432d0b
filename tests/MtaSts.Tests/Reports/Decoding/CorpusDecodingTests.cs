using MtaSts.Diagnostics;
using MtaSts.Reports.Decoding;
using Xunit;
using static MtaSts.Tests.Reports.Decoding.DecodingFixtures;

namespace MtaSts.Tests.Reports.Decoding;

public class CorpusDecodingTests
{
    // file, payload label, codes on the result, codes on the payload, why
    public static TheoryData<string, string, string, string, string> ReportMails => new()
    {
        { "isseis-google-failure.eml", "part 2 (application/tlsrpt+gzip, google.com!example.com!1778544000!1778630399!001.json.gz)", "", "", "Google via Fastmail, well-formed" },
        { "isseis-google-success.eml", "part 2 (application/tlsrpt+gzip, google.com!example.com!1778457600!1778543999!001.json.gz)", "", "", "Google via Fastmail, well-formed" },
        { "isseis-microsoft.eml", "part 2 (application/tlsrpt+gzip, microsoft.com!example.com!1778630400!1778716799!134232617934286362.json.gz)", "", "", "text/html first part is skipped" },
        { "mox-google.eml", "part 2 (application/tlsrpt+gzip, google.com!test.example.org!1663200000!1663286399!001.json.gz)", "", "", "text/plain part without Content-Transfer-Encoding" },
        { "mox-microsoft.eml", "part 2 (application/tlsrpt+gzip, microsoft.com!test.example.org!1673308800!1673395199!133198585438131172.json.gz)", "", "", "Exchange Online with folded headers" },
        { "mox-multipart-tlsrpt-json.eml", "part 2 (application/tlsrpt+json, mail.sender.example!example.com!1013662812!1013749130.json.gz)", "", ReportDecodingCodes.FileNameMismatch, "tlsrpt+json part named .json.gz" },
        { "mox-nonmultipart-tlsrpt-json.eml", "part 1 (application/tlsrpt+json, mail.sender.example!example.com!1013662812!1013749130.json.gz)", ReportDecodingCodes.NotMultipartReport, ReportDecodingCodes.FileNameMismatch, "report is the top-level body" },
        { "stalwart-rpt01.eml", "part 2 (application/tlsrpt+gzip, mail.sender.example!example.com!1013662812!1013749130.json.gz)", "", "", "RFC 8460 §5.3.1 example made real" },
        { "stalwart-rpt02-uncompressed.eml", "part 2 (application/tlsrpt, mail.sender.example!example.com!1013662812!1013749130.json)", "", ReportDecodingCodes.MediaTypeNonstandard, "bare application/tlsrpt with raw JSON" },
        { "tlsrptrs-google-thunderbird-lf.eml", "part 2 (application/tlsrpt+gzip, google.com!example.net!1726358400!1726444799!001.json.gz)", "", "", "LF line endings, Thunderbird headers" },
        { "tlsrptrs-mailru.eml", "part 2 (application/tlsrpt+gzip, mail.ru!example.net!1674604800!1674691200!001.json.gz)", ReportDecodingCodes.MissingEndBoundary, "", "no closing boundary delimiter" },
    };

    [Theory]
    [MemberData(nameof(ReportMails))]
    public async Task Report_mail_decodes(string file, string label, string resultCodes, string payloadCodes, string reason)
    {
        var result = await ReportDecoder.DecodeFileAsync(FixturePath("emails", file));

        Assert.True(result.Succeeded, reason);
        Assert.Equal(PayloadFormat.Mail, result.Format);
        var payload = Assert.Single(result.Payloads);
        Assert.Equal(label, payload.Label);
        AssertPayloadsAreJson(result);
        Assert.Equal(resultCodes, Codes(result.Diagnostics));
        Assert.Equal(payloadCodes, Codes(payload.Diagnostics));
        Assert.NotNull(result.Mail);
        Assert.NotNull(result.Mail.ReportDomain);
        Assert.NotNull(result.Mail.ReportSubmitter);
    }

    [Theory]
    [InlineData("isseis-microsoft.json.gz", 523)]
    [InlineData("mox-microsoft-no-tz.json.gz", 490)]
    [InlineData("stalwart-rpt01.json.gz", 2129)]
    [InlineData("tlsrptrs-mailru-go.json.gz", 653)]
    public async Task Gzip_report_file_decodes(string file, int jsonLength)
    {
        var result = await ReportDecoder.DecodeFileAsync(FixturePath("reports-gz", file));

        Assert.Equal(PayloadFormat.Gzip, result.Format);
        var payload = Assert.Single(result.Payloads);
        Assert.Equal(file, payload.Label);
        Assert.Equal(jsonLength, payload.Json.Length);
        Assert.Empty(payload.Diagnostics);
        Assert.Empty(result.Diagnostics);
        AssertPayloadsAreJson(result);
    }

    [Fact]
    public async Task Gzip_in_mail_matches_gzip_file()
    {
        var mail = await ReportDecoder.DecodeFileAsync(FixturePath("emails", "stalwart-rpt01.eml"));
        var file = await ReportDecoder.DecodeFileAsync(FixturePath("reports-gz", "stalwart-rpt01.json.gz"));

        Assert.Equal(file.Payloads[0].Json.ToArray(), mail.Payloads[0].Json.ToArray());
    }

    [Fact]
    public async Task Cron_mail_has_no_report()
    {
        var result = await ReportDecoder.DecodeFileAsync(FixturePath("emails", "tlsrptrs-not-a-report-cron.eml"));

        Assert.False(result.Succeeded);
        Assert.Equal(PayloadFormat.Mail, result.Format);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDecodingCodes.NoReport, error.Code);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal(["text/plain"], error.Arguments);
        Assert.StartsWith("No TLS report found in this message: it has parts text/plain,", error.Describe(System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(result.Mail);
        Assert.Null(result.Mail.ReportDomain);
        Assert.StartsWith("Cron <root@nagual>", result.Mail.Subject);
    }

    [Fact]
    public async Task Mail_headers_are_read()
    {
        var result = await ReportDecoder.DecodeFileAsync(FixturePath("emails", "mox-google.eml"));

        var mail = Assert.IsType<MailInfo>(result.Mail);
        Assert.Equal("test.example.org", mail.ReportDomain);
        Assert.Equal("google.com", mail.ReportSubmitter);
        Assert.Equal("noreply-smtp-tls-reporting@google.com", mail.From);
        Assert.Equal("Report Domain: test.example.org Submitter: google.com Report-ID: <2022.09.15T00.00.00Z+test.example.org@google.com>", mail.Subject);
        Assert.Equal(new DateTimeOffset(2022, 9, 16, 3, 10, 6, TimeSpan.FromHours(-7)), mail.Date);
    }

    [Fact]
    public async Task Mailru_missing_boundary_names_boundary()
    {
        var result = await ReportDecoder.DecodeFileAsync(FixturePath("emails", "tlsrptrs-mailru.eml"));

        var warning = Single(result.Diagnostics, ReportDecodingCodes.MissingEndBoundary);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(["message", "----=_NextPart_1674691838991563614"], warning.Arguments);
    }

    [Fact]
    public async Task Nonmultipart_mail_names_its_type()
    {
        var result = await ReportDecoder.DecodeFileAsync(FixturePath("emails", "mox-nonmultipart-tlsrpt-json.eml"));

        var warning = Single(result.Diagnostics, ReportDecodingCodes.NotMultipartReport);
        Assert.Equal(["application/tlsrpt+json"], warning.Arguments);
    }
}
