using MtaSts.Server.Hosting;
using Xunit;

namespace MtaSts.Server.Tests.Hosting;

public sealed class ServerConfigurationTests
{
    [Theory]
    [InlineData("--Server:Smtp:Enabled=true", "Server:Smtp:Recipients is empty")]
    [InlineData("--Server:Intake:Path=tlsrpt", "Server:Intake:Path 'tlsrpt' must start with '/'")]
    [InlineData("--Server:Imap:Enabled=true", "Server:Imap:Mailbox is empty")]
    [InlineData("--Server:Tls:Certificates:0:Name=mta-sts.example.com", "needs Name, CertificateFile and KeyFile")]
    public async Task Build_RejectsInvalidSetting(string argument, string expectedMessage)
    {
        var folder = Directory.CreateTempSubdirectory("mtasts-config-test-").FullName;
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                MtaStsServer.BuildAsync(["--urls=http://127.0.0.1:0", $"--Server:Store={Path.Combine(folder, "mtasts.db")}", argument]));

            Assert.Contains(expectedMessage, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:21", "is not an http:// or https:// URL")]
    [InlineData("http://example.com:80", "must name an IP address, localhost, * or +")]
    [InlineData("http://127.0.0.1:99999", "has an invalid port")]
    [InlineData("https://127.0.0.1:0", "no certificate is configured")]
    public async Task Start_RejectsInvalidUrl(string url, string expectedMessage)
    {
        var folder = Directory.CreateTempSubdirectory("mtasts-config-test-").FullName;
        try
        {
            var error = await Record.ExceptionAsync(async () =>
            {
                await using var app = await MtaStsServer.BuildAsync([$"--urls={url}", $"--Server:Store={Path.Combine(folder, "mtasts.db")}", "--Logging:LogLevel:Default=None"]);
                await app.StartAsync();
            });

            Assert.NotNull(error);
            Assert.Contains(expectedMessage, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
