using System.Globalization;
using System.Text.Json;
using MtaSts.Checks;
using MtaSts.Tests.Cli;
using MtaSts.Tests.Lab;
using Xunit;

namespace MtaSts.Tests.Checks;

/// <summary>Runs the real <c>mtasts check</c> process against a lab on loopback.</summary>
public sealed class CheckCommandTests
{
    [Fact]
    public async Task HealthyLabExitsZeroWithJson()
    {
        await using var lab = await MtaStsLab.StartAsync();
        using var ca = new TemporaryFile(lab.Authority.Certificate.ExportCertificatePem());

        var result = await CliRunner.RunAsync([.. LabArguments(lab, ca.Path), "--json"]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal("example.test", root.GetProperty("domain").GetString());
        Assert.True(root.GetProperty("ok").GetBoolean());
        Assert.Equal(FindingCodes.VerdictReady, root.GetProperty("verdict").GetProperty("code").GetString());
        var fetch = root.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("code").GetString() == FindingCodes.FetchOk);
        Assert.Equal("ok", fetch.GetProperty("severity").GetString());
        Assert.Equal("policy", fetch.GetProperty("section").GetString());
        Assert.Equal("127.0.0.1", fetch.GetProperty("values").GetProperty("address").GetString());
    }

    [Fact]
    public async Task ErrorFindingExitsOne()
    {
        await using var lab = await MtaStsLab.StartAsync(withMx: false);
        lab.AddMx("mx1.example.test", 10, new SmtpBehavior { OfferStartTls = false });
        lab.SetPolicy("enforce", 604800, "mx1.example.test");
        using var ca = new TemporaryFile(lab.Authority.Certificate.ExportCertificatePem());

        var result = await CliRunner.RunAsync([.. LabArguments(lab, ca.Path), "--json"]);

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var verdict = json.RootElement.GetProperty("verdict");
        Assert.Equal(FindingCodes.VerdictDeliveryFails, verdict.GetProperty("code").GetString());
        Assert.Equal(FindingCodes.StartTlsMissing, verdict.GetProperty("cause").GetString());
    }

    [Fact]
    public async Task SpanishTextReport()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.SetPolicy("testing", 604800, "mx1.example.test");
        using var ca = new TemporaryFile(lab.Authority.Certificate.ExportCertificatePem());

        var result = await CliRunner.RunAsync([.. LabArguments(lab, ca.Path), "--lang", "es"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Comprobación MTA-STS de example.test", result.Output, StringComparison.Ordinal);
        Assert.Contains("✓ Registros MX: 10 mx1.example.test.", result.Output, StringComparison.Ordinal);
        Assert.Contains("Solución: Lea los informes TLS", result.Output, StringComparison.Ordinal);
        Assert.Contains("Veredicto: example.test: política en testing, lista para pasar a enforce.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnglishTextReportShowsAdvice()
    {
        await using var lab = await MtaStsLab.StartAsync();
        lab.PolicyServer.Response.StatusCode = 302;
        lab.PolicyServer.Response.Location = "https://www.example.test/";
        using var ca = new TemporaryFile(lab.Authority.Certificate.ExportCertificatePem());

        var result = await CliRunner.RunAsync([.. LabArguments(lab, ca.Path), "--lang", "en", "--no-smtp"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("✗ The policy URL answered HTTP 302 redirecting to https://www.example.test/; senders never follow redirects.", result.Output, StringComparison.Ordinal);
        Assert.Contains("Fix: Serve the policy directly at the policy URL with HTTP 200.", result.Output, StringComparison.Ordinal);
        Assert.Contains("Verdict: example.test: policy ignored by senders: the policy URL answered HTTP 302", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftPolicyFromFile()
    {
        await using var lab = await MtaStsLab.StartAsync();
        using var ca = new TemporaryFile(lab.Authority.Certificate.ExportCertificatePem());
        using var draft = new TemporaryFile("version: STSv1\nmode: enforce\nmx: *.example.test\nmax_age: 1209600\n");

        var result = await CliRunner.RunAsync([.. LabArguments(lab, ca.Path), "--policy", draft.Path, "--json"]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(FindingCodes.VerdictDraftReady, json.RootElement.GetProperty("verdict").GetProperty("code").GetString());
        Assert.Null(lab.PolicyServer.LastHost);
    }

    [Theory]
    [InlineData("not a domain", "--timeout", "5", "'not a domain' is not a valid domain name")]
    [InlineData("example.test", "--timeout", "0", "invalid --timeout '0'")]
    [InlineData("example.test", "--dns-server", "127.0.0.1:99999", "invalid --dns-server '127.0.0.1:99999'")]
    [InlineData("example.test", "--smtp-port", "0", "invalid --smtp-port '0'")]
    [InlineData("example.test", "--ca-file", "/nonexistent/ca.pem", "file not found: /nonexistent/ca.pem. Check the path.")]
    [InlineData("127.0.0.25", "--timeout", "5", "'127.0.0.25' is not a valid domain name")]
    [InlineData("[::1]", "--timeout", "5", "'[::1]' is not a valid domain name")]
    [InlineData("example.test", "--policy", "/nonexistent/policy.txt", "file not found: /nonexistent/policy.txt")]
    public async Task BadArgumentExitsTwo(string domain, string option, string value, string expected)
    {
        var result = await CliRunner.RunAsync("check", domain, option, value, "--lang", "en");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task SpanishMissingCaFileIsPlain()
    {
        var result = await CliRunner.RunAsync("check", "example.test", "--ca-file", "/nonexistent/ca.pem", "--lang", "es");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no se encuentra el archivo /nonexistent/ca.pem. Revise la ruta.", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Could not find", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoSmtpExitsZeroWithoutReadiness()
    {
        await using var lab = await MtaStsLab.StartAsync();
        using var ca = new TemporaryFile(lab.Authority.Certificate.ExportCertificatePem());

        var result = await CliRunner.RunAsync([.. LabArguments(lab, ca.Path), "--no-smtp", "--lang", "en"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Verdict: example.test: policy valid (mode: enforce); MX hosts not tested (--no-smtp).", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("ready for enforce", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SilentDnsServerExitsTwo()
    {
        using var silent = new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        var server = silent.Client.LocalEndPoint!.ToString()!;

        var result = await CliRunner.RunAsync("check", "example.test", "--dns-server", server, "--timeout", "0.3", "--lang", "en");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        var line = Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains($"the DNS server {server} did not answer (timeout), so the check could not run.", line, StringComparison.Ordinal);
    }

    private static string[] LabArguments(MtaStsLab lab, string caPath) =>
    [
        "check", lab.Domain,
        "--dns-server", lab.Dns.EndPoint.ToString(),
        "--ca-file", caPath,
        "--https-port", lab.PolicyServer.Port.ToString(CultureInfo.InvariantCulture),
        "--smtp-port", lab.SmtpPort.ToString(CultureInfo.InvariantCulture),
        "--timeout", "5",
    ];

    private sealed class TemporaryFile : IDisposable
    {
        public TemporaryFile(string content)
        {
            Path = System.IO.Path.GetTempFileName();
            File.WriteAllText(Path, content);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
