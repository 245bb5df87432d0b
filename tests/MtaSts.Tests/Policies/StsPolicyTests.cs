using System.Text;
using MtaSts.Diagnostics;
using MtaSts.Policies;
using Xunit;

namespace MtaSts.Tests.Policies;

public class StsPolicyTests
{
    public static TheoryData<string, PolicyMode?, long, string, string> CorpusFiles => new()
    {
        // file, expected mode (null: invalid), max_age, MX patterns joined by a space, every code emitted in sorted order
        { "checkdmarc-duplicate-mode.txt", PolicyMode.Enforce, 86400, "mail.example.com", "STS-POLICY-DUPLICATE-KEY" },
        { "checkdmarc-max-age-decimal.txt", null, 0, "", "STS-POLICY-MAX-AGE-INVALID" },
        { "checkdmarc-max-age-too-large.txt", PolicyMode.Enforce, 31557600, "mail.example.com", "STS-POLICY-MAX-AGE-RANGE" },
        { "crlf-max-age-upper-bound.txt", PolicyMode.Enforce, 31557600, "mx01.mail.icloud.com mx02.mail.icloud.com", "" },
        { "eff-utf8-emoji-mx.txt", PolicyMode.Enforce, 100000, "xn--ch8h.xn--qo8h.com", "STS-MX-U-LABEL" },
        { "full-line-comments.txt", null, 0, "", string.Join(",", Enumerable.Repeat("STS-POLICY-BLANK-LINE", 4).Concat(Enumerable.Repeat("STS-POLICY-COMMENT", 13))) },
        { "indented-duplicate-mx.txt", null, 0, "", "STS-POLICY-LINE-INDENTED,STS-POLICY-LINE-INDENTED,STS-POLICY-LINE-INDENTED,STS-POLICY-LINE-INDENTED,STS-POLICY-LINE-INDENTED,STS-POLICY-MX-DUPLICATE" },
        { "jekyll-front-matter-source.txt", null, 0, "", "STS-POLICY-FRONT-MATTER" },
        { "lf-no-final-newline.txt", PolicyMode.Testing, 604800, "aspmx.l.google.com aspmx2.googlemail.com aspmx3.googlemail.com alt1.aspmx.l.google.com alt2.aspmx.l.google.com", "" },
        { "max-age-before-mx-wildcards.txt", PolicyMode.Testing, 604800, "*.googlemail.com *.aspmx.l.google.com aspmx.l.google.com", "" },
        { "mode-in-brackets.txt", null, 0, "", "STS-POLICY-MODE-PLACEHOLDER,STS-POLICY-TRAILING-WHITESPACE" },
        { "mode-none-wildcard-many-mx.txt", PolicyMode.None, 600, "example-com.p-v1.mx.microsoft example-com.mail.protection.outlook.com smtp.google.com mx1.smtp.goog mx2.smtp.goog mx3.smtp.goog mx4.smtp.goog aspmx.l.google.com *.aspmx.l.google.com", "" },
        { "mox-max-age-11-digits.txt", null, 0, "", "STS-POLICY-MAX-AGE-TOO-LONG" },
        { "mox-mixed-eol-tabs-extension.txt", PolicyMode.Enforce, 1, "*.example.com", "STS-POLICY-MAX-AGE-SHORT,STS-POLICY-UNKNOWN-KEY" },
        { "mx-trailing-dot.txt", PolicyMode.Testing, 604800, "mail.tutanota.de", "STS-MX-TRAILING-DOT" },
        { "template-inline-comments.txt", null, 0, "", "STS-MX-INVALID-CHARACTER,STS-MX-INVALID-CHARACTER,STS-POLICY-COMMENT,STS-POLICY-COMMENT,STS-POLICY-INLINE-COMMENT,STS-POLICY-INLINE-COMMENT,STS-POLICY-INLINE-COMMENT,STS-POLICY-INLINE-COMMENT,STS-POLICY-MODE-PLACEHOLDER" },
        { "zuplu-blank-line.txt", null, 0, "", "STS-POLICY-BLANK-LINE" },
        { "zuplu-mode-none-no-mx.txt", PolicyMode.None, 86400, "", "" },
    };

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_policy_parses_as_expected(string file, PolicyMode? expectedMode, long expectedMaxAge, string expectedMx, string expectedCodes)
    {
        var bytes = Fixture.ReadBytes("policies", file);

        var valid = StsPolicy.TryParse(bytes, out var policy, out var diagnostics);

        Assert.Equal(expectedMode is not null, valid);
        Assert.Equal(expectedCodes, Fixture.Codes(diagnostics));
        if (policy is not null)
        {
            Assert.Equal(expectedMode, policy.Mode);
            Assert.Equal(expectedMaxAge, policy.MaxAge);
            Assert.Equal(expectedMx, string.Join(" ", policy.MxPatterns.Select(p => p.Value)));
            Assert.Same(diagnostics, policy.Diagnostics);
        }
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_policy_parses_the_same_from_string(string file, PolicyMode? expectedMode, long expectedMaxAge, string expectedMx, string expectedCodes)
    {
        var text = Fixture.ReadText("policies", file);

        var valid = StsPolicy.TryParse(text, out var policy, out var diagnostics);

        Assert.Equal(expectedMode is not null, valid);
        Assert.Equal(expectedCodes, Fixture.Codes(diagnostics));
        Assert.Equal(expectedMaxAge, policy?.MaxAge ?? 0);
        Assert.Equal(expectedMx, policy is null ? "" : string.Join(" ", policy.MxPatterns.Select(p => p.Value)));
    }

    [Fact]
    public void Duplicate_mode_keeps_first_value()
    {
        var policy = StsPolicy.Parse(Fixture.ReadBytes("policies", "checkdmarc-duplicate-mode.txt"));

        var diagnostic = Assert.Single(policy.Diagnostics);
        Assert.Equal(Severity.Warning, diagnostic.Severity);
        Assert.Equal(3, diagnostic.Line);
        Assert.Equal("mode", diagnostic.Subject);
        Assert.Equal(["mode", "2", "enforce", "testing"], diagnostic.Arguments);
    }

    [Fact]
    public void Later_line_cannot_weaken_mode()
    {
        var policy = StsPolicy.Parse("version: STSv1\nmode: enforce\nmx: mx.example.com\nmax_age: 86400\nmode: none\n");

        Assert.Equal(PolicyMode.Enforce, policy.Mode);
    }

    [Fact]
    public void Max_age_above_limit_is_clamped_with_message()
    {
        var policy = StsPolicy.Parse(Fixture.ReadBytes("policies", "checkdmarc-max-age-too-large.txt"));

        var diagnostic = Assert.Single(policy.Diagnostics);
        Assert.Equal(3, diagnostic.Line);
        Assert.Equal(
            "max_age 99999999 is above the maximum of 31557600 seconds (about one year) that RFC 8461 allows. mtasts reads it as 31557600; a sender may do the same or reject the policy. Lower it to 31557600 or less.",
            diagnostic.Describe(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Extension_keeps_inner_spaces()
    {
        var policy = StsPolicy.Parse(Fixture.ReadBytes("policies", "mox-mixed-eol-tabs-extension.txt"));

        Assert.Equal([new("more", "ext e  ns ion")], policy.Extensions);
    }

    [Fact]
    public void Blank_line_error_names_line()
    {
        StsPolicy.TryParse(Fixture.ReadBytes("policies", "zuplu-blank-line.txt"), out _, out var diagnostics);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal(2, diagnostic.Line);
    }

    [Fact]
    public void Front_matter_error_names_closing_line()
    {
        StsPolicy.TryParse(Fixture.ReadBytes("policies", "jekyll-front-matter-source.txt"), out _, out var diagnostics);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(1, diagnostic.Line);
        Assert.Equal(["14"], diagnostic.Arguments);
    }

    public static TheoryData<string, string, string> GoodPolicies => new()
    {
        // text, expected codes, reason
        { "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.example.net\r\nmx: backupmx.example.com\r\nmax_age: 604800\r\n", "", "RFC 8461 §3.2 example with CRLF" },
        { "version: STSv1\nmode: testing\nmx: a.example.com\nmax_age: 0", "", "max_age 0 is a non-negative integer" },
        { "version: STSv1\nmode: testing\nmx: a.example.com\nmax_age: 0000604800", "", "ten digits with leading zeros" },
        { "mode: testing\nmax_age: 604800\nmx: a.example.com\nversion: STSv1", "", "field order is not significant" },
        { "version:STSv1\nmode:testing\nmx:a.example.com\nmax_age:604800", "", "no space after ':'" },
        { "version: STSv1\nmode: testing\nmx: a.example.com\nmax_age: 604800\nmx: a.example.com\n", "STS-POLICY-MX-DUPLICATE", "duplicate mx is kept once" },
        { "version: STSv1\nmode: testing\nmx: a.example.com\nmax_age: 604800\nx-note: a # b", "STS-POLICY-UNKNOWN-KEY", "'#' in an extension value is content" },
    };

    [Theory]
    [MemberData(nameof(GoodPolicies))]
    public void Good_policy_parses(string text, string expectedCodes, string reason)
    {
        var valid = StsPolicy.TryParse(text, out _, out var diagnostics);

        Assert.True(valid, $"{reason}: {string.Join("; ", diagnostics)}");
        Assert.Equal(expectedCodes, Fixture.Codes(diagnostics));
    }

    public static TheoryData<string, string, int?, string> BadPolicies => new()
    {
        // text, expected error code, expected line, reason
        { "", "STS-POLICY-VERSION-MISSING", null, "empty body" },
        { "version: STSv2\nmode: testing\nmx: a.example.com\nmax_age: 86400", "STS-POLICY-VERSION-INVALID", 1, "unknown version" },
        { "version: STSv1\nmx: a.example.com\nmax_age: 86400", "STS-POLICY-MODE-MISSING", null, "mode is required" },
        { "version: STSv1\nmode: Enforce\nmx: a.example.com\nmax_age: 86400", "STS-POLICY-MODE-INVALID", 2, "mode values are case-sensitive" },
        { "version: STSv1\nmode: enforcing\nmx: a.example.com\nmax_age: 86400", "STS-POLICY-MODE-INVALID", 2, "unknown mode" },
        { "version: STSv1\nmode: enforce\nmax_age: 86400", "STS-POLICY-MX-MISSING", null, "mx required unless mode none" },
        { "version: STSv1\nmode: enforce\nmx: a.example.com", "STS-POLICY-MAX-AGE-MISSING", null, "max_age is required" },
        { "version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: -1", "STS-POLICY-MAX-AGE-INVALID", 4, "negative max_age" },
        { "version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 1d", "STS-POLICY-MAX-AGE-INVALID", 4, "unit suffix" },
        { "version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 99999999999", "STS-POLICY-MAX-AGE-TOO-LONG", 4, "11 digits" },
        { "version: STSv1\nMode: enforce\nmx: a.example.com\nmax_age: 86400", "STS-POLICY-KEY-CASE", 2, "keys are case-sensitive" },
        { "version: STSv1\nmode : enforce\nmx: a.example.com\nmax_age: 86400", "STS-POLICY-KEY-WHITESPACE", 2, "space before ':'" },
        { "version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 86400\n_x: 1", "STS-POLICY-KEY-INVALID", 5, "extension names start with a letter or digit" },
        { "version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 86400\nmode enforce", "STS-POLICY-LINE-NO-COLON", 5, "no ':'" },
        { "version: STSv1\nmode:\nmx: a.example.com\nmax_age: 86400", "STS-POLICY-VALUE-EMPTY", 2, "empty value" },
        { "version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 86400\nx: a\tb", "STS-POLICY-CONTROL-CHARACTER", 5, "TAB inside a value is a CTL" },
        { "version: STSv1\rmode: enforce\rmx: a.example.com\rmax_age: 86400", "STS-POLICY-BARE-CR", 1, "old Mac line ends" },
        { "version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 86400\n\n", "STS-POLICY-BLANK-LINE", 5, "extra empty line at the end" },
        { "version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 86400\n   \n", "STS-POLICY-BLANK-LINE", 5, "whitespace-only line" },
        { "version: STSv1\nmode: enforce # strict\nmx: a.example.com\nmax_age: 86400", "STS-POLICY-INLINE-COMMENT", 2, "inline comment" },
        { "version: STSv1\nmode: enforce\nmx: *.*.example.com\nmax_age: 86400", "STS-MX-WILDCARD-POSITION", 3, "MX pattern errors carry the line" },
    };

    [Theory]
    [MemberData(nameof(BadPolicies))]
    public void Bad_policy_is_rejected(string text, string expectedCode, int? expectedLine, string reason)
    {
        var valid = StsPolicy.TryParse(text, out var policy, out var diagnostics);

        Assert.False(valid, reason);
        Assert.Null(policy);
        var diagnostic = Assert.Single(diagnostics, d => d.Code == expectedCode);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal(expectedLine, diagnostic.Line);
    }

    [Fact]
    public void Ip_literal_mx_is_error_in_mode_none()
    {
        var valid = StsPolicy.TryParse("version: STSv1\nmode: none\nmax_age: 86400\nmx: 192.0.2.1", out _, out var diagnostics);

        Assert.False(valid);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(PolicyDiagnosticCodes.MxIpLiteral, diagnostic.Code);
        Assert.Equal(4, diagnostic.Line);
    }

    [Fact]
    public void Bom_is_stripped_with_warning()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat("version: STSv1\nmode: none\nmax_age: 86400\n"u8.ToArray()).ToArray();

        var fromBytes = StsPolicy.Parse(bytes);
        var fromString = StsPolicy.Parse("\uFEFFversion: STSv1\nmode: none\nmax_age: 86400\n");

        Assert.Equal(PolicyDiagnosticCodes.ByteOrderMark, Assert.Single(fromBytes.Diagnostics).Code);
        Assert.Equal(PolicyDiagnosticCodes.ByteOrderMark, Assert.Single(fromString.Diagnostics).Code);
        Assert.Equal(PolicyMode.None, fromBytes.Mode);
    }

    [Fact]
    public void Invalid_utf8_is_an_error()
    {
        var bytes = "version: STSv1\nmode: none\nmax_age: 86400\nx: "u8.ToArray().Append((byte)0xFF).ToArray();

        var valid = StsPolicy.TryParse(bytes, out _, out var diagnostics);

        Assert.False(valid);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(PolicyDiagnosticCodes.InvalidUtf8, diagnostic.Code);
        Assert.Equal(["44"], diagnostic.Arguments);
    }

    [Fact]
    public void Size_limit_is_65536_bytes()
    {
        var head = "version: STSv1\nmode: none\nmax_age: 86400\nx: ";
        var exact = head + new string('a', StsPolicy.MaxLength - head.Length);
        var over = exact + "a";

        Assert.True(StsPolicy.TryParse(Encoding.UTF8.GetBytes(exact), out _, out _));
        Assert.True(StsPolicy.TryParse(exact, out _, out _));
        Assert.False(StsPolicy.TryParse(Encoding.UTF8.GetBytes(over), out _, out var byteDiagnostics));
        Assert.False(StsPolicy.TryParse(over, out _, out var stringDiagnostics));
        Assert.Equal(["65537", "65536"], Assert.Single(byteDiagnostics).Arguments);
        Assert.Equal(PolicyDiagnosticCodes.TooLarge, Assert.Single(stringDiagnostics).Code);
    }

    [Fact]
    public void Write_uses_crlf_and_canonical_order()
    {
        var policy = StsPolicy.Parse(Fixture.ReadBytes("policies", "mox-mixed-eol-tabs-extension.txt"));

        Assert.Equal("version: STSv1\r\nmode: enforce\r\nmx: *.example.com\r\nmax_age: 1\r\nmore: ext e  ns ion\r\n", policy.Write());
        Assert.Equal(policy.Write(), policy.ToString());
    }

    [Fact]
    public void Matches_any_pattern()
    {
        var policy = StsPolicy.Parse(Fixture.ReadBytes("policies", "max-age-before-mx-wildcards.txt"));

        Assert.True(policy.Matches("alt1.aspmx.l.google.com"));
        Assert.True(policy.Matches("ASPMX.L.GOOGLE.COM."));
        Assert.True(policy.Matches("aspmx2.googlemail.com"));
        Assert.False(policy.Matches("googlemail.com"));
        Assert.False(policy.Matches("mx.example.com"));
    }

    [Fact]
    public void Create_validates_arguments()
    {
        var mx = MxPattern.Parse("mail.example.com");

        var policy = StsPolicy.Create(PolicyMode.Testing, [mx, mx], 86400);

        Assert.Single(policy.MxPatterns);
        Assert.Empty(StsPolicy.Create(PolicyMode.None, [], 0).MxPatterns);
        Assert.Throws<ArgumentException>(() => StsPolicy.Create(PolicyMode.Enforce, [], 86400));
        Assert.Throws<ArgumentOutOfRangeException>(() => StsPolicy.Create(PolicyMode.Enforce, [mx], -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => StsPolicy.Create(PolicyMode.Enforce, [mx], StsPolicy.MaxAgeLimit + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => StsPolicy.Create((PolicyMode)7, [mx], 86400));
    }
}
