using System.Net;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MtaSts.Server.Smtp;
using MtaSts.Server.Tests.Support;
using Xunit;

namespace MtaSts.Server.Tests.Smtp;

public sealed class SmtpIntakeTests : IAsyncLifetime
{
    private const string Recipient = "tlsrpt@example.net";

    private RunningServer _server = null!;
    private int _smtpPort;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(new Dictionary<string, string>
        {
            ["Server:Smtp:Enabled"] = "true",
            ["Server:Smtp:Port"] = "0",
            ["Server:Smtp:ServerName"] = "smtp.example.net",
            ["Server:Smtp:Recipients:0"] = Recipient,
        });
        var smtp = _server.App.Services.GetRequiredService<SmtpIntakeService>();
        _smtpPort = ((IPEndPoint)smtp.LocalEndPoint!).Port;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task MailKit_StoresGzipReportOverStartTls()
    {
        using var client = await ConnectAsync();
        var message = await MimeMessage.LoadAsync(Fixture("isseis-google-success.eml"));

        var reply = await client.SendAsync(message, MailboxAddress.Parse("noreply-smtp-tls-reporting@google.com"), [MailboxAddress.Parse(Recipient)]);

        Assert.True(client.IsSecure);
        Assert.StartsWith("Ok", reply, StringComparison.OrdinalIgnoreCase);
        Assert.True(await _server.IsStoredAsync("google.com", "2026-05-11T00:00:00Z_example.com"));
    }

    [Fact]
    public async Task MailKit_StoresBareTlsrptPart()
    {
        using var client = await ConnectAsync();
        var message = await MimeMessage.LoadAsync(Fixture("stalwart-rpt02-uncompressed.eml"));

        await client.SendAsync(message, MailboxAddress.Parse("reports@sender.example"), [MailboxAddress.Parse(Recipient)]);

        Assert.True(await _server.IsStoredAsync("google.com", "2020-01-01T00:00:00Z_example.com"));
    }

    [Fact]
    public async Task OtherRecipient_RejectedAtRcpt()
    {
        using var client = await ConnectAsync();
        var message = await MimeMessage.LoadAsync(Fixture("isseis-google-success.eml"));

        var error = await Assert.ThrowsAsync<SmtpCommandException>(() =>
            client.SendAsync(message, MailboxAddress.Parse("reports@sender.example"), [MailboxAddress.Parse("postmaster@example.net")]));

        Assert.Equal(SmtpErrorCode.RecipientNotAccepted, error.ErrorCode);
        Assert.Equal(SmtpStatusCode.MailboxUnavailable, error.StatusCode);
        Assert.Contains("accepts only TLS reports", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonReportMail_RejectedAtData()
    {
        using var client = await ConnectAsync();
        var message = await MimeMessage.LoadAsync(Fixture("tlsrptrs-not-a-report-cron.eml"));

        var error = await Assert.ThrowsAsync<SmtpCommandException>(() =>
            client.SendAsync(message, MailboxAddress.Parse("root@sender.example"), [MailboxAddress.Parse(Recipient)]));

        Assert.Equal(SmtpErrorCode.MessageNotAccepted, error.ErrorCode);
        Assert.Equal(SmtpStatusCode.TransactionFailed, error.StatusCode);
        Assert.StartsWith("5.6.0 TLSRPT-DECODE-NO-REPORT: ", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.All(c => c is >= ' ' and <= '~'), $"SMTP replies are ASCII only: {error.Message}");
        Assert.DoesNotContain("?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Banner_HidesLibraryVersion()
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, _smtpPort);
        using var reader = new StreamReader(tcp.GetStream(), System.Text.Encoding.ASCII);
        await using var writer = new StreamWriter(tcp.GetStream(), System.Text.Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };

        var banner = await reader.ReadLineAsync();
        await writer.WriteLineAsync("EHLO client.example");
        var ehlo = new List<string>();
        string? line;
        do
        {
            line = await reader.ReadLineAsync();
            ehlo.Add(line ?? "");
        }
        while (line is not null && line.StartsWith("250-", StringComparison.Ordinal));

        await writer.WriteLineAsync("HELO client.example");
        var helo = await reader.ReadLineAsync();

        Assert.Equal("220 smtp.example.net ESMTP ready", banner);
        Assert.Equal("250-smtp.example.net Hello client.example", ehlo[0]);
        Assert.DoesNotContain(ehlo, l => l.Contains("AUTH", StringComparison.Ordinal));
        Assert.Equal("250 smtp.example.net Hello client.example", helo);
    }

    [Fact]
    public async Task Auth_NotOfferedAndRejectedAfterStartTls()
    {
        using var client = await ConnectAsync();

        var error = await Record.ExceptionAsync(() => client.AuthenticateAsync("anyone", "any password"));

        Assert.True(client.IsSecure);
        Assert.False(client.Capabilities.HasFlag(SmtpCapabilities.Authentication));
        Assert.Empty(client.AuthenticationMechanisms);
        Assert.NotNull(error);
        Assert.False(client.IsAuthenticated);
    }

    [Theory]
    [InlineData("no report (RFC 8460 §5.3)", "no report (RFC 8460 section 5.3)")]
    [InlineData("plain ASCII text", "plain ASCII text")]
    [InlineData("dominio «ejemplo»", "dominio ?ejemplo?")]
    public void ReplyText_RewrittenToAscii(string text, string expected)
    {
        Assert.Equal(expected, ReportMessageStore.ToAscii(text));
    }

    [Fact]
    public async Task UnmanagedDomainReport_RejectedAtData()
    {
        using var client = await ConnectAsync();
        var message = ReportMessage(SampleReports.Json("smtp-other-1", "unmanaged.test"));

        var error = await Assert.ThrowsAsync<SmtpCommandException>(() =>
            client.SendAsync(message, MailboxAddress.Parse("reports@sender.example"), [MailboxAddress.Parse(Recipient)]));

        Assert.Equal(SmtpStatusCode.MailboxUnavailable, error.StatusCode);
        Assert.False(await _server.IsStoredAsync("sender.example", "smtp-other-1"));
    }

    [Fact]
    public async Task Swaks_DeliversReportOverStartTls()
    {
        var swaks = RequiredTool.Find("swaks");
        var file = Path.Combine(_server.Certificates.Folder, "swaks-report.eml");
        await ReportMessage(SampleReports.Json("swaks-1")).WriteToAsync(file);

        var (exitCode, output, error) = await RequiredTool.RunAsync(
            swaks,
            ["--server", "127.0.0.1", "--port", _smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--tls", "--from", "reports@sender.example", "--to", Recipient, "--data", "@" + file, "--timeout", "20"],
            TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, $"swaks exited {exitCode}: {output}{error}");
        Assert.True(output.Contains("=== TLS started", StringComparison.Ordinal), output + error);
        Assert.True(output.Contains(" ~> .\n<~  250 ", StringComparison.Ordinal), output + error);
        Assert.True(await _server.IsStoredAsync("sender.example", "swaks-1"));
    }

    [Fact]
    public async Task Swaks_OtherRecipientRejected()
    {
        var swaks = RequiredTool.Find("swaks");

        var (exitCode, output, error) = await RequiredTool.RunAsync(
            swaks,
            ["--server", "127.0.0.1", "--port", _smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--tls", "--from", "someone@sender.example", "--to", "postmaster@example.net", "--timeout", "20"],
            TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.True(output.Contains("<~* 550 5.1.1", StringComparison.Ordinal), output + error);
    }

    private async Task<SmtpClient> ConnectAsync()
    {
        var client = new SmtpClient
        {
            ServerCertificateValidationCallback = (_, certificate, _, _) => _server.Certificates.Validate(certificate),
            Timeout = 20000,
        };
        await client.ConnectAsync("127.0.0.1", _smtpPort, SecureSocketOptions.StartTls);
        return client;
    }

    private static MimeMessage ReportMessage(string json)
    {
        // RFC 8460 §5.3: a multipart/report with report-type=tlsrpt and the gzip report attached.
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("reports@sender.example"));
        message.To.Add(MailboxAddress.Parse(Recipient));
        message.Subject = "Report Domain: example.com Submitter: sender.example Report-ID: <test>";
        var report = new Multipart("report");
        report.ContentType.Parameters.Add("report-type", "tlsrpt");
        report.Add(new TextPart("plain") { Text = "This is an aggregate TLS report." });
        report.Add(new MimePart("application", "tlsrpt+gzip")
        {
            Content = new MimeContent(new MemoryStream(SampleReports.Gzip(json))),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = "sender.example!example.com!1764547200!1764633599.json.gz",
        });
        message.Body = report;
        return message;
    }

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "smtp", name);
}
