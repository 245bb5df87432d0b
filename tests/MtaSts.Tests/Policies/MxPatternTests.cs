using MtaSts.Diagnostics;
using MtaSts.Policies;
using Xunit;

namespace MtaSts.Tests.Policies;

public class MxPatternTests
{
    public static TheoryData<string, string, bool, string> Matching => new()
    {
        // pattern, host, expected match, reason
        { "mail.example.com", "mail.example.com", true, "exact name" },
        { "mail.example.com", "MAIL.Example.COM", true, "case-insensitive" },
        { "mail.example.com", "mail.example.com.", true, "trailing root dot on the host" },
        { "mail.example.com.", "mail.example.com", true, "trailing root dot on the pattern" },
        { "mail.example.com", "mx.example.com", false, "other name" },
        { "*.example.com", "mail.example.com", true, "wildcard matches one left-most label" },
        { "*.example.com", "example.com", false, "RFC 8461 §4.1: wildcard needs a label" },
        { "*.example.com", "a.b.example.com", false, "RFC 8461 §4.1: wildcard matches one label only" },
        { "*.example.com", "mail.example.com.evil.test", false, "suffix must end the name" },
        { "*.example.com", "mailexample.com", false, "label boundary" },
        { "*.example.com", ".example.com", false, "empty left-most label" },
        { "bücher.example", "xn--bcher-kva.example", true, "U-label pattern, A-label host" },
        { "xn--bcher-kva.example", "BÜCHER.example", true, "A-label pattern, U-label host in upper case" },
        { "*.xn--bcher-kva.example", "mx.bücher.example", true, "wildcard over an IDN suffix" },
    };

    [Theory]
    [MemberData(nameof(Matching))]
    public void Pattern_matches_host(string pattern, string host, bool expected, string reason)
    {
        var mx = MxPattern.Parse(pattern);

        Assert.True(expected == mx.Matches(host), reason);
    }

    public static TheoryData<string, string, bool, string> Normalized => new()
    {
        // input, expected value, expected wildcard, expected warning code (empty: none)
        { "Mail.Example.COM", "mail.example.com", false, "" },
        { "*.Example.net", "*.example.net", true, "" },
        { "mail.tutanota.de.", "mail.tutanota.de", false, "STS-MX-TRAILING-DOT" },
        { "bücher.example", "xn--bcher-kva.example", false, "STS-MX-U-LABEL" },
        { "*.bücher.example", "*.xn--bcher-kva.example", true, "STS-MX-U-LABEL" },
    };

    [Theory]
    [MemberData(nameof(Normalized))]
    public void Pattern_is_normalized(string input, string expectedValue, bool expectedWildcard, string expectedWarning)
    {
        var valid = MxPattern.TryParse(input, out var pattern, out var diagnostics);

        Assert.True(valid);
        Assert.Equal(expectedValue, pattern!.Value);
        Assert.Equal(expectedWildcard, pattern.IsWildcard);
        Assert.Equal(expectedWarning, Fixture.Codes(diagnostics));
        Assert.All(diagnostics, d => Assert.Equal(Severity.Warning, d.Severity));
    }

    public static TheoryData<string, string, string> BadPatterns => new()
    {
        // input, expected error code, reason
        { "", "STS-MX-EMPTY", "empty value" },
        { "192.0.2.1", "STS-MX-IP-LITERAL", "IPv4 address" },
        { "[192.0.2.1]", "STS-MX-IP-LITERAL", "IPv4 address literal in brackets" },
        { "2001:db8::25", "STS-MX-IP-LITERAL", "IPv6 address" },
        { "[IPv6:2001:db8::25]", "STS-MX-INVALID-CHARACTER", "SMTP IPv6 literal form is not a host name" },
        { "*", "STS-MX-WILDCARD-POSITION", "bare wildcard" },
        { "*example.com", "STS-MX-WILDCARD-POSITION", "wildcard must be a whole label" },
        { "mail.*.example.com", "STS-MX-WILDCARD-POSITION", "wildcard only left-most" },
        { "*.*.example.com", "STS-MX-WILDCARD-POSITION", "one wildcard label only" },
        { "mx1.your_domain.tld", "STS-MX-INVALID-CHARACTER", "underscore is not in host names" },
        { "mail example.com", "STS-MX-INVALID-CHARACTER", "space" },
        { "mail..example.com", "STS-MX-EMPTY-LABEL", "two dots" },
        { ".example.com", "STS-MX-EMPTY-LABEL", "leading dot" },
        { "-mail.example.com", "STS-MX-LABEL-HYPHEN", "label starts with a hyphen" },
        { new string('a', 64) + ".example.com", "STS-MX-LABEL-TOO-LONG", "64-character label" },
        { string.Join(".", Enumerable.Repeat(new string('a', 60), 5)), "STS-MX-TOO-LONG", "name over 253 characters" },
    };

    [Theory]
    [MemberData(nameof(BadPatterns))]
    public void Bad_pattern_is_rejected(string input, string expectedCode, string reason)
    {
        var valid = MxPattern.TryParse(input, out var pattern, out var diagnostics);

        Assert.False(valid, reason);
        Assert.Null(pattern);
        var diagnostic = Assert.Single(diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(expectedCode, diagnostic.Code);
    }

    [Fact]
    public void Parse_throws_for_ip_literal()
    {
        var exception = Assert.Throws<MtaStsFormatException>(() => MxPattern.Parse("192.0.2.25"));

        Assert.Equal("STS-MX-IP-LITERAL", Assert.Single(exception.Diagnostics).Code);
    }

    [Fact]
    public void Numeric_labels_are_not_ip_literal()
    {
        Assert.True(MxPattern.TryParse("1.2.3.example", out _, out _));
        Assert.True(MxPattern.TryParse("123.com", out _, out _));
    }

    [Fact]
    public void Equality_uses_normalized_value()
    {
        Assert.Equal(MxPattern.Parse("MAIL.example.com."), MxPattern.Parse("mail.example.com"));
        Assert.NotEqual(MxPattern.Parse("*.example.com"), MxPattern.Parse("example.com"));
    }
}
