using System.Diagnostics;
using Microsoft.Extensions.Options;
using MtaSts.Server.Hosting;
using MtaSts.Server.Logging;
using MtaSts.Server.Metrics;
using MtaSts.Server.Policies;

namespace MtaSts.Server.Intake;

/// <summary>
/// The steps shared by HTTPS, SMTP and IMAP intake: check the report, apply the unmanaged-domain
/// option, store it durably, count and log the outcome.
/// </summary>
internal sealed class ReportIntakeService(
    IReportIntake intake,
    PolicyCache domains,
    ServerMetrics metrics,
    IOptions<ServerOptions> options,
    ILogger<ReportIntakeService> logger)
{
    private readonly IntakeOptions _options = options.Value.Intake;

    /// <summary>Checks and stores one report body. The result tells whether the sender may be sent a success reply.</summary>
    /// <param name="body">The body as received: gzip or JSON.</param>
    /// <param name="gzip">Whether <paramref name="body"/> is gzip.</param>
    /// <param name="source">How it arrived.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task<IntakeResult> AcceptAsync(ReadOnlyMemory<byte> body, bool gzip, ReportSource source, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var read = ReportContent.Read(body, gzip, _options.MaxReportBytes);
        if (read.Report is not { } report)
        {
            return Reject(read.Rejection ?? ReportRejection.NotJson, source);
        }

        var setAside = !report.PolicyDomains.Any(domains.IsManaged);
        if (setAside && _options.UnmanagedDomains == UnmanagedDomainAction.Reject)
        {
            return Reject(ReportRejection.UnmanagedDomain, source);
        }

        var outcome = await intake.StoreAsync(report, source, setAside, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var domainList = string.Join(' ', report.PolicyDomains);
        if (outcome == IntakeOutcome.Duplicate)
        {
            metrics.ReportDuplicated(source.Channel, elapsed);
            Log.ReportDuplicate(logger, report.ReportId, report.OrganizationName, source.Channel);
        }
        else if (setAside)
        {
            metrics.ReportStored(source.Channel, elapsed);
            Log.ReportSetAside(logger, report.ReportId, report.OrganizationName, domainList, source.Channel);
        }
        else
        {
            metrics.ReportStored(source.Channel, elapsed);
            Log.ReportStored(logger, report.ReportId, report.OrganizationName, domainList, source.Channel, source.Peer);
        }

        return new IntakeResult(outcome, null, report);
    }

    /// <summary>Counts and logs a rejection decided before the body was read, such as a wrong media type or size.</summary>
    public IntakeResult Reject(ReportRejection rejection, ReportSource source)
    {
        metrics.ReportRejected(source.Channel, rejection.Code());
        Log.ReportRejected(logger, source.Channel, source.Peer, rejection.Code());
        return new IntakeResult(null, rejection, null);
    }
}

/// <summary>The result of <see cref="ReportIntakeService.AcceptAsync"/>: an outcome, or a rejection.</summary>
internal sealed record IntakeResult(IntakeOutcome? Outcome, ReportRejection? Rejection, ReceivedReport? Report);
