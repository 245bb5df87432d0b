using System.Diagnostics;
using Microsoft.Extensions.Options;
using MtaSts.Reports.Decoding;
using MtaSts.Server.Hosting;
using MtaSts.Server.Logging;
using MtaSts.Server.Metrics;
using MtaSts.Server.Policies;

namespace MtaSts.Server.Intake;

/// <summary>
/// The steps shared by HTTPS, SMTP and IMAP intake: decode and check the reports, apply the
/// unmanaged-domain option, store them durably, count and log the outcome.
/// </summary>
internal sealed class ReportIntakeService(
    IReportIntake intake,
    PolicyCache domains,
    ServerMetrics metrics,
    IOptions<ServerOptions> options,
    ILogger<ReportIntakeService> logger)
{
    private readonly IntakeOptions _options = options.Value.Intake;

    private readonly ReportDecodingOptions _decoding = new()
    {
        MaxInputBytes = Math.Max(options.Value.Intake.MaxBodyBytes, options.Value.Smtp.MaxMessageBytes),
        MaxDecompressedBytes = options.Value.Intake.MaxReportBytes,
    };

    /// <summary>
    /// Decodes and stores every report in <paramref name="input"/>. The result shows whether the
    /// sender may be sent a success reply: only when every report is stored or was already stored.
    /// </summary>
    /// <param name="input">A request body (gzip or JSON) or a whole mail message.</param>
    /// <param name="source">How it arrived.</param>
    /// <param name="cancellationToken">Stops waiting for the store.</param>
    public async Task<IntakeResult> AcceptAsync(ReadOnlyMemory<byte> input, ReportSource source, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var read = ReportContent.Read(input, _decoding);
        if (read.Rejection is { } rejection)
        {
            return Reject(rejection, source);
        }

        return await StoreAsync(read.Reports, source, started, cancellationToken);
    }

    /// <summary>Stores reports that were already decoded, such as those read from an IMAP mailbox.</summary>
    public Task<IntakeResult> StoreAsync(IReadOnlyList<ReceivedReport> reports, ReportSource source, CancellationToken cancellationToken) =>
        StoreAsync(reports, source, Stopwatch.GetTimestamp(), cancellationToken);

    private async Task<IntakeResult> StoreAsync(IReadOnlyList<ReceivedReport> reports, ReportSource source, long started, CancellationToken cancellationToken)
    {
        // Checked for every report before any is stored, so a rejected body leaves nothing behind.
        var managed = reports.Select(r => r.PolicyDomains.Any(domains.IsManaged)).ToList();
        if (managed.Contains(false) && _options.UnmanagedDomains == UnmanagedDomainAction.Reject)
        {
            var unmanaged = reports.Where((_, i) => !managed[i]).SelectMany(r => r.PolicyDomains).Distinct(StringComparer.OrdinalIgnoreCase);
            return Reject(IntakeRejection.UnmanagedDomain(unmanaged), source);
        }

        var outcomes = new List<IntakeOutcome>(reports.Count);
        for (var i = 0; i < reports.Count; i++)
        {
            var report = reports[i];
            var outcome = await intake.StoreAsync(report, source, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var domainList = string.Join(' ', report.PolicyDomains);
            if (outcome == IntakeOutcome.Duplicate)
            {
                metrics.ReportDuplicated(source.Channel, elapsed);
                Log.ReportDuplicate(logger, report.ReportId, report.OrganizationName, source.Channel);
            }
            else
            {
                metrics.ReportStored(source.Channel, elapsed);
                if (managed[i])
                {
                    Log.ReportStored(logger, report.ReportId, report.OrganizationName, domainList, source.Channel, source.Peer);
                }
                else
                {
                    Log.ReportSetAside(logger, report.ReportId, report.OrganizationName, domainList, source.Channel);
                }
            }

            outcomes.Add(outcome);
        }

        return new IntakeResult(outcomes, null);
    }

    /// <summary>Counts and logs a rejection, including those decided before the body was read, such as a wrong media type.</summary>
    public IntakeResult Reject(IntakeRejection rejection, ReportSource source)
    {
        metrics.ReportRejected(source.Channel, rejection.Reason);
        Log.ReportRejected(logger, source.Channel, source.Peer, rejection.Reason);
        return new IntakeResult([], rejection);
    }
}

/// <summary>The result of <see cref="ReportIntakeService.AcceptAsync"/>: one outcome per report, or a rejection.</summary>
internal sealed record IntakeResult(IReadOnlyList<IntakeOutcome> Outcomes, IntakeRejection? Rejection);
