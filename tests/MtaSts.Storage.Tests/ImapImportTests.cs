using MtaSts.Storage.Sqlite;
using Xunit;

namespace MtaSts.Storage.Tests;

/// <summary><c>reports import imaps://…</c> against a real dovecot server on loopback.</summary>
public sealed class ImapImportTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mtasts-imap-tests", Guid.NewGuid().ToString("N"));

    public ImapImportTests() => Directory.CreateDirectory(_folder);

    private string Store => Path.Combine(_folder, "reports.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [SkippableFact]
    public async Task Import_moves_imported_messages_only()
    {
        Skip.If(DovecotServer.SkipReason() is not null, DovecotServer.SkipReason());
        await using var server = await DovecotServer.StartAsync(
            ReportFiles.EmailFixture("mox-google.eml"),
            ReportFiles.EmailFixture("tlsrptrs-not-a-report-cron.eml"),
            ReportFiles.EmailFixture("stalwart-rpt01.eml"));

        var result = await CliProcess.RunAsync(
            Password(DovecotServer.Password),
            "reports", "import", server.Url(), "--store", Store, "--ca-file", server.CaFile, "--move-to", "Processed", "--lang", "en");

        Assert.True(result.ExitCode == 1, result.Output + result.Error);
        Assert.Contains("New reports stored: 2", result.Output, StringComparison.Ordinal);
        Assert.Contains("Rejected: 1", result.Output, StringComparison.Ordinal);
        Assert.Contains("Messages moved: 2 to Processed", result.Output, StringComparison.Ordinal);
        Assert.Contains($"✗ {server.Url()} UID 2", result.Output, StringComparison.Ordinal);
        Assert.Equal(1, server.CountMessages());
        Assert.Equal(2, server.CountMessages("Processed"));
        await using var store = await SqliteReportStore.OpenAsync(Store);
        Assert.Equal(2, (await store.CheckIntegrityAsync()).Reports);
    }

    [SkippableFact]
    public async Task Import_without_move_leaves_mailbox()
    {
        Skip.If(DovecotServer.SkipReason() is not null, DovecotServer.SkipReason());
        await using var server = await DovecotServer.StartAsync(ReportFiles.EmailFixture("isseis-microsoft.eml"));

        var result = await CliProcess.RunAsync(
            Password(DovecotServer.Password), "reports", "import", server.Url(), "--store", Store, "--ca-file", server.CaFile, "--lang", "en");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("New reports stored: 1", result.Output, StringComparison.Ordinal);
        Assert.Equal(1, server.CountMessages());
    }

    [SkippableFact]
    public async Task Import_rejects_bad_login_and_untrusted_certificate()
    {
        Skip.If(DovecotServer.SkipReason() is not null, DovecotServer.SkipReason());
        await using var server = await DovecotServer.StartAsync(ReportFiles.EmailFixture("isseis-microsoft.eml"));

        var wrongPassword = await CliProcess.RunAsync(
            Password("wrong"), "reports", "import", server.Url(), "--store", Store, "--ca-file", server.CaFile, "--lang", "en");
        var untrusted = await CliProcess.RunAsync(
            Password(DovecotServer.Password), "reports", "import", server.Url(), "--store", Store, "--lang", "en");
        var missingFolder = await CliProcess.RunAsync(
            Password(DovecotServer.Password), "reports", "import", server.Url("Nope"), "--store", Store, "--ca-file", server.CaFile, "--lang", "en");

        Assert.Equal(2, wrongPassword.ExitCode);
        Assert.Contains("rejected the user name or password", wrongPassword.Error, StringComparison.Ordinal);
        Assert.Equal(2, untrusted.ExitCode);
        Assert.Contains("is not trusted", untrusted.Error, StringComparison.Ordinal);
        Assert.Equal(2, missingFolder.ExitCode);
        Assert.Contains("The folder Nope was not found", missingFolder.Error, StringComparison.Ordinal);
        Assert.Equal(1, server.CountMessages());
    }

    [Theory]
    [InlineData("imap://tester@127.0.0.1/INBOX")]
    [InlineData("imaps://tester:secret@127.0.0.1/INBOX")]
    [InlineData("imaps://127.0.0.1/INBOX")]
    public async Task Import_rejects_unsafe_mailbox_url(string url)
    {
        var result = await CliProcess.RunAsync(Password("x"), "reports", "import", url, "--store", Store, "--lang", "en");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"Invalid mailbox URL {url}", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_without_password_exits_2()
    {
        var result = await CliProcess.RunAsync("reports", "import", "imaps://tester@127.0.0.1:1/INBOX", "--store", Store, "--lang", "en");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("set the MTASTS_IMAP_PASSWORD environment variable", result.Error, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Password(string password) => new() { ["MTASTS_IMAP_PASSWORD"] = password };
}
