using System.Net;
using System.Text;
using MtaSts.Checks;
using MtaSts.Policies;
using MtaSts.Records;
using MtaSts.Tests.Lab;
using Xunit;

namespace MtaSts.Tests.Checks;

/// <summary>
/// Each scenario starts a healthy lab deployment, breaks one thing and asserts the finding a
/// domain owner would be shown.
/// </summary>
public sealed class LabScenarioTests
{
    private const string Domain = "example.test";
    private const string Mx1 = "mx1.example.test";
    private const string StsName = "_mta-sts.example.test";
    private const string TlsRptName = "_smtp._tls.example.test";
    private const string PolicyUrl = "https://mta-sts.example.test/.well-known/mta-sts.txt";

    [Fact]
    public async Task HealthyDeploymentIsReadyForEnforce()
    {
        await using var lab = await MtaStsLab.StartAsync();

        var report = await lab.CheckAsync();

        Assert.False(report.HasErrors, Describe(report));
        Assert.Equal(FindingCodes.VerdictReady, report.Verdict.Code);
        Assert.Single(report.WithCode(FindingCodes.FetchOk));
        Assert.Single(report.WithCode(FindingCodes.SmtpTlsOk));
        Assert.Equal(2, report.WithCode(FindingCodes.CertificateOk).Count());
        Assert.Equal(Mx1, Single(report, FindingCodes.MxCovered).GetValue("pattern"));
        Assert.Equal("20240101T000000", Single(report, FindingCodes.StsRecordFound).GetValue("id"));
        Assert.Equal(Mx1, lab.SmtpServers[0].ServerNames.Single());
        Assert.Equal($"mta-sts.example.test:{lab.PolicyServer.Port}", lab.PolicyServer.LastHost);
    }

    // DNS

    [Fact]
    public async Task NoMxRecordUsesImplicitMx()
    {
        await using var lab = await MtaStsLab.StartAsync(withMx: false);
        lab.AddMxAddress(Domain);
        lab.SetPolicy("enforce", 604800, Domain);

        var report = await lab.CheckAsync();

        Assert.Equal(FindingSeverity.Warning, Single(report, FindingCodes.MxNone).Severity);
        Assert.Equal(Domain, Single(report, FindingCodes.MxCovered).GetValue("mx"));
        Assert.Single(report.WithCode(FindingCodes.SmtpTlsOk));
    }

    [Fact]
    public async Task NullMxMeansNoMail()
    {
        await using var lab = await MtaStsLab.StartAsync(withMx: false);
        lab.Dns.AddMx(Domain, 0, ".");

        var report = await lab.CheckAsync();

        Assert.Single(report.WithCode(FindingCodes.MxNull));
        Assert.Equal(FindingCodes.VerdictNoMail, report.Verdict.Code);
        Assert.Empty(report.WithCode(FindingCodes.SmtpTlsOk));
    }

    [Fact]
    public async Task UnknownDomainIsNxDomain()
    {
        await using var lab = await MtaStsLab.StartAsync();

        var report = await lab.CheckAsync(domain: "absent.test");

        Assert.Equal("absent.test", Single(report, FindingCodes.DomainNotFound).GetValue("domain"));
        Assert.Equal(FindingCodes.VerdictPolicyIgnored, report.Verdict.Code);
        Assert.Equal(FindingCodes.DomainNotFound, report.Verdict.Cause?.Code);
    }

    [Fact]
    public async Task SilentResolverStopsTheCheck()
    {
        await using var lab = await MtaStsLab.StartAsync();
        // Two attempts would take at least twice the timeout; one second leaves room for a busy machine.
        var timeout = TimeSpan.FromSeconds(1);
        using var silent = new System.Net.Sockets.UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var resolver = new Discovery.DnsClientResolver([(IPEndPoint)silent.Client.LocalEndPoint!], timeout);
        var options = lab.CreateOptions();
        var checker = new DomainChecker(resolver, Discovery.SocketTcpConnector.Instance, TimeProvider.System, new DomainCheckerOptions { HttpsPort = options.HttpsPort, SmtpPort = options.SmtpPort, Timeout = timeout, TrustAnchors = options.TrustAnchors });
        var started = System.Diagnostics.Stopwatch.StartNew();

        var exception = await Assert.ThrowsAsync<Discovery.DnsResolverUnavailableException>(() => checker.CheckAsync(Domain, CancellationToken.None));

        Assert.Equal(Discovery.DnsLookupStatus.Timeout, exception.Status);
        Assert.True(started.Elapsed < timeout * 2, $"one attempt per query, took {started.Elapsed}");
    }

    [Fact]
    public async Task MxServFailIsNotNoData()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.Dns.FailWithServFail(Domain);

        var report = await lab.CheckAsync();

        var finding = Single(report, FindingCodes.LookupServerFailure);
        Assert.Equal("MX", finding.GetValue("type"));
        Assert.Empty(report.WithCode(FindingCodes.MxNone));
    }

    [Fact]
    public async Task MxTimeoutIsReportedAsTimeout()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.Timeout = TimeSpan.FromMilliseconds(500);
        lab.Dns.DropQueries(Domain);

        var report = await lab.CheckAsync();

        Assert.Equal("MX", Single(report, FindingCodes.LookupTimeout).GetValue("type"));
        Assert.Empty(report.WithCode(FindingCodes.MxNone));
    }

    [Fact]
    public async Task MxHostWithoutAddress()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.Dns.AddMx(Domain, 20, "mx2.example.test");
        lab.SetPolicy("enforce", 604800, Mx1, "mx2.example.test");

        var report = await lab.CheckAsync();

        Assert.Equal("mx2.example.test", Single(report, FindingCodes.MxNoAddress).GetValue("mx"));
        Assert.Single(report.WithCode(FindingCodes.SmtpTlsOk));
    }

    [Fact]
    public async Task MxHostBehindCname()
    {
        await using var lab = await MtaStsLab.StartAsync(withMx: false);
        lab.Dns.AddMx(Domain, 10, Mx1);
        lab.Dns.AddCname(Mx1, "smtp.provider.test");
        lab.AddMxAddress("smtp.provider.test", new SmtpBehavior { Certificate = lab.Authority.Issue([Mx1]) });
        lab.SetPolicy("enforce", 604800, Mx1);

        var report = await lab.CheckAsync();

        var finding = Single(report, FindingCodes.MxCname);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal("mx1.example.test → smtp.provider.test", finding.GetValue("chain"));
        Assert.Equal(Mx1, lab.SmtpServers[0].ServerNames.Single());
        Assert.Single(report.WithCode(FindingCodes.SmtpTlsOk));
    }

    [Fact]
    public async Task MissingStsRecordMakesPolicyIgnored()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.Dns.Remove(StsName);

        var report = await lab.CheckAsync();

        Assert.Equal(FindingSeverity.Error, Single(report, FindingCodes.StsRecordMissing).Severity);
        Assert.Equal(FindingCodes.VerdictPolicyIgnored, report.Verdict.Code);
        Assert.Contains("_mta-sts.example.test", report.Verdict.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoStsRecordsAreRejected()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.Dns.AddTxt(StsName, "v=STSv1; id=second");

        var report = await lab.CheckAsync();

        var finding = Single(report, RecordDiagnosticCodes.StsMultiple);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.NotNull(finding.Diagnostic);
        Assert.Equal(FindingCodes.VerdictPolicyIgnored, report.Verdict.Code);
    }

    [Fact]
    public async Task RecordWithoutStsVersionIsRejected()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.Dns.Remove(StsName);
        lab.Dns.AddTxt(StsName, "v=STSv2; id=20240101");

        var report = await lab.CheckAsync();

        Assert.Equal("v=STSv2; id=20240101", Single(report, FindingCodes.StsRecordUnusable).GetValue("records"));
        Assert.Single(report.Findings, f => f.Subject == StsName);
        Assert.Empty(report.WithCode(FindingCodes.StsRecordFound));
        Assert.Equal(FindingCodes.VerdictPolicyIgnored, report.Verdict.Code);
    }

    [Fact]
    public async Task InvalidPolicyIdKeepsParserCode()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.Dns.Remove(StsName);
        lab.Dns.AddTxt(StsName, "v=STSv1; id=2024-01-01");

        var report = await lab.CheckAsync();

        var finding = Single(report, RecordDiagnosticCodes.StsIdInvalidCharacter);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal(StsName, finding.Subject);
        Assert.NotNull(finding.Diagnostic);
    }

    [Fact]
    public async Task RecordWarningAppearsOnce()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.Dns.Remove(StsName);
        lab.Dns.AddTxt(StsName, "v=STSv1; id=20240101; x-provider=example");

        var report = await lab.CheckAsync();

        var recordFindings = report.Findings.Where(f => f.Subject == StsName && f.Diagnostic is not null).ToArray();
        Assert.NotEmpty(recordFindings);
        Assert.Equal(recordFindings.Length, recordFindings.Select(f => f.Code).Distinct().Count());
        Assert.Equal("20240101", Single(report, FindingCodes.StsRecordFound).GetValue("id"));
    }

    [Fact]
    public async Task SplitTxtRecordIsJoined()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.Dns.Remove(StsName);
        lab.Dns.AddTxt(StsName, "v=STSv1; ", "id=20240102");

        var report = await lab.CheckAsync();

        var split = Single(report, FindingCodes.TxtSplit);
        Assert.Equal("2", split.GetValue("count"));
        Assert.Equal("v=STSv1; id=20240102", split.GetValue("text"));
        Assert.Equal("20240102", Single(report, FindingCodes.StsRecordFound).GetValue("id"));
    }

    [Fact]
    public async Task CnameToProviderIsFollowed()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.Dns.Remove(StsName);
        lab.Dns.AddCname(StsName, "_mta-sts.provider.test");
        lab.Dns.AddTxt("_mta-sts.provider.test", "v=STSv1; id=provider1");

        var report = await lab.CheckAsync();

        Assert.Equal("_mta-sts.example.test → _mta-sts.provider.test", Single(report, FindingCodes.Cname).GetValue("chain"));
        Assert.Equal("provider1", Single(report, FindingCodes.StsRecordFound).GetValue("id"));
    }

    [Fact]
    public async Task MissingTlsRptRecordIsWarning()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.Dns.Remove(TlsRptName);

        var report = await lab.CheckAsync();

        Assert.Equal(FindingSeverity.Warning, Single(report, FindingCodes.TlsRptMissing).Severity);
        Assert.Equal(FindingCodes.VerdictReady, report.Verdict.Code);
    }

    [Fact]
    public async Task RuaWithoutSchemeIsReported()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.Dns.Remove(TlsRptName);
        lab.Dns.AddTxt(TlsRptName, "v=TLSRPTv1; rua=tls-reports@example.test");

        var report = await lab.CheckAsync();

        var finding = Single(report, RecordDiagnosticCodes.TlsRptUriSchemeMissing);
        Assert.Equal(TlsRptName, finding.Subject);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Empty(report.WithCode(FindingCodes.TlsRptFound));
        Assert.False(report.HasErrors, Describe(report));
        Assert.Equal(FindingCodes.VerdictReady, report.Verdict.Code);
    }

    [Fact]
    public async Task TlsRptServFailIsWarning()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.Dns.FailWithServFail(TlsRptName);

        var report = await lab.CheckAsync();

        Assert.Equal(FindingSeverity.Warning, Single(report, FindingCodes.LookupServerFailure).Severity);
        Assert.Equal(FindingCodes.VerdictReady, report.Verdict.Code);
    }

    [Fact]
    public async Task TwoTlsRptRecordsAreIgnored()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.Dns.AddTxt(TlsRptName, "v=TLSRPTv1; rua=mailto:other@example.test");

        var report = await lab.CheckAsync();

        Assert.Equal("2", Single(report, FindingCodes.TlsRptMultiple).GetValue("count"));
    }

    // Policy fetch

    [Fact]
    public async Task PolicyHostWithoutAddress()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.Dns.Remove("mta-sts.example.test");

        var report = await lab.CheckAsync();

        Assert.Equal("mta-sts.example.test", Single(report, FindingCodes.PolicyHostNotFound).GetValue("host"));
        Assert.Equal(FindingCodes.VerdictPolicyIgnored, report.Verdict.Code);
    }

    [Fact]
    public async Task PolicyHostBehindCname()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.Dns.Remove("mta-sts.example.test");
        lab.Dns.AddCname("mta-sts.example.test", "policies.provider.test");
        lab.Dns.AddAddress("policies.provider.test", IPAddress.Loopback);

        var report = await lab.CheckAsync();

        var cname = Single(report, FindingCodes.Cname);
        Assert.Equal(FindingSection.Policy, cname.Section);
        Assert.Equal("mta-sts.example.test → policies.provider.test", cname.GetValue("chain"));
        Assert.Single(report.WithCode(FindingCodes.FetchOk));
        Assert.Equal("mta-sts.example.test", Assert.Single(report.WithCode(FindingCodes.CertificateOk), f => f.Section == FindingSection.Policy).GetValue("host"));
    }

    [Fact]
    public async Task PolicyHostRefusesConnection()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.Dns.Remove("mta-sts.example.test");
        var unused = MtaStsLab.AllocateAddress();
        lab.Dns.AddAddress("mta-sts.example.test", unused);

        var report = await lab.CheckAsync();

        var finding = Single(report, FindingCodes.FetchConnectFailed);
        Assert.Equal(unused.ToString(), finding.GetValue("address"));
        Assert.Equal(lab.PolicyServer.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), finding.GetValue("port"));
        Assert.Equal("ConnectionRefused", finding.GetValue("socket_error"));
        Assert.Equal($"Could not connect to the policy host at {unused} port {lab.PolicyServer.Port}: connection refused.", finding.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains($"port {lab.PolicyServer.Port} of every address", finding.GetAdvice(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlowPolicyHostTimesOut()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.Timeout = TimeSpan.FromMilliseconds(400);
        lab.PolicyServer.Response.Delay = TimeSpan.FromSeconds(3);

        var report = await lab.CheckAsync();

        var finding = Single(report, FindingCodes.FetchTimeout);
        Assert.Equal("Response", finding.GetValue("step"));
        Assert.Equal($"Fetching the policy from 127.0.0.1 port {lab.PolicyServer.Port} timed out at the HTTP response step (limit: 0.4 s per step).", finding.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ExpiredPolicyCertificate()
    {
        var past = DateTimeOffset.UtcNow.AddDays(-3);
        await using var lab = await MtaStsLab.StartAsync(policyCertificate: ca => ca.Issue(["mta-sts.example.test"], past.AddDays(-90), past));

        var report = await lab.CheckAsync();

        var finding = Single(report, FindingCodes.CertificateExpired);
        Assert.Equal(FindingSection.Policy, finding.Section);
        Assert.Equal("mta-sts.example.test", finding.GetValue("host"));
        Assert.Equal(FindingCodes.VerdictPolicyIgnored, report.Verdict.Code);
    }

    [Fact]
    public async Task UntrustedPolicyCertificate()
    {
        await using var lab = await MtaStsLab.StartAsync(policyCertificate: _ => LabCertificateAuthority.IssueSelfSigned("mta-sts.example.test"));

        var report = await lab.CheckAsync();

        var finding = Single(report, FindingCodes.CertificateUntrusted);
        Assert.Equal(FindingSection.Policy, finding.Section);
        Assert.Contains("UntrustedRoot", finding.GetValue("chain_status"), StringComparison.Ordinal);
        Assert.Contains("the root CA is not trusted", finding.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(report.WithCode(FindingCodes.CertificateNameMismatch));
    }

    [Fact]
    public async Task PolicyCertificateForOtherName()
    {
        await using var lab = await MtaStsLab.StartAsync(policyCertificate: ca => ca.Issue(["www.example.test"]));

        var report = await lab.CheckAsync();

        var finding = Single(report, FindingCodes.CertificateNameMismatch);
        Assert.Equal("www.example.test", finding.GetValue("names"));
        Assert.Empty(report.WithCode(FindingCodes.CertificateUntrusted));
    }

    [Fact]
    public async Task WildcardPolicyCertificateIsAccepted()
    {
        await using var lab = await MtaStsLab.StartAsync(policyCertificate: ca => ca.Issue(["*.example.test"]));

        var report = await lab.CheckAsync();

        Assert.Single(report.WithCode(FindingCodes.FetchOk));
        Assert.Equal(FindingCodes.VerdictReady, report.Verdict.Code);
    }

    [Fact]
    public async Task RedirectIsNeverFollowed()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.PolicyServer.Response.StatusCode = 301;
        lab.PolicyServer.Response.Location = "https://www.example.test/mta-sts.txt";

        var report = await lab.CheckAsync();

        var finding = Single(report, FindingCodes.FetchRedirect);
        Assert.Equal("301", finding.GetValue("status"));
        Assert.Equal("https://www.example.test/mta-sts.txt", finding.GetValue("location"));
        Assert.Equal(PolicyUrl, finding.Subject);
    }

    [Fact]
    public async Task NotFoundStatusIsReported()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.PolicyServer.Response.StatusCode = 404;

        var report = await lab.CheckAsync();

        Assert.Equal("404", Single(report, FindingCodes.FetchStatus).GetValue("status"));
    }

    [Fact]
    public async Task HtmlMediaTypeIsRejected()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.PolicyServer.Response.ContentType = "text/html; charset=utf-8";

        var report = await lab.CheckAsync();

        Assert.Equal("text/html; charset=utf-8", Single(report, FindingCodes.FetchMediaType).GetValue("content_type"));
    }

    [Fact]
    public async Task MediaTypeParametersAreIgnored()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.PolicyServer.Response.ContentType = "Text/Plain; charset=utf-8";

        var report = await lab.CheckAsync();

        Assert.Single(report.WithCode(FindingCodes.FetchOk));
        Assert.Empty(report.WithCode(FindingCodes.FetchMediaType));
    }

    [Fact]
    public async Task PolicyOver64KiBIsRejected()
    {
        await using var lab = await MtaStsLab.StartAsync();
        var body = new StringBuilder("version: STSv1\r\nmode: enforce\r\nmx: mx1.example.test\r\nmax_age: 604800\r\n");
        body.Append('#', 70 * 1024);
        lab.PolicyServer.Response.Body = Encoding.ASCII.GetBytes(body.ToString());

        var report = await lab.CheckAsync();

        Assert.Equal("65536", Single(report, FindingCodes.FetchTooLarge).GetValue("limit"));
    }

    [Fact]
    public async Task UnparsablePolicyKeepsParserDiagnostics()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.PolicyServer.Response.Body = Encoding.ASCII.GetBytes("<html>not a policy</html>");

        var report = await lab.CheckAsync();

        Assert.Equal(FindingSection.Policy, Single(report, PolicyDiagnosticCodes.LineNoColon).Section);
        Assert.Equal(FindingSeverity.Error, Single(report, PolicyDiagnosticCodes.VersionMissing).Severity);
        Assert.Equal(FindingCodes.VerdictPolicyIgnored, report.Verdict.Code);
    }

    [Fact]
    public async Task PolicyHostWithOnlyOldTlsFails()
    {
#pragma warning disable SYSLIB0039 // TLS 1.1 is the point of this scenario
        await using var lab = await MtaStsLab.StartAsync(policyProtocols: System.Security.Authentication.SslProtocols.Tls11);
#pragma warning restore SYSLIB0039

        var report = await lab.CheckAsync();

        Assert.Single(report.WithCode(FindingCodes.FetchTlsFailed));
        Assert.Empty(report.WithCode(FindingCodes.FetchOk));
    }

    // Consistency

    [Fact]
    public async Task UncoveredMxIsNamed()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.SetPolicy("enforce", 604800, "mail.example.test");

        var report = await lab.CheckAsync();

        var finding = Single(report, FindingCodes.MxNotCovered);
        Assert.Equal(Mx1, finding.GetValue("mx"));
        Assert.Equal("Add \"mx: mx1.example.test\" to the policy, or \"mx: *.example.test\" to cover every host at that level.", finding.GetAdvice(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("mail.example.test", Single(report, FindingCodes.PatternUnused).GetValue("pattern"));
        Assert.Equal(FindingCodes.VerdictDeliveryFails, report.Verdict.Code);
        Assert.StartsWith("example.test: not ready for enforce: the MX host mx1.example.test matches no mx pattern", report.Verdict.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UncoveredImplicitMxGetsNoWildcard()
    {
        await using var lab = await MtaStsLab.StartAsync(withMx: false);
        lab.AddMxAddress(Domain);
        lab.SetPolicy("enforce", 604800, "mail.example.test");

        var report = await lab.CheckAsync();

        var finding = Single(report, FindingCodes.MxNotCovered);
        Assert.Null(finding.GetValue("wildcard"));
        Assert.Equal("Add \"mx: example.test\" to the policy.", finding.GetAdvice(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task WildcardCoversOneLabelOnly()
    {
        await using var lab = await MtaStsLab.StartAsync(withMx: false);
        lab.AddMx("a.mx.example.test", 10);
        lab.SetPolicy("enforce", 604800, "*.example.test");

        var report = await lab.CheckAsync();

        var finding = Single(report, FindingCodes.MxNotCoveredWildcardDepth);
        Assert.Equal("a.mx.example.test", finding.GetValue("mx"));
        Assert.Equal("*.example.test", finding.GetValue("pattern"));
        Assert.Equal("Add \"mx: a.mx.example.test\" or \"mx: *.mx.example.test\" to the policy.", finding.GetAdvice(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task WildcardCoversDirectChild()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.SetPolicy("enforce", 604800, "*.example.test");

        var report = await lab.CheckAsync();

        Assert.Equal("*.example.test", Single(report, FindingCodes.MxCovered).GetValue("pattern"));
        Assert.Empty(report.WithCode(FindingCodes.PatternUnused));
    }

    [Fact]
    public async Task TestingModeSuggestsEnforce()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.SetPolicy("testing", 90 * 86400, Mx1);

        var report = await lab.CheckAsync();

        Assert.Single(report.WithCode(FindingCodes.ModeTesting));
        Assert.Equal("90", Single(report, FindingCodes.MaxAgeLongTesting).GetValue("days"));
        Assert.Equal(FindingCodes.VerdictReadyTesting, report.Verdict.Code);
    }

    [Fact]
    public async Task NoneModeIsWarned()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.SetPolicy("none", 604800, Mx1);

        var report = await lab.CheckAsync();

        Assert.Equal(FindingSeverity.Warning, Single(report, FindingCodes.ModeNone).Severity);
        Assert.Equal(FindingCodes.VerdictModeNone, report.Verdict.Code);
    }

    [Fact]
    public async Task ShortMaxAgeIsWarned()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.SetPolicy("testing", 86400, Mx1);

        var report = await lab.CheckAsync();

        Assert.Equal("86400", Single(report, FindingCodes.MaxAgeShort).GetValue("max_age"));
    }

    [Fact]
    public async Task ShortEnforceMaxAgeKeepsParserCode()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.SetPolicy("enforce", 3600, Mx1);

        var report = await lab.CheckAsync();

        Assert.NotNull(Single(report, PolicyDiagnosticCodes.MaxAgeShort).Diagnostic);
        Assert.Empty(report.WithCode(FindingCodes.MaxAgeShort));
    }

    [Fact]
    public async Task PolicyIdReminderNamesId()
    {
        await using var lab = await MtaStsLab.StartAsync();

        var report = await lab.CheckAsync();

        Assert.Equal("20240101T000000", Single(report, FindingCodes.IdReminder).GetValue("id"));
    }

    // SMTP

    [Fact]
    public async Task MxWithoutStartTls()
    {
        await using var lab = await MtaStsLab.StartAsync(withMx: false);
        lab.AddMx(Mx1, 10, new SmtpBehavior { OfferStartTls = false });
        lab.SetPolicy("enforce", 604800, Mx1);

        var report = await lab.CheckAsync();

        var finding = Single(report, FindingCodes.StartTlsMissing);
        Assert.Equal("PIPELINING, SIZE 10240000, 8BITMIME", finding.GetValue("extensions"));
        Assert.Equal(FindingCodes.VerdictDeliveryFails, report.Verdict.Code);
    }

    [Fact]
    public async Task MxRejectsStartTls()
    {
        await using var lab = await MtaStsLab.StartAsync(withMx: false);
        lab.AddMx(Mx1, 10, new SmtpBehavior { StartTlsReply = "454 4.7.0 TLS not available" });
        lab.SetPolicy("enforce", 604800, Mx1);

        var report = await lab.CheckAsync();

        Assert.Equal("454 4.7.0 TLS not available", Single(report, FindingCodes.StartTlsRejected).GetValue("reply"));
    }

    [Fact]
    public async Task ExpiredMxCertificate()
    {
        await using var lab = await MtaStsLab.StartAsync(withMx: false);
        var past = DateTimeOffset.UtcNow.AddDays(-10);
        lab.AddMx(Mx1, 10, new SmtpBehavior { Certificate = lab.Authority.Issue([Mx1], past.AddDays(-90), past) });
        lab.SetPolicy("enforce", 604800, Mx1);

        var report = await lab.CheckAsync();

        var finding = Single(report, FindingCodes.CertificateExpired);
        Assert.Equal(FindingSection.Smtp, finding.Section);
        Assert.Equal("10", finding.GetValue("days"));
        Assert.Single(report.WithCode(FindingCodes.SmtpTlsOk));
    }

    [Fact]
    public async Task MxCertificateForOtherName()
    {
        await using var lab = await MtaStsLab.StartAsync(withMx: false);
        lab.AddMx(Mx1, 10, new SmtpBehavior { Certificate = lab.Authority.Issue(["smtp.other.test"]) });
        lab.SetPolicy("enforce", 604800, Mx1);

        var report = await lab.CheckAsync();

        var finding = Single(report, FindingCodes.CertificateNameMismatch);
        Assert.Equal(Mx1, finding.GetValue("host"));
        Assert.Equal("smtp.other.test", finding.GetValue("names"));
    }

    [Fact]
    public async Task MxWildcardCertificateTooDeep()
    {
        await using var lab = await MtaStsLab.StartAsync(withMx: false);
        lab.AddMx("a.mx.example.test", 10, new SmtpBehavior { Certificate = lab.Authority.Issue(["*.example.test"]) });
        lab.SetPolicy("enforce", 604800, "a.mx.example.test");

        var report = await lab.CheckAsync();

        Assert.Equal("*.example.test", Single(report, FindingCodes.CertificateNameMismatch).GetValue("names"));
    }

    [Fact]
    public async Task SelfSignedMxCertificate()
    {
        await using var lab = await MtaStsLab.StartAsync(withMx: false);
        lab.AddMx(Mx1, 10, new SmtpBehavior { Certificate = LabCertificateAuthority.IssueSelfSigned(Mx1) });
        lab.SetPolicy("enforce", 604800, Mx1);

        var report = await lab.CheckAsync();

        Assert.Equal(FindingSection.Smtp, Single(report, FindingCodes.CertificateUntrusted).Section);
    }

    [Fact]
    public async Task MxSendsIntermediateCertificate()
    {
        await using var lab = await MtaStsLab.StartAsync(withMx: false);
        using var intermediate = lab.Authority.CreateIntermediate();
        lab.AddMx(Mx1, 10, new SmtpBehavior { Certificate = intermediate.Issue([Mx1]), Intermediates = [intermediate.Certificate] });
        lab.SetPolicy("enforce", 604800, Mx1);

        var report = await lab.CheckAsync();

        Assert.Empty(report.WithCode(FindingCodes.CertificateUntrusted));
        Assert.Equal("CN=mtasts lab intermediate CA", Assert.Single(report.WithCode(FindingCodes.CertificateOk), f => f.Section == FindingSection.Smtp).GetValue("issuer"));
    }

    [Fact]
    public async Task MxOmitsIntermediateCertificate()
    {
        await using var lab = await MtaStsLab.StartAsync(withMx: false);
        using var intermediate = lab.Authority.CreateIntermediate();
        lab.AddMx(Mx1, 10, new SmtpBehavior { Certificate = intermediate.Issue([Mx1]) });
        lab.SetPolicy("enforce", 604800, Mx1);

        var report = await lab.CheckAsync();

        var finding = Single(report, FindingCodes.CertificateUntrusted);
        Assert.Equal(FindingSection.Smtp, finding.Section);
        Assert.Equal("CN=mtasts lab intermediate CA", finding.GetValue("issuer"));
        Assert.Contains("PartialChain", finding.GetValue("chain_status"), StringComparison.Ordinal);
        Assert.Contains("la cadena está incompleta", finding.GetMessage(new System.Globalization.CultureInfo("es")), StringComparison.Ordinal);
        Assert.DoesNotContain("local issuer", finding.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MxCertificateExpiringSoon()
    {
        await using var lab = await MtaStsLab.StartAsync(withMx: false);
        lab.AddMx(Mx1, 10, new SmtpBehavior { Certificate = lab.Authority.Issue([Mx1], notAfter: DateTimeOffset.UtcNow.AddDays(10).AddHours(1)) });
        lab.SetPolicy("enforce", 604800, Mx1);

        var report = await lab.CheckAsync();

        var finding = Single(report, FindingCodes.CertificateExpiresSoon);
        Assert.Equal("10", finding.GetValue("days"));
        Assert.Equal(FindingCodes.VerdictReady, report.Verdict.Code);
    }

    [Fact]
    public async Task SlowBannerTimesOut()
    {
        await using var lab = await MtaStsLab.StartAsync(withMx: false);
        lab.Timeout = TimeSpan.FromMilliseconds(500);
        lab.AddMx(Mx1, 10, new SmtpBehavior { BannerDelay = TimeSpan.FromSeconds(3) });
        lab.SetPolicy("enforce", 604800, Mx1);

        var report = await lab.CheckAsync();

        var finding = Single(report, FindingCodes.SmtpTimeout);
        Assert.Equal("Banner", finding.GetValue("step"));
        Assert.EndsWith("did not answer within 0.5 s at the greeting step.", finding.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.EndsWith("no respondió en 0.5 s en el paso de saludo.", finding.GetMessage(new System.Globalization.CultureInfo("es")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainTextAfterStartTlsFailsHandshake()
    {
        await using var lab = await MtaStsLab.StartAsync(withMx: false);
        lab.AddMx(Mx1, 10, new SmtpBehavior { PlainTextAfterStartTls = true });
        lab.SetPolicy("enforce", 604800, Mx1);

        var report = await lab.CheckAsync();

        var message = Single(report, FindingCodes.SmtpTlsFailed).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("may not speak TLS after STARTTLS", message, StringComparison.Ordinal);
        Assert.DoesNotContain("frame", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectingBanner()
    {
        await using var lab = await MtaStsLab.StartAsync(withMx: false);
        lab.AddMx(Mx1, 10, new SmtpBehavior { Banner = "554 5.7.1 No service" });
        lab.SetPolicy("enforce", 604800, Mx1);

        var report = await lab.CheckAsync();

        Assert.Equal("554 5.7.1 No service", Single(report, FindingCodes.SmtpBannerRejected).GetValue("reply"));
    }

    [Fact]
    public async Task RejectedEhlo()
    {
        await using var lab = await MtaStsLab.StartAsync(withMx: false);
        lab.AddMx(Mx1, 10, new SmtpBehavior { EhloReply = "500 5.5.1 Unrecognized command" });
        lab.SetPolicy("enforce", 604800, Mx1);

        var report = await lab.CheckAsync();

        Assert.Equal("500 5.5.1 Unrecognized command", Single(report, FindingCodes.SmtpEhloRejected).GetValue("reply"));
    }

    [Fact]
    public async Task MalformedBannerIsProtocolError()
    {
        await using var lab = await MtaStsLab.StartAsync(withMx: false);
        lab.AddMx(Mx1, 10, new SmtpBehavior { Banner = "hello there" });
        lab.SetPolicy("enforce", 604800, Mx1);

        var report = await lab.CheckAsync();

        Assert.Equal("Banner", Single(report, FindingCodes.SmtpProtocolError).GetValue("step"));
    }

    [Fact]
    public async Task RefusedMxConnection()
    {
        await using var lab = await MtaStsLab.StartAsync(withMx: false);
        lab.AddMx(Mx1, 10, startServer: false);
        lab.SetPolicy("enforce", 604800, Mx1);

        var report = await lab.CheckAsync();

        var finding = Single(report, FindingCodes.SmtpConnectFailed);
        Assert.Equal(lab.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), finding.GetValue("port"));
        Assert.EndsWith($"puerto {lab.SmtpPort}: conexión rechazada.", finding.GetMessage(new System.Globalization.CultureInfo("es")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneFailingAddressHidesNoOther()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.AddMxAddress(Mx1, startServer: false);
        lab.AddMxAddress(Mx1, new SmtpBehavior { OfferStartTls = false });

        var report = await lab.CheckAsync();

        Assert.Single(report.WithCode(FindingCodes.SmtpTlsOk));
        Assert.Single(report.WithCode(FindingCodes.SmtpConnectFailed));
        Assert.Single(report.WithCode(FindingCodes.StartTlsMissing));
    }

    [Fact]
    public async Task UnreachableBackupMxIsWarning()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.AddMx("mx2.example.test", 20, startServer: false);
        lab.SetPolicy("enforce", 604800, "*.example.test");

        var report = await lab.CheckAsync();

        Assert.Equal(FindingSeverity.Warning, Single(report, FindingCodes.SmtpConnectFailed).Severity);
        Assert.False(report.HasErrors, Describe(report));
        Assert.Equal(FindingCodes.VerdictReady, report.Verdict.Code);
    }

    [Fact]
    public async Task BackupMxWithoutStartTlsIsError()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.AddMx("mx2.example.test", 20, new SmtpBehavior { OfferStartTls = false });
        lab.SetPolicy("enforce", 604800, "*.example.test");

        var report = await lab.CheckAsync();

        Assert.Equal(FindingSeverity.Error, Single(report, FindingCodes.StartTlsMissing).Severity);
        Assert.Equal(FindingCodes.VerdictDeliveryFails, report.Verdict.Code);
    }

    [Fact]
    public async Task IPv6AddressIsProbed()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.AddMxAddress(Mx1, address: IPAddress.IPv6Loopback);

        var report = await lab.CheckAsync();

        Assert.Contains(report.WithCode(FindingCodes.SmtpTlsOk), f => f.GetValue("address") == "::1");
        Assert.Equal(2, report.WithCode(FindingCodes.SmtpTlsOk).Count());
    }

    [Fact]
    public async Task StartTlsOnAnyEhloLine()
    {
        await using var lab = await MtaStsLab.StartAsync(withMx: false);
        var behavior = new SmtpBehavior { Extensions = ["SIZE 35882577", "8BITMIME", "AUTH LOGIN PLAIN", "ENHANCEDSTATUSCODES", "PIPELINING", "CHUNKING", "SMTPUTF8"] };
        lab.AddMx(Mx1, 10, behavior);
        lab.SetPolicy("enforce", 604800, Mx1);

        var report = await lab.CheckAsync();

        Assert.Single(report.WithCode(FindingCodes.SmtpTlsOk));
        Assert.Empty(report.WithCode(FindingCodes.StartTlsMissing));
    }

    [Fact]
    public async Task MxWithOnlyOldTls()
    {
        await using var lab = await MtaStsLab.StartAsync(withMx: false);
#pragma warning disable SYSLIB0039 // TLS 1.0 and 1.1 are the point of this scenario
        lab.AddMx(Mx1, 10, new SmtpBehavior { Protocols = System.Security.Authentication.SslProtocols.Tls | System.Security.Authentication.SslProtocols.Tls11 });
#pragma warning restore SYSLIB0039
        lab.SetPolicy("enforce", 604800, Mx1);

        var report = await lab.CheckAsync();

        // Where the platform still allows TLS 1.0 the handshake succeeds and the version is
        // reported; where it does not (Debian 12's OpenSSL) the handshake fails.
        Assert.Contains(report.Findings, f => f.Code is FindingCodes.SmtpTlsVersionOld or FindingCodes.SmtpTlsFailed);
        Assert.Empty(report.WithCode(FindingCodes.SmtpTlsOk));
    }

    // DANE

    [Fact]
    public async Task ValidatedTlsaRecord()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.Dns.AddTlsa("_25._tcp.mx1.example.test", new byte[32]);
        lab.Dns.MarkAuthenticated("_25._tcp.mx1.example.test");

        var report = await lab.CheckAsync();

        var finding = Single(report, FindingCodes.DaneTlsaFound);
        Assert.Equal("1", finding.GetValue("count"));
        Assert.Equal(FindingSeverity.Info, finding.Severity);
    }

    [Fact]
    public async Task UnvalidatedTlsaRecord()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.Dns.AddTlsa("_25._tcp.mx1.example.test", new byte[32]);

        var report = await lab.CheckAsync();

        Assert.Equal(Mx1, Single(report, FindingCodes.DaneTlsaUnvalidated).GetValue("mx"));
    }

    // Options

    [Fact]
    public async Task DraftPolicyIsCheckedAgainstLiveMx()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.Dns.Remove(StsName);
        lab.PolicyServer.Response.StatusCode = 500;
        var draft = Encoding.ASCII.GetBytes("version: STSv1\nmode: enforce\nmx: mail.example.test\nmax_age: 604800\n");

        var report = await lab.CheckAsync(lab.CreateOptions(draftPolicy: draft));

        Assert.Single(report.WithCode(FindingCodes.PolicyDraft));
        Assert.Equal(FindingSeverity.Info, Single(report, FindingCodes.StsRecordMissing).Severity);
        Assert.Equal(Mx1, Single(report, FindingCodes.MxNotCovered).GetValue("mx"));
        Assert.Empty(report.WithCode(FindingCodes.FetchStatus));
        Assert.Null(lab.PolicyServer.LastHost);
    }

    [Fact]
    public async Task NoSmtpSkipsProbes()
    {
        await using var lab = await MtaStsLab.StartAsync();

        var report = await lab.CheckAsync(lab.CreateOptions(probeSmtp: false));

        Assert.Equal(Mx1, Single(report, FindingCodes.SmtpSkipped).GetValue("mx"));
        Assert.Empty(lab.SmtpServers[0].ServerNames);
        Assert.False(report.HasErrors, Describe(report));
        Assert.Equal(FindingCodes.VerdictMxNotTested, report.Verdict.Code);
        Assert.Equal("example.test: policy valid (mode: enforce); MX hosts not tested (--no-smtp).", report.Verdict.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task NoSmtpDraftClaimsNoFit()
    {
        await using var lab = await MtaStsLab.StartAsync();
        var draft = Encoding.ASCII.GetBytes("version: STSv1\nmode: testing\nmx: mx1.example.test\nmax_age: 604800\n");

        var report = await lab.CheckAsync(lab.CreateOptions(probeSmtp: false, draftPolicy: draft));

        Assert.Equal(FindingCodes.VerdictMxNotTested, report.Verdict.Code);
        Assert.Equal("testing", report.Verdict.GetValue("mode"));
    }

    [Fact]
    public async Task IdnDomainIsCheckedAsALabel()
    {
        await using var lab = await MtaStsLab.StartAsync(domain: "xn--bcher-kva.test");

        var report = await lab.CheckAsync(domain: "Bücher.test");

        Assert.Equal("xn--bcher-kva.test", report.Domain);
        Assert.Equal(FindingCodes.VerdictReady, report.Verdict.Code);
    }

    [Fact]
    public async Task FiveMxHostsAreAllProbed()
    {
        await using var lab = await MtaStsLab.StartAsync();
        for (var i = 2; i <= 5; i++)
        {
            lab.AddMx($"mx{i}.example.test", 10 * i);
        }

        lab.SetPolicy("enforce", 604800, "*.example.test");

        var report = await lab.CheckAsync();

        Assert.Equal(5, report.WithCode(FindingCodes.SmtpTlsOk).Count());
        Assert.Equal(5, report.WithCode(FindingCodes.MxCovered).Count());
        Assert.Equal(FindingCodes.VerdictReady, report.Verdict.Code);
    }

    private static Finding Single(CheckReport report, string code)
    {
        var matches = report.WithCode(code).ToArray();
        Assert.True(matches.Length == 1, $"Expected one {code}, found {matches.Length}:\n{Describe(report)}");
        return matches[0];
    }

    private static string Describe(CheckReport report) => string.Join("\n", report.Findings);
}
