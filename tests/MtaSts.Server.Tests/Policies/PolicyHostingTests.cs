using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MtaSts.Server.Tests.Support;
using Xunit;

namespace MtaSts.Server.Tests.Policies;

public sealed class PolicyHostingTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("mta-sts.example.com", "version: STSv1\r\nmode: testing\r\nmx: mx1.example.com\r\nmx: *.mail.example.com\r\nmax_age: 604800\r\n")]
    [InlineData("mta-sts.example.org", "version: STSv1\r\nmode: enforce\r\nmx: mx.example.org\r\nmax_age: 86400\r\n")]
    public async Task Policy_ServedPerSniName(string host, string expected)
    {
        using var client = _server.CreateHttpsClient();

        using var response = await client.GetAsync(_server.PolicyUrl(host));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("mta-sts.example.com")]
    [InlineData("mta-sts.example.org")]
    public async Task Certificate_ChosenBySni(string host)
    {
        var certificate = await HandshakeAsync(host);

        Assert.Equal($"CN={host}", certificate.Subject);
    }

    [Fact]
    public async Task Certificate_WildcardCoversOneLabel()
    {
        var certificate = await HandshakeAsync("mta-sts.example.net");

        Assert.Equal("CN=*.example.net", certificate.Subject);
    }

    [Theory]
    [InlineData("unknown.example.com", "no certificate is configured for this name")]
    [InlineData("a.b.example.net", "a wildcard covers exactly one label")]
    public async Task Handshake_FailsWithoutCertificate(string host, string reason)
    {
        var error = await Record.ExceptionAsync(() => HandshakeAsync(host));

        Assert.True(error is AuthenticationException or IOException, $"{host}: {reason}, got {error?.GetType().Name ?? "a certificate"}");
    }

    [Fact]
    public async Task Handshake_NegotiatesTls12OrLater()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, _server.HttpsPort);
        await using var tls = new SslStream(tcp.GetStream(), false, (_, c, _, _) => _server.Certificates.Validate(c));
        await tls.AuthenticateAsClientAsync("mta-sts.example.com");

        Assert.True(tls.SslProtocol is SslProtocols.Tls12 or SslProtocols.Tls13, $"negotiated {tls.SslProtocol}");
    }

    [Fact]
    public async Task Certificate_ReloadedAfterFileChange()
    {
        var before = await HandshakeAsync("mta-sts.example.org");

        var (_, _, replacement) = _server.Certificates.Issue("mta-sts.example.org", "mta-sts.example.org");
        var after = await HandshakeAsync("mta-sts.example.org");

        Assert.NotEqual(before.SerialNumber, after.SerialNumber);
        Assert.Equal(replacement.SerialNumber, after.SerialNumber);
    }

    [Fact]
    public async Task Certificate_KeptWhenNewFileBroken()
    {
        var before = await HandshakeAsync("mta-sts.example.org");

        // A certificate file caught halfway through a rewrite.
        var certificateFile = Path.Combine(_server.Certificates.Folder, "mta-sts.example.org.pem");
        await File.WriteAllTextAsync(certificateFile, "-----BEGIN CERTIFICATE-----\nMIIB\n");
        var after = await HandshakeAsync("mta-sts.example.org");

        Assert.Equal(before.SerialNumber, after.SerialNumber);
    }

    [Theory]
    [InlineData("MTA-STS.Example.COM", "host names are case-insensitive")]
    [InlineData("mta-sts.example.com.", "a fully qualified name may end in a dot")]
    [InlineData("mta-sts.example.com:8443", "the port is ignored")]
    public async Task Policy_ServedForHostVariants(string hostHeader, string reason)
    {
        var (status, body) = await RawHttp.GetAsync(_server.HttpsPort, "/.well-known/mta-sts.txt", hostHeader, "mta-sts.example.com", _server.Certificates);

        Assert.True(status == 200, $"{hostHeader}: {reason}, got {status}");
        Assert.StartsWith("version: STSv1\r\nmode: testing\r\n", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mta-sts.example.com.evil.test", "/.well-known/mta-sts.txt", "a managed name as prefix of another domain")]
    [InlineData("mta-sts.unmanaged.test", "/.well-known/mta-sts.txt", "a domain this server does not manage")]
    [InlineData("example.com", "/.well-known/mta-sts.txt", "the policy domain without the mta-sts label")]
    [InlineData("www.mta-sts.example.com", "/.well-known/mta-sts.txt", "a name below the policy host")]
    [InlineData("127.0.0.1", "/.well-known/mta-sts.txt", "an IP address")]
    [InlineData("[::1]", "/.well-known/mta-sts.txt", "an IPv6 address")]
    [InlineData("", "/.well-known/mta-sts.txt", "an empty host")]
    [InlineData("mta-sts.example.com", "/.well-known/../.well-known/mta-sts.txt", "a dot-dot segment")]
    [InlineData("mta-sts.example.com", "/.well-known/./mta-sts.txt", "a dot segment")]
    [InlineData("mta-sts.example.com", "/.well-known/%2e%2e/.well-known/mta-sts.txt", "an encoded dot-dot segment")]
    [InlineData("mta-sts.example.com", "/.well-known/mta-sts%2etxt", "an encoded dot")]
    [InlineData("mta-sts.example.com", "/.well-known%2fmta-sts.txt", "an encoded slash")]
    [InlineData("mta-sts.example.com", "//.well-known/mta-sts.txt", "a doubled slash")]
    [InlineData("mta-sts.example.com", "/.WELL-KNOWN/MTA-STS.TXT", "the path in upper case")]
    [InlineData("mta-sts.example.com", "/", "the root")]
    public async Task Policy_NotFoundForTricks(string hostHeader, string target, string reason)
    {
        var (status, body) = await RawHttp.GetAsync(_server.HttpPort, target, hostHeader);

        Assert.True(status == 404, $"{reason}: expected 404, got {status}");
        Assert.DoesNotContain("version: STSv1", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Policy_NotFoundWithoutHostHeader()
    {
        // HTTP/1.1 requires a Host header; Kestrel responds 400 before any endpoint runs.
        var (status, body) = await RawHttp.GetAsync(_server.HttpPort, "/.well-known/mta-sts.txt", hostHeader: null);

        Assert.Equal(400, status);
        Assert.DoesNotContain("version: STSv1", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mta-sts.example.org", "mta-sts.example.com", "another managed domain than the SNI name")]
    [InlineData("mta-sts.unmanaged.test", "mta-sts.example.com", "an unmanaged name")]
    [InlineData("127.0.0.1", "mta-sts.example.com", "an IP address")]
    [InlineData("", "mta-sts.example.com", "an empty host")]
    [InlineData("mta-sts.example.org", "mta-sts.example.net", "a name that the wildcard certificate does not cover")]
    public async Task Https_HostDifferentFromSniMisdirected(string hostHeader, string sniName, string reason)
    {
        var (status, body) = await RawHttp.GetAsync(_server.HttpsPort, "/.well-known/mta-sts.txt", hostHeader, sniName, _server.Certificates);

        Assert.True(status == 421, $"{reason}: expected 421, got {status}");
        Assert.DoesNotContain("version: STSv1", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainHttp_HostAlonePicksPolicy()
    {
        var (status, body) = await RawHttp.GetAsync(_server.HttpPort, "/.well-known/mta-sts.txt", "mta-sts.example.org");

        Assert.Equal(200, status);
        Assert.Contains("mode: enforce", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_ServesHeadersWithoutBody()
    {
        using var client = _server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Head, "/.well-known/mta-sts.txt");
        request.Headers.Host = "mta-sts.example.org";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task PlainHttp_ServesWithoutRedirect()
    {
        using var client = _server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/mta-sts.txt");
        request.Headers.Host = "mta-sts.example.org";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Healthz_ReadyAfterStart()
    {
        using var client = _server.CreateHttpClient();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Curl_FetchesPolicyWithResolve()
    {
        var curl = RequiredTool.Find("curl");
        var host = "mta-sts.example.com";

        var (exitCode, output, error) = await RequiredTool.RunAsync(
            curl,
            ["--silent", "--show-error", "--fail", "--max-redirs", "0", "--cacert", _server.Certificates.AuthorityFile,
             "--resolve", $"{host}:{_server.HttpsPort}:127.0.0.1", _server.PolicyUrl(host)],
            TimeSpan.FromSeconds(30));

        Assert.True(exitCode == 0, $"curl exited {exitCode}: {error}");
        Assert.Equal(RunningServer.ExampleComPolicy.Write(), output);
    }

    private async Task<X509Certificate2> HandshakeAsync(string host)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, _server.HttpsPort);
        await using var tls = new SslStream(tcp.GetStream(), false, (_, c, _, _) => _server.Certificates.Validate(c));
        await tls.AuthenticateAsClientAsync(host);
        return X509CertificateLoader.LoadCertificate(tls.RemoteCertificate!.GetRawCertData());
    }
}
