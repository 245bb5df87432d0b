using Microsoft.Extensions.DependencyInjection;
using MtaSts.Server.Imap;
using MtaSts.Server.Tests.Support;
using MtaSts.Storage.Tests;
using Xunit;

namespace MtaSts.Server.Tests.Imap;

/// <summary>IMAP polling against a real dovecot server on loopback, as the report store tests start it.</summary>
public sealed class ImapPollingTests
{
    [SkippableFact]
    public async Task Poll_StoresReportsAndMovesMessages()
    {
        Skip.If(DovecotServer.SkipReason() is not null, DovecotServer.SkipReason());
        await using var dovecot = await DovecotServer.StartAsync(
            Fixture("isseis-google-success.eml"),
            Fixture("tlsrptrs-not-a-report-cron.eml"));
        var passwordFile = Path.Combine(dovecot.Folder, "imap-password.txt");
        await File.WriteAllTextAsync(passwordFile, DovecotServer.Password + "\n");

        await using var server = await RunningServer.StartAsync(new Dictionary<string, string>
        {
            ["Server:Imap:Enabled"] = "true",
            ["Server:Imap:Mailbox"] = dovecot.Url(),
            ["Server:Imap:PasswordFile"] = passwordFile,
            ["Server:Imap:CaFile"] = dovecot.CaFile,
            ["Server:Imap:MoveTo"] = "Processed",
            ["Server:Imap:IntervalSeconds"] = "60",
        });
        var polling = server.App.Services.GetRequiredService<ImapPollingService>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (polling.CompletedPolls == 0)
        {
            await Task.Delay(100, timeout.Token);
        }

        Assert.True(await server.IsStoredAsync("google.com", "2026-05-11T00:00:00Z_example.com"));
        Assert.Equal(1, await server.CountStoredAsync());
        Assert.Equal(1, dovecot.CountMessages());
        Assert.Equal(1, dovecot.CountMessages("Processed"));
    }

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "smtp", name);
}
