using MtaSts.Diagnostics;
using MtaSts.Records;
using Xunit;

namespace MtaSts.Tests.Records;

public class TlsRptRecordTests
{
    public static TheoryData<string, string?, string> CorpusFiles => new()
    {
        // file, expected report URIs joined by a space (null: invalid), every code emitted in sorted order
        { "tlsrpt-dmarcian-no-space.txt", "mailto:abcdefgh@tls.eu.dmarcian.com", "" },
        { "tlsrpt-leading-space.txt", null, "TLSRPT-RECORD-LEADING-WHITESPACE,TLSRPT-RECORD-RUA-MISSING" },
        { "tlsrpt-mailto-and-https.txt", "mailto:tlsrpt@mydomain.com https://tlsrpt.mydomain.com/v1", "" },
        { "tlsrpt-version-repeated-in-value.txt", null, "TLSRPT-RECORD-RUA-MISSING,TLSRPT-RECORD-VERSION-INVALID" },
    };

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_record_parses_as_expected(string file, string? expectedUris, string expectedCodes)
    {
        var text = Fixture.ReadText("records", file);

        var valid = TlsRptRecord.TryParse(text, out var record, out var diagnostics);

        Assert.Equal(expectedUris is not null, valid);
        Assert.Equal(expectedUris, record is null ? null : string.Join(" ", record.ReportUris.Select(u => u.OriginalString)));
        Assert.Equal(expectedCodes, Fixture.Codes(diagnostics));
    }

    public static TheoryData<string, int, string> GoodRecords => new()
    {
        // text, expected URI count, reason
        { "v=TLSRPTv1;rua=mailto:reports@example.com", 1, "RFC 8460 §3.1.1 example" },
        { "v=TLSRPTv1; rua=https://reporting.example.com/v1/tlsrpt", 1, "RFC 8460 §3.1.2 example" },
        { "v=TLSRPTv1; rua=mailto:a@example.com , https://example.com/r;", 2, "whitespace around ',' is allowed" },
        { "v=TLSRPTv1; rua=mailto:a@example.com; ext=1", 1, "unknown extension ignored" },
        { "v=TLSRPTv1; rua=mailto:a@example.com?subject=tlsrpt", 1, "mailto with a query" },
    };

    [Theory]
    [MemberData(nameof(GoodRecords))]
    public void Good_record_parses(string text, int expectedCount, string reason)
    {
        var valid = TlsRptRecord.TryParse(text, out var record, out var diagnostics);

        Assert.True(valid, $"{reason}: {string.Join("; ", diagnostics)}");
        Assert.Equal(expectedCount, record!.ReportUris.Count);
    }

    public static TheoryData<string, string, string> BadRecords => new()
    {
        // text, expected error code, reason
        { "v=TLSRPTv1; rua=reports@example.com", "TLSRPT-RECORD-URI-SCHEME-MISSING", "bare address without mailto:" },
        { "v=TLSRPTv1; rua=http://example.com/r", "TLSRPT-RECORD-URI-SCHEME-UNSUPPORTED", "only https, not http" },
        { "v=TLSRPTv1; rua=ftp://example.com/r", "TLSRPT-RECORD-URI-SCHEME-UNSUPPORTED", "only mailto and https" },
        { "v=TLSRPTv1; rua=mailto:a@example.com!10m", "TLSRPT-RECORD-URI-INVALID", "DMARC size limit: '!' must be encoded" },
        { "v=TLSRPTv1; rua=https://", "TLSRPT-RECORD-URI-INVALID", "https URI without a host" },
        { "v=TLSRPTv1; rua=mailto:", "TLSRPT-RECORD-MAILTO-ADDRESS-INVALID", "mailto without an address" },
        { "v=TLSRPTv1; rua=mailto:reports", "TLSRPT-RECORD-MAILTO-ADDRESS-INVALID", "mailto address without a domain" },
        { "v=TLSRPTv1; rua=mailto:a@example.com; rua=mailto:b@example.com", "TLSRPT-RECORD-RUA-DUPLICATE", "second rua field" },
        { "v=TLSRPTv1; rua=mailto:a@example.com,", "TLSRPT-RECORD-RUA-EMPTY", "trailing comma" },
        { "v=TLSRPTv1; rua=", "TLSRPT-RECORD-RUA-EMPTY", "empty rua" },
        { "v=TLSRPTv1", "TLSRPT-RECORD-RUA-MISSING", "rua is required" },
        { "v=TLSRPTv1 rua=mailto:a@example.com", "TLSRPT-RECORD-MISSING-SEMICOLON", "space instead of ';'" },
        { "v=TLSRPTv2; rua=mailto:a@example.com", "TLSRPT-RECORD-VERSION-INVALID", "unknown version" },
        { "rua=mailto:a@example.com", "TLSRPT-RECORD-VERSION-MISSING", "no version" },
        { "v=TLSRPTv1; rua=mailto:a@example.com; x=é", "TLSRPT-RECORD-EXTENSION-VALUE-INVALID", "extension values are ASCII" },
        { "v=TLSRPTv1; rua=mailto:a@example.comv=TLSRPTv1", "TLSRPT-RECORD-CONCATENATED", "two records joined" },
    };

    [Theory]
    [MemberData(nameof(BadRecords))]
    public void Bad_record_is_rejected(string text, string expectedCode, string reason)
    {
        var valid = TlsRptRecord.TryParse(text, out var record, out var diagnostics);

        Assert.False(valid, reason);
        Assert.Null(record);
        Assert.Contains(diagnostics, d => d.Code == expectedCode && d.Severity == Severity.Error);
    }

    [Fact]
    public void Missing_scheme_suggests_mailto()
    {
        var exception = Assert.Throws<MtaStsFormatException>(() => TlsRptRecord.Parse("v=TLSRPTv1; rua=reports@example.com"));

        var diagnostic = Assert.Single(exception.Diagnostics);
        Assert.Equal(["reports@example.com", "mailto:reports@example.com"], diagnostic.Arguments);
        Assert.Equal("rua", diagnostic.Subject);
        Assert.Equal("RFC 8460 §3", diagnostic.Rfc);
    }

    [Fact]
    public void Create_formats_record()
    {
        var record = TlsRptRecord.Create([new Uri("mailto:tlsrpt@example.com"), new Uri("https://example.com/tlsrpt")]);

        Assert.Equal("v=TLSRPTv1; rua=mailto:tlsrpt@example.com,https://example.com/tlsrpt", record.ToString());
        Assert.Equal(2, TlsRptRecord.Parse(record.ToString()).ReportUris.Count);
    }

    [Fact]
    public void Create_rejects_bad_uris()
    {
        Assert.Throws<ArgumentException>(() => TlsRptRecord.Create([]));
        Assert.Throws<ArgumentException>(() => TlsRptRecord.Create([new Uri("http://example.com/r")]));
        Assert.Throws<ArgumentException>(() => TlsRptRecord.Create([new Uri("https://example.com/a,b")]));
    }
}
