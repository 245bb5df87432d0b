namespace MtaSts.Server.Intake;

/// <summary>The durable store behind report intake over HTTPS, SMTP and IMAP.</summary>
public interface IReportIntake
{
    /// <summary>Where the reports are kept, for people: a file path, a PostgreSQL URL without password, or <c>memory</c>.</summary>
    string Location { get; }

    /// <summary>
    /// Stores <paramref name="report"/>. When the task completes with <see cref="IntakeOutcome.Stored"/>
    /// the report is durably stored; a report already stored is not stored twice.
    /// </summary>
    /// <param name="report">The checked report.</param>
    /// <param name="source">How it arrived.</param>
    /// <param name="cancellationToken">Stops waiting; the report may still be stored, and a retry then finds it as a duplicate.</param>
    Task<IntakeOutcome> StoreAsync(ReceivedReport report, ReportSource source, CancellationToken cancellationToken = default);

    /// <summary>Counts the stored reports, in total and for each of <paramref name="domains"/>.</summary>
    Task<IntakeSummary> SummarizeAsync(IReadOnlyList<string> domains, CancellationToken cancellationToken = default);
}

/// <summary>Counts of stored reports.</summary>
/// <param name="Reports">Reports stored, each counted once.</param>
/// <param name="ReportsByDomain">Reports per policy domain asked for; a report covering two domains counts for each.</param>
public sealed record IntakeSummary(long Reports, IReadOnlyDictionary<string, long> ReportsByDomain);
