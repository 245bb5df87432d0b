using System.Text;
using MtaSts.Checks;
using MtaSts.Discovery;
using Xunit;

namespace MtaSts.Tests.Checks;

public sealed class DiscoveryUnitTests
{
    [Theory]
    [InlineData("mx.example.com", "mx.example.com", true, "exact name")]
    [InlineData("MX.Example.COM", "mx.example.com", true, "names compare without case")]
    [InlineData("*.example.com", "mx.example.com", true, "wildcard covers one label")]
    [InlineData("*.example.com", "a.mx.example.com", false, "wildcard covers one label only")]
    [InlineData("*.example.com", "example.com", false, "wildcard needs a label to replace")]
    [InlineData("mx*.example.com", "mx1.example.com", false, "partial-label wildcards are not accepted")]
    [InlineData("mx.example.com.", "mx.example.com", true, "a trailing dot is the same name")]
    public void HostNameMatching(string presented, string host, bool expected, string reason)
    {
        Assert.True(HostNameMatcher.Matches(presented, host) == expected, reason);
    }

    [Fact]
    public async Task MultiLineReplyIsJoined()
    {
        var reader = Reader("250-mx.example.com hello\r\n250-PIPELINING\r\n250-STARTTLS\r\n250 8BITMIME\r\n");

        var reply = await reader.ReadAsync(CancellationToken.None);

        Assert.Equal(250, reply.Code);
        Assert.Equal(["mx.example.com hello", "PIPELINING", "STARTTLS", "8BITMIME"], reply.Lines);
        Assert.True(reply.HasKeyword("starttls"));
    }

    [Fact]
    public async Task BareLineFeedIsAccepted()
    {
        var reader = Reader("220 ready\n");

        var reply = await reader.ReadAsync(CancellationToken.None);

        Assert.Equal(220, reply.Code);
        Assert.Equal("ready", reply.Lines.Single());
    }

    [Fact]
    public async Task ReplyCodeAloneIsAccepted()
    {
        var reply = await Reader("250\r\n").ReadAsync(CancellationToken.None);

        Assert.Equal(250, reply.Code);
        Assert.Equal(string.Empty, reply.Lines.Single());
    }

    [Theory]
    [InlineData("hello\r\n", "no reply code")]
    [InlineData("25\r\n", "code too short")]
    [InlineData("250+x\r\n", "unknown separator")]
    [InlineData("250-first\r\n", "connection closed inside a multi-line reply")]
    [InlineData("", "connection closed before the reply")]
    public async Task MalformedReplyIsRejected(string input, string reason)
    {
        var exception = await Record.ExceptionAsync(() => Reader(input).ReadAsync(CancellationToken.None));

        Assert.True(exception is SmtpProtocolException, reason);
    }

    [Fact]
    public async Task KeywordMustStartTheLine()
    {
        var reply = await Reader("250-mx hello\r\n250 X-NOT-STARTTLS\r\n").ReadAsync(CancellationToken.None);

        Assert.False(reply.HasKeyword("STARTTLS"));
    }

    [Theory]
    [InlineData("example.com", "example.com")]
    [InlineData(" Example.COM. ", "example.com")]
    [InlineData("bücher.example", "xn--bcher-kva.example")]
    [InlineData("xn--bcher-kva.example", "xn--bcher-kva.example")]
    public void DomainIsNormalized(string input, string expected)
    {
        Assert.True(DomainChecker.TryNormalizeDomain(input, out var domain, out var error), error);
        Assert.Equal(expected, domain);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("localhost", "single label")]
    [InlineData("exa mple.com", "space in a label")]
    [InlineData("-mx.example.com", "leading hyphen")]
    [InlineData("a..example.com", "empty label")]
    [InlineData("https://example.com", "a URL, not a domain")]
    [InlineData("127.0.0.25", "an IPv4 address passes the label rules but names no policy domain")]
    [InlineData("[::1]", "a bracketed IPv6 literal")]
    [InlineData("::1", "a bare IPv6 literal")]
    public void InvalidDomainIsExplained(string input, string reason)
    {
        Assert.False(DomainChecker.TryNormalizeDomain(input, out _, out var error), reason);
        Assert.False(string.IsNullOrEmpty(error), reason);
    }

    private static SmtpReplyReader Reader(string text) => new(new MemoryStream(Encoding.ASCII.GetBytes(text)));
}
