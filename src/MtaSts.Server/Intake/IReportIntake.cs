namespace MtaSts.Server.Intake;

/// <summary>The durable store behind report intake over HTTPS, SMTP and IMAP.</summary>
public interface IReportIntake
{
    /// <summary>Where the reports are kept, for people: a file path, or <c>memory</c>.</summary>
    string Location { get; }

    /// <summary>
    /// Stores <paramref name="report"/>. When the task completes with <see cref="IntakeOutcome.Stored"/>
    /// the report is durably stored; a report already stored is not stored twice.
    /// </summary>
    /// <param name="report">The checked report.</param>
    /// <param name="source">How it arrived.</param>
    /// <param name="setAside">
    /// Keeps the report apart from the reports of managed domains, for a report that covers none of them.
    /// </param>
    /// <param name="cancellationToken">Cancels the write; the report is then not acknowledged.</param>
    Task<IntakeOutcome> StoreAsync(ReceivedReport report, ReportSource source, bool setAside, CancellationToken cancellationToken = default);

    /// <summary>Counts the stored reports per policy domain and those set aside.</summary>
    Task<IntakeSummary> SummarizeAsync(CancellationToken cancellationToken = default);
}

/// <summary>Counts of stored reports.</summary>
/// <param name="Reports">Reports stored, each counted once.</param>
/// <param name="SetAside">Reports kept aside because they cover no managed domain.</param>
/// <param name="ReportsByDomain">Reports per policy domain; a report covering two domains counts for each.</param>
public sealed record IntakeSummary(long Reports, long SetAside, IReadOnlyDictionary<string, long> ReportsByDomain);
