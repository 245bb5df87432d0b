using MtaSts.Diagnostics;
using MtaSts.Records;
using Xunit;

namespace MtaSts.Tests.Records;

public class StsRecordTests
{
    public static TheoryData<string, string?, string> CorpusFiles => new()
    {
        // file, expected id (null: invalid), every code emitted in sorted order
        { "mta-sts-concatenated-strings.txt", null, "STS-RECORD-CONCATENATED" },
        { "mta-sts-double-semicolon.txt", null, "STS-RECORD-EMPTY-FIELD" },
        { "mta-sts-extensions.txt", "a", "STS-RECORD-EXTENSION-IGNORED,STS-RECORD-EXTENSION-IGNORED" },
        { "mta-sts-id-33-chars.txt", null, "STS-RECORD-ID-TOO-LONG" },
        { "mta-sts-id-with-hyphen.txt", null, "STS-RECORD-ID-INVALID-CHARACTER" },
        { "mta-sts-literal-placeholder-id.txt", "yyyymmddTHHMMSS", "STS-RECORD-ID-PLACEHOLDER" },
        { "mta-sts-millisecond-timestamp-id.txt", "1649185964194", "" },
        { "mta-sts-missing-semicolon.txt", null, "STS-RECORD-MISSING-SEMICOLON" },
        { "mta-sts-no-trailing-semicolon-T-id.txt", "20190429T010101", "" },
        { "mta-sts-non-ascii-extension.txt", null, "STS-RECORD-EXTENSION-VALUE-INVALID" },
        { "mta-sts-tab-space-delimiters.txt", "policy1", "" },
        { "mta-sts-tabs-around-delimiter.txt", "20160831085700Z", "" },
        { "mta-sts-valueless-tag.txt", null, "STS-RECORD-FIELD-NO-VALUE,STS-RECORD-ID-MISSING" },
        { "mta-sts-version-10.txt", null, "STS-RECORD-ID-MISSING,STS-RECORD-VERSION-INVALID" },
        { "mta-sts-zone-template-percent.txt", null, "STS-RECORD-ID-TEMPLATE" },
    };

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_record_parses_as_expected(string file, string? expectedId, string expectedCodes)
    {
        var text = Fixture.ReadText("records", file);

        var valid = StsRecord.TryParse(text, out var record, out var diagnostics);

        Assert.Equal(expectedId is not null, valid);
        Assert.Equal(expectedId, record?.Id);
        Assert.Equal(expectedCodes, Fixture.Codes(diagnostics));
    }

    [Fact]
    public void Split_character_strings_join_without_spaces()
    {
        // The fixture is in DNS presentation form: "v=STSv1; id=" "policy1;".
        var presentation = Fixture.ReadText("records", "mta-sts-split-character-strings.txt");
        var joined = Fixture.JoinCharacterStrings(presentation);

        var record = StsRecord.Parse(joined);

        Assert.Equal("v=STSv1; id=policy1;", joined);
        Assert.Equal("policy1", record.Id);
        Assert.Empty(record.Diagnostics);
    }

    [Fact]
    public void Extensions_are_kept_in_order()
    {
        var record = StsRecord.Parse(Fixture.ReadText("records", "mta-sts-extensions.txt"));

        Assert.Equal([new("more", "a"), new("ext", "2")], record.Extensions);
        Assert.All(record.Diagnostics, d => Assert.Equal(Severity.Info, d.Severity));
        Assert.Equal("v=STSv1; id=a; more=a; ext=2;", record.ToString());
    }

    public static TheoryData<string, string, string> GoodRecords => new()
    {
        // text, expected id, reason
        { "v=STSv1; id=20160831085700Z;", "20160831085700Z", "RFC 8461 §3.1 example" },
        { "v=STSv1;id=1", "1", "no whitespace, no trailing ';'" },
        { "v=STSv1\t;\tid=abc\t;\t", "abc", "tabs allowed around ';', and after the last one" },
        { "v=STSv1; id=12345678901234567890123456789012", "12345678901234567890123456789012", "32 characters is the maximum" },
        { "v=STSv1; ext-1.x_y=value; id=a", "a", "order of fields after v is not significant" },
    };

    [Theory]
    [MemberData(nameof(GoodRecords))]
    public void Good_record_parses(string text, string expectedId, string reason)
    {
        var valid = StsRecord.TryParse(text, out var record, out var diagnostics);

        Assert.True(valid, $"{reason}: {string.Join("; ", diagnostics)}");
        Assert.Equal(expectedId, record!.Id);
        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
    }

    public static TheoryData<string, string, string> BadRecords => new()
    {
        // text, expected error code, reason
        { "", "STS-RECORD-VERSION-MISSING", "empty record" },
        { "id=1; v=STSv1", "STS-RECORD-VERSION-MISSING", "v must be the first field" },
        { "V=STSv1; id=1", "STS-RECORD-VERSION-MISSING", "field names are case-sensitive" },
        { "v=stsv1; id=1", "STS-RECORD-VERSION-INVALID", "version value is case-sensitive" },
        { " v=STSv1; id=1", "STS-RECORD-LEADING-WHITESPACE", "record must begin with v=STSv1" },
        { "v=STSv1; id=1; v=STSv1", "STS-RECORD-VERSION-REPEATED", "second v field" },
        { "v=STSv1; id=1; id=2", "STS-RECORD-ID-DUPLICATE", "two ids are ambiguous" },
        { "v=STSv1; id=", "STS-RECORD-ID-EMPTY", "id needs at least one character" },
        { "v=STSv1; id=abc def", "STS-RECORD-ID-INVALID-CHARACTER", "space inside the id" },
        { "v=STSv1; id=café", "STS-RECORD-ID-INVALID-CHARACTER", "records are US-ASCII" },
        { "v=STSv1; id=${SERIAL}", "STS-RECORD-ID-TEMPLATE", "shell-style macro left in the zone" },
        { "v=STSv1; id=1; _x=1", "STS-RECORD-EXTENSION-NAME-INVALID", "extension name must start with a letter or digit" },
        { "v=STSv1; id=1; x=", "STS-RECORD-EXTENSION-VALUE-INVALID", "extension value needs one character" },
        { "v=STSv1; id=1;;", "STS-RECORD-EMPTY-FIELD", "empty field" },
        { "v=STSv1;; id=1", "STS-RECORD-EMPTY-FIELD", "empty field in the middle" },
    };

    [Theory]
    [MemberData(nameof(BadRecords))]
    public void Bad_record_is_rejected(string text, string expectedCode, string reason)
    {
        var valid = StsRecord.TryParse(text, out var record, out var diagnostics);

        Assert.False(valid, reason);
        Assert.Null(record);
        Assert.Contains(diagnostics, d => d.Code == expectedCode && d.Severity == Severity.Error);
    }

    [Fact]
    public void Trailing_whitespace_without_semicolon_warns()
    {
        var record = StsRecord.Parse("v=STSv1; id=1 ");

        var diagnostic = Assert.Single(record.Diagnostics);
        Assert.Equal(RecordDiagnosticCodes.StsTrailingWhitespace, diagnostic.Code);
        Assert.Equal(Severity.Warning, diagnostic.Severity);
    }

    [Fact]
    public void Parse_throws_with_diagnostics()
    {
        var exception = Assert.Throws<MtaStsFormatException>(() => StsRecord.Parse("v=STSv1; id=test-123"));

        var diagnostic = Assert.Single(exception.Diagnostics);
        Assert.Equal("STS-RECORD-ID-INVALID-CHARACTER", diagnostic.Code);
        Assert.Equal(["test-123", "-"], diagnostic.Arguments);
        Assert.Equal("id", diagnostic.Subject);
        Assert.Equal("RFC 8461 §3.1", diagnostic.Rfc);
    }

    [Fact]
    public void Select_keeps_the_one_sts_record()
    {
        var selection = StsRecord.Select(["v=spf1 -all", "v=STSv1; id=20261204T201905;"]);

        Assert.True(selection.HasPolicy);
        Assert.Equal("20261204T201905", selection.Record!.Id);
        var discarded = Assert.Single(selection.Diagnostics);
        Assert.Equal(RecordDiagnosticCodes.StsDiscarded, discarded.Code);
        Assert.Equal(Severity.Info, discarded.Severity);
    }

    [Fact]
    public void Select_with_two_records_has_no_policy()
    {
        var selection = StsRecord.Select(["v=STSv1; id=1;", "v=STSv1; id=2;"]);

        Assert.False(selection.HasPolicy);
        var diagnostic = Assert.Single(selection.Diagnostics);
        Assert.Equal(RecordDiagnosticCodes.StsMultiple, diagnostic.Code);
        Assert.Equal("2", diagnostic.Arguments[0]);
    }

    [Fact]
    public void Select_with_no_records_has_no_policy()
    {
        var selection = StsRecord.Select([]);

        Assert.False(selection.HasPolicy);
        var diagnostic = Assert.Single(selection.Diagnostics);
        Assert.Equal(RecordDiagnosticCodes.StsNotFound, diagnostic.Code);
        Assert.Equal(Severity.Info, diagnostic.Severity);
    }

    [Fact]
    public void Select_discards_other_versions_and_warns()
    {
        var selection = StsRecord.Select(["v=STSv10; id=1", "v=STSv1; id=2"]);

        Assert.Equal("2", selection.Record!.Id);
        var discarded = Assert.Single(selection.Diagnostics);
        Assert.Equal(RecordDiagnosticCodes.StsDiscarded, discarded.Code);
        Assert.Equal(Severity.Warning, discarded.Severity);
    }

    [Fact]
    public void Select_reports_invalid_single_record()
    {
        var selection = StsRecord.Select(["v=STSv1 id=021120211155"]);

        Assert.False(selection.HasPolicy);
        Assert.Contains(selection.Diagnostics, d => d.Code == RecordDiagnosticCodes.StsMissingSemicolon);
    }

    [Fact]
    public void Create_validates_id()
    {
        Assert.Equal("v=STSv1; id=abc123;", StsRecord.Create("abc123").ToString());
        var exception = Assert.Throws<ArgumentException>(() => StsRecord.Create("abc-123"));
        Assert.Contains("abc-123", exception.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => StsRecord.Create(""));
        Assert.Throws<ArgumentException>(() => StsRecord.Create(new string('a', 33)));
    }

    [Fact]
    public void NewId_is_utc_timestamp()
    {
        var now = new DateTimeOffset(2026, 12, 4, 21, 19, 5, TimeSpan.FromHours(1));

        var id = StsRecord.NewId(now);

        Assert.Equal("20261204T201905", id);
        Assert.Equal(id, StsRecord.Create(id).Id);
    }
}
