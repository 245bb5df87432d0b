using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using MtaSts.Server.Hosting;
using MtaSts.Server.Intake;
using MtaSts.Server.Logging;
using MtaSts.Storage.Import;

namespace MtaSts.Server.Imap;

/// <summary>
/// Polls an IMAP mailbox on a schedule, stores the reports of each message through the same intake
/// as HTTPS and SMTP, and then moves the messages whose reports were all stored.
/// </summary>
internal sealed class ImapPollingService(
    IOptions<ServerOptions> options,
    ReportIntakeService intake,
    ILogger<ImapPollingService> logger) : BackgroundService
{
    private readonly ImapOptions _options = options.Value.Imap;
    private int _completedPolls;

    /// <summary>The number of polls that finished, with or without an error; tests wait on it.</summary>
    public int CompletedPolls => Volatile.Read(ref _completedPolls);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // ServerOptionsValidation made sure the mailbox is set.
        var location = ImapLocation.Parse(_options.Mailbox!);
        var interval = TimeSpan.FromSeconds(_options.IntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollAsync(location, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next poll tries again; reports stored before the error are found as duplicates then.
                Log.ImapPollFailed(logger, location.ToString(), e);
            }

            Interlocked.Increment(ref _completedPolls);
            await Task.Delay(interval, stoppingToken);
        }
    }

    private async Task PollAsync(ImapLocation location, CancellationToken cancellationToken)
    {
        var trusted = LoadTrustedRoots();
        await using var source = await ImapReportSource.ConnectAsync(location, await ReadPasswordAsync(cancellationToken), trusted, cancellationToken);
        var reader = new ReportInputReader();
        var stored = 0;
        var duplicates = 0;
        var rejected = 0;
        await foreach (var incoming in source.ReadAsync(reader, cancellationToken))
        {
            var report = new ReceivedReport(incoming.Report, incoming.RawJson, ReceivedReport.PolicyDomainsOf(incoming.Report), incoming.Submitter, incoming.Diagnostics);
            var result = await intake.StoreAsync([report], new ReportSource("imap", incoming.Source), cancellationToken);
            stored += result.Outcomes.Count(o => o == IntakeOutcome.Stored);
            duplicates += result.Outcomes.Count(o => o == IntakeOutcome.Duplicate);
            rejected += result.Rejection is null ? 0 : 1;
        }

        rejected += reader.Rejections.Count;
        var moved = _options.MoveTo is { Length: > 0 } destination ? await source.MoveImportedAsync(destination, cancellationToken) : 0;
        Log.ImapPolled(logger, location.ToString(), stored, duplicates, rejected, moved);
    }

    private async Task<string> ReadPasswordAsync(CancellationToken cancellationToken)
    {
        if (_options.PasswordFile is { Length: > 0 } file)
        {
            var lines = await File.ReadAllLinesAsync(file, cancellationToken);
            return lines.Length > 0 ? lines[0] : string.Empty;
        }

        return _options.Password ?? throw new InvalidOperationException("Set Server:Imap:PasswordFile or Server__Imap__Password for the IMAP mailbox.");
    }

    private X509Certificate2Collection? LoadTrustedRoots()
    {
        if (_options.CaFile is not { Length: > 0 } caFile)
        {
            return null;
        }

        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(caFile);
        return roots;
    }
}
