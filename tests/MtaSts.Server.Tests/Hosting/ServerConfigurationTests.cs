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
    [InlineData("--Server:Intake:Path=/.well-known/mta-sts.txt", "collides with a path the server already serves")]
    [InlineData("--Server:Intake:Path=/api/reports", "collides with a path the server already serves")]
    [InlineData("--Server:Intake:Path=/metrics", "collides with a path the server already serves")]
    [InlineData("--Server:Intake:Path=/", "collides with a path the server already serves")]
    [InlineData("--Server:Smtp:Recipients:0=not-an-address", "entry 'not-an-address' is not a mail address")]
    [InlineData("--Server:Smtp:Recipients:0=Reports <tlsrpt@example.net>", "is not a mail address")]
    [InlineData("--Server:Smtp:Port=70000", "Server:Smtp:Port 70000 is not a TCP port")]
    [InlineData("--Server:Tls:ReloadCheckSeconds=-1", "Server:Tls:ReloadCheckSeconds -1 is negative")]
    [InlineData("--Server:Dns:TimeoutSeconds=0", "Server:Dns:TimeoutSeconds 0 must be a positive number")]
    [InlineData("--Server:Api:AdminTokenHash=pbkdf2-sha256$600000$REPLACE$WITH_THE_OUTPUT_OF_mtasts_serve_hash-token", "is not a hash printed by 'mtasts serve hash-token'")]
    [InlineData("--Server:Api:AdminTokenHash=secret", "is not a hash printed by 'mtasts serve hash-token'")]
    public async Task Build_RejectsInvalidSetting(string argument, string expectedMessage)
    {
        var folder = Directory.CreateTempSubdirectory("mtasts-config-test-").FullName;
        try
        {
            var error = await Assert.ThrowsAsync<ServerSettingException>(() =>
                MtaStsServer.BuildAsync(["--urls=http://127.0.0.1:0", $"--Server:Store={Path.Combine(folder, "mtasts.db")}", argument]));

            Assert.Contains(expectedMessage, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("--Server:Intake:Path=/api", "IntakePathReserved")]
    [InlineData("--Server:Smtp:Recipients:0=not-an-address", "SmtpRecipientInvalid")]
    [InlineData("--Server:Tls:ReloadCheckSeconds=-1", "ReloadCheckNegative")]
    [InlineData("--Server:Api:AdminTokenHash=secret", "AdminTokenHashInvalid")]
    [InlineData("--urls=nonsense", "UrlSchemeInvalid")]
    [InlineData("--urls=http://127.0.0.1:99999", "UrlPortInvalid")]
    [InlineData("--urls=http://example.com:80", "UrlHostNotAddress")]
    [InlineData("--urls=https://127.0.0.1:0", "UrlHttpsWithoutCertificate")]
    public async Task SettingProblem_MatchesCliCatalog(string argument, string code)
    {
        var folder = Directory.CreateTempSubdirectory("mtasts-config-test-").FullName;
        try
        {
            var error = await Record.ExceptionAsync(async () =>
            {
                await using var app = await MtaStsServer.BuildAsync(
                    ["--urls=http://127.0.0.1:0", $"--Server:Store={Path.Combine(folder, "mtasts.db")}", "--Logging:LogLevel:Default=None", argument]);
                await app.StartAsync();
            });

            var problem = Assert.Single(Assert.IsType<ServerSettingException>(error).Problems);
            var strings = new System.Resources.ResourceManager("MtaSts.Cli.Resources.ServerStrings", System.Reflection.Assembly.Load("MtaSts.Cli"));
            var english = strings.GetString("Setting." + code, System.Globalization.CultureInfo.InvariantCulture);
            var spanish = strings.GetString("Setting." + code, System.Globalization.CultureInfo.GetCultureInfo("es"));
            Assert.Equal(code, problem.Code);
            Assert.NotNull(english);
            Assert.Equal(problem.Message, string.Format(System.Globalization.CultureInfo.InvariantCulture, english, [.. problem.Arguments]));
            Assert.NotEqual(english, spanish);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Build_AcceptsHashTokenOutput()
    {
        var folder = Directory.CreateTempSubdirectory("mtasts-config-test-").FullName;
        try
        {
            var hash = MtaSts.Server.Api.AdminToken.Hash("a token of more than twenty characters");

            await using var app = await MtaStsServer.BuildAsync(
                ["--urls=http://127.0.0.1:0", $"--Server:Store={Path.Combine(folder, "mtasts.db")}", $"--Server:Api:AdminTokenHash={hash}"]);

            Assert.NotNull(app);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("mta-sts.example.com", "mta-sts.example.org", "mta-sts.example.com", "do not cover mta-sts.example.com")]
    [InlineData("*.example.com", "mta-sts.example.org", "*.example.com", "do not cover *.example.com")]
    [InlineData("mta-sts.example.com", "mta-sts.example.com", "other", "give the key file issued with it")]
    public async Task Start_RejectsUnusableCertificate(string name, string issuedFor, string keyOf, string expectedMessage)
    {
        var folder = Directory.CreateTempSubdirectory("mtasts-config-test-").FullName;
        try
        {
            using var certificates = new Support.TestCertificates(folder);
            var (certificateFile, keyFile, _) = certificates.Issue("served", issuedFor);
            if (keyOf == "other")
            {
                keyFile = certificates.Issue("other", issuedFor).KeyFile;
            }

            var error = await Record.ExceptionAsync(async () =>
            {
                await using var app = await MtaStsServer.BuildAsync(
                    ["--urls=https://127.0.0.1:0", $"--Server:Store={Path.Combine(folder, "mtasts.db")}", "--Logging:LogLevel:Default=None",
                     $"--Server:Tls:Certificates:0:Name={name}", $"--Server:Tls:Certificates:0:CertificateFile={certificateFile}",
                     $"--Server:Tls:Certificates:0:KeyFile={keyFile}"]);
                await app.StartAsync();
            });

            var invalid = Assert.IsType<ServerSettingException>(error);
            Assert.Contains(expectedMessage, invalid.Message, StringComparison.Ordinal);
            Assert.Contains($"'{name}'", invalid.Message, StringComparison.Ordinal);
            Assert.Contains(certificateFile, invalid.Message, StringComparison.Ordinal);
            if (keyOf == "other")
            {
                Assert.Contains(keyFile, invalid.Message, StringComparison.Ordinal);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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
