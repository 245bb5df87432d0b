using System.Security.Cryptography.X509Certificates;
using MtaSts.Checks;
using MtaSts.Discovery;
using MtaSts.Tests.Lab;
using Xunit;

namespace MtaSts.Tests.EndToEnd;

/// <summary>
/// The checker against real software on loopback: nsd as the authoritative DNS server, nginx as
/// the policy host and Postfix as the MX, each started by the test from its own temporary folder.
/// </summary>
public sealed class RealDaemonTests
{
    private const string Domain = "example.test";
    private const string Policy = "version: STSv1\nmode: enforce\nmx: mx1.example.test\nmax_age: 604800\n";

    [RealDaemonFact("nsd", "nginx", "postfix")]
    public async Task HealthyDeploymentOnRealDaemons()
    {
        using var authority = new LabCertificateAuthority();
        using var policyCertificate = authority.Issue(["mta-sts.example.test"]);
        using var mxCertificate = authority.Issue(["mx1.example.test"]);
        await using var nsd = await NsdServer.StartAsync(Domain, Zone());
        await using var nginx = await NginxServer.StartAsync(policyCertificate.ExportCertificatePem(), KeyPem(policyCertificate), Policy);
        await using var postfix = await PostfixServer.StartAsync("mx1.example.test", mxCertificate.ExportCertificatePem(), KeyPem(mxCertificate));

        var report = await CheckAsync(nsd, nginx.Port, postfix.Port, authority);

        Assert.False(report.HasErrors, string.Join("\n", report.Findings));
        Assert.Equal(FindingCodes.VerdictReady, report.Verdict.Code);
        Assert.Equal("v=TLSRPTv1; rua=mailto:tls-reports@example.test", Single(report, FindingCodes.TxtSplit).GetValue("text"));
        Assert.Equal("text/plain", Single(report, FindingCodes.FetchOk).GetValue("content_type"));
        Assert.Equal("mx1.example.test", Single(report, FindingCodes.MxCovered).GetValue("mx"));
        var tls = Single(report, FindingCodes.SmtpTlsOk);
        Assert.Contains(tls.GetValue("tls"), new[] { "TLS 1.2", "TLS 1.3" });
        Assert.Equal(2, report.WithCode(FindingCodes.CertificateOk).Count());
    }

    [RealDaemonFact("nsd", "nginx", "postfix")]
    public async Task BrokenDeploymentOnRealDaemons()
    {
        using var authority = new LabCertificateAuthority();
        using var policyCertificate = authority.Issue(["mta-sts.example.test"]);
        await using var nsd = await NsdServer.StartAsync(Domain, Zone());
        await using var nginx = await NginxServer.StartAsync(
            policyCertificate.ExportCertificatePem(),
            KeyPem(policyCertificate),
            Policy,
            "return 301 https://www.example.test/mta-sts.txt;");
        await using var postfix = await PostfixServer.StartAsync("mx1.example.test", certificatePem: null, keyPem: null);

        var report = await CheckAsync(nsd, nginx.Port, postfix.Port, authority);

        Assert.Equal("https://www.example.test/mta-sts.txt", Single(report, FindingCodes.FetchRedirect).GetValue("location"));
        Assert.Equal("mx1.example.test", Single(report, FindingCodes.StartTlsMissing).GetValue("mx"));
        Assert.Equal(FindingCodes.VerdictPolicyIgnored, report.Verdict.Code);
    }

    private static string Zone() =>
        """
        @ IN MX 10 mx1.example.test.
        mx1 IN A 127.0.0.1
        mta-sts IN A 127.0.0.1
        _mta-sts IN TXT "v=STSv1; id=20240101T000000"
        _smtp._tls IN TXT "v=TLSRPTv1; " "rua=mailto:tls-reports@example.test"
        """;

    private static async Task<CheckReport> CheckAsync(NsdServer nsd, int httpsPort, int smtpPort, LabCertificateAuthority authority)
    {
        var timeout = TimeSpan.FromSeconds(10);
        var options = new DomainCheckerOptions
        {
            HttpsPort = httpsPort,
            SmtpPort = smtpPort,
            Timeout = timeout,
            TrustAnchors = authority.Anchors,
        };
        var checker = new DomainChecker(new DnsClientResolver([nsd.EndPoint], timeout), SocketTcpConnector.Instance, TimeProvider.System, options);
        return await checker.CheckAsync(Domain, CancellationToken.None);
    }

    private static string KeyPem(X509Certificate2 certificate) =>
        certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem();

    private static Finding Single(CheckReport report, string code)
    {
        var matches = report.WithCode(code).ToArray();
        Assert.True(matches.Length == 1, $"Expected one {code}, found {matches.Length}:\n{string.Join("\n", report.Findings)}");
        return matches[0];
    }
}
