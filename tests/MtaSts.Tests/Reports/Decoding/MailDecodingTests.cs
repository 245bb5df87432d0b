using MtaSts.Diagnostics;
using MtaSts.Reports.Decoding;
using Xunit;
using static MtaSts.Tests.Reports.Decoding.DecodingFixtures;

namespace MtaSts.Tests.Reports.Decoding;

public class MailDecodingTests
{
    private const string Boundary = "b1";

    private static readonly string s_gzipBase64 = Convert.ToBase64String(Gzip(MinimalReport), Base64FormattingOptions.InsertLineBreaks);

    private static byte[] ReportMessage(string partHeaders, string partBody, string topType = "multipart/report; report-type=tlsrpt")
    {
        return Message(
            "From: tlsrpt@sender.example",
            "Subject: Report Domain: example.net Submitter: sender.example Report-ID: <1@sender.example>",
            "TLS-Report-Domain: example.net",
            "TLS-Report-Submitter: sender.example",
            "MIME-Version: 1.0",
            $"Content-Type: {topType}; boundary=\"{Boundary}\"",
            "",
            $"--{Boundary}",
            "Content-Type: text/plain",
            "",
            "This is an aggregate TLS report.",
            $"--{Boundary}",
            partHeaders,
            "",
            partBody,
            $"--{Boundary}--");
    }

    [Theory]
    [InlineData("application/gzip", "application/tlsrpt+gzip")]
    [InlineData("application/octet-stream", "application/tlsrpt+gzip")]
    [InlineData("application/x-gzip", "application/tlsrpt+gzip")]
    public void Mislabelled_gzip_part_decodes(string mediaType, string expected)
    {
        var input = ReportMessage($"Content-Type: {mediaType}\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"sender.example!example.net!1!2.json.gz\"", s_gzipBase64);

        var result = ReportDecoder.Decode(input);

        var payload = Assert.Single(result.Payloads);
        AssertPayloadsAreJson(result);
        Assert.Empty(result.Diagnostics);
        var warning = Assert.Single(payload.Diagnostics);
        Assert.Equal(ReportDecodingCodes.MediaTypeNonstandard, warning.Code);
        Assert.Equal(["part 2 (" + mediaType + ", sender.example!example.net!1!2.json.gz)", mediaType, expected], warning.Arguments);
    }

    [Fact]
    public void Unnamed_octet_stream_part_decodes()
    {
        var input = ReportMessage("Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64", s_gzipBase64);

        var result = ReportDecoder.Decode(input);

        Assert.Equal("part 2 (application/octet-stream)", Assert.Single(result.Payloads).Label);
    }

    [Fact]
    public void Gzip_labelled_json_is_mismatch()
    {
        var input = ReportMessage("Content-Type: application/tlsrpt+gzip\r\nContent-Disposition: attachment; filename=\"r.json\"", MinimalReport);

        var result = ReportDecoder.Decode(input);

        var payload = Assert.Single(result.Payloads);
        var warning = Single(payload.Diagnostics, ReportDecodingCodes.MediaTypeMismatch);
        Assert.Equal(["part 2 (application/tlsrpt+gzip, r.json)", "application/tlsrpt+gzip", "JSON", "application/tlsrpt+json"], warning.Arguments);
        Assert.DoesNotContain(payload.Diagnostics, d => d.Code == ReportDecodingCodes.FileNameMismatch);
    }

    [Fact]
    public void Unrelated_attachment_is_ignored()
    {
        var input = ReportMessage("Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"invoice.pdf\"", "%PDF-1.7");

        var result = ReportDecoder.Decode(input);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDecodingCodes.NoReport, error.Code);
        Assert.Equal(["text/plain, application/octet-stream"], error.Arguments);
    }

    [Fact]
    public void Empty_report_part_is_error()
    {
        var input = ReportMessage("Content-Type: application/tlsrpt+gzip\r\nContent-Transfer-Encoding: base64", "");

        var result = ReportDecoder.Decode(input);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDecodingCodes.PartEmpty, error.Code);
        Assert.Equal(["part 2 (application/tlsrpt+gzip)"], error.Arguments);
    }

    [Fact]
    public void Report_part_with_text_is_error()
    {
        var input = ReportMessage("Content-Type: application/tlsrpt+json", "not a report");

        var result = ReportDecoder.Decode(input);

        var error = Single(result.Diagnostics, ReportDecodingCodes.NotJson);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal("part 2 (application/tlsrpt+json)", error.Arguments[0]);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == ReportDecodingCodes.NoReport);
    }

    [Fact]
    public void Broken_base64_padding_is_reported()
    {
        // Dropping the last character leaves an incomplete 4-character group.
        var broken = s_gzipBase64.TrimEnd()[..^1];
        var input = ReportMessage("Content-Type: application/tlsrpt+gzip\r\nContent-Transfer-Encoding: base64", broken);

        var result = ReportDecoder.Decode(input);

        Assert.False(result.Succeeded);
        var warning = Single(result.Diagnostics, ReportDecodingCodes.Base64InvalidLength);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("part 2 (application/tlsrpt+gzip)", warning.Arguments[0]);
        Assert.Contains(result.Diagnostics, d => d.Severity == Severity.Error && d.Code.StartsWith("TLSRPT-DECODE-GZIP-", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_base64_character_is_reported()
    {
        var withStar = "*" + s_gzipBase64;
        var input = ReportMessage("Content-Type: application/tlsrpt+gzip\r\nContent-Transfer-Encoding: base64", withStar);

        var result = ReportDecoder.Decode(input);

        var payload = Assert.Single(result.Payloads);
        var warning = Single(payload.Diagnostics, ReportDecodingCodes.Base64InvalidCharacter);
        Assert.Equal(["part 2 (application/tlsrpt+gzip)", "*", "0"], warning.Arguments);
    }

    [Fact]
    public void Base64_with_line_breaks_decodes()
    {
        var longReport = MinimalReport.Replace("\"policies\":[]", "\"policies\":[],\"padding\":\"" + new string('x', 200) + "\"", StringComparison.Ordinal);
        var body = Convert.ToBase64String(Gzip(longReport), Base64FormattingOptions.InsertLineBreaks);
        var input = ReportMessage("Content-Type: application/tlsrpt+gzip\r\nContent-Transfer-Encoding: base64", body);

        var result = ReportDecoder.Decode(input);

        Assert.Contains('\n', body);
        Assert.Equal(longReport, System.Text.Encoding.UTF8.GetString(Assert.Single(result.Payloads).Json.Span));
        Assert.Empty(result.Payloads[0].Diagnostics);
    }

    [Fact]
    public void Mixed_message_gets_warning()
    {
        var input = ReportMessage("Content-Type: application/tlsrpt+gzip\r\nContent-Transfer-Encoding: base64", s_gzipBase64, topType: "multipart/mixed");

        var result = ReportDecoder.Decode(input);

        Assert.True(result.Succeeded);
        var warning = Single(result.Diagnostics, ReportDecodingCodes.NotMultipartReport);
        Assert.Equal(["multipart/mixed"], warning.Arguments);
    }

    [Fact]
    public void Missing_report_headers_are_warned()
    {
        var input = Message(
            "From: tlsrpt@sender.example",
            "Content-Type: application/tlsrpt+gzip",
            "Content-Transfer-Encoding: base64",
            "",
            s_gzipBase64);

        var result = ReportDecoder.Decode(input);

        Assert.True(result.Succeeded);
        var missing = result.Diagnostics.Where(d => d.Code == ReportDecodingCodes.MissingReportHeader).Select(d => d.Arguments[0]);
        Assert.Equal(["TLS-Report-Domain", "TLS-Report-Submitter"], missing);
    }

    [Fact]
    public void Forwarded_report_is_found()
    {
        var inner = System.Text.Encoding.UTF8.GetString(ReportMessage("Content-Type: application/tlsrpt+gzip\r\nContent-Transfer-Encoding: base64", s_gzipBase64));
        var input = Message(
            "From: admin@example.net",
            "Subject: Fwd: TLS report",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"outer\"",
            "",
            "--outer",
            "Content-Type: text/plain",
            "",
            "See attached.",
            "--outer",
            "Content-Type: message/rfc822",
            "",
            inner,
            "--outer--");

        var result = ReportDecoder.Decode(input);

        var payload = Assert.Single(result.Payloads);
        Assert.Equal("part 2.2 (application/tlsrpt+gzip)", payload.Label);
        AssertPayloadsAreJson(result);
    }

    [Fact]
    public void Part_limit_stops_walk()
    {
        var input = ReportMessage("Content-Type: application/tlsrpt+gzip\r\nContent-Transfer-Encoding: base64", s_gzipBase64);

        var result = ReportDecoder.Decode(input, new ReportDecodingOptions { MaxMimeParts = 2 });

        Assert.False(result.Succeeded);
        var warning = Single(result.Diagnostics, ReportDecodingCodes.MimePartLimit);
        Assert.Equal(["2"], warning.Arguments);
        Assert.Equal(["text/plain"], Single(result.Diagnostics, ReportDecodingCodes.NoReport).Arguments);
    }

    [Fact]
    public void Plain_text_mail_has_no_report()
    {
        var input = Message("From: someone@example.net", "Subject: hello", "", "Just a note.");

        var result = ReportDecoder.Decode(input);

        Assert.Equal(PayloadFormat.Mail, result.Format);
        Assert.Equal(ReportDecodingCodes.NoReport, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Pasted_json_body_is_decoded()
    {
        var input = Message("From: someone@example.net", "Subject: report", "", MinimalReport);

        var result = ReportDecoder.Decode(input);

        var payload = Assert.Single(result.Payloads);
        Assert.Equal("part 1 (text/plain)", payload.Label);
        Assert.Equal(ReportDecodingCodes.MediaTypeNonstandard, Assert.Single(payload.Diagnostics).Code);
    }
}
