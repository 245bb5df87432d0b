namespace MtaSts.Storage;

/// <summary>
/// A store of TLS reports (RFC 8460): the normalised report, its policies and failure details in
/// queryable tables, the raw bytes compressed, the source, the arrival time and the diagnostics.
/// </summary>
/// <remarks>Implementations are safe to use from one caller at a time.</remarks>
public interface IReportStore : IAsyncDisposable
{
    /// <summary>Where the data lives, for people: a file path or a PostgreSQL URL without its password.</summary>
    string Location { get; }

    /// <summary>
    /// Stores <paramref name="reports"/> in one transaction: when the task completes every report
    /// is durably stored or recognised as a duplicate; when it fails none of them is stored.
    /// </summary>
    /// <returns>One outcome per report, in the order given.</returns>
    Task<IReadOnlyList<StoreOutcome>> AddAsync(IReadOnlyList<IncomingReport> reports, CancellationToken cancellationToken = default);

    /// <summary>Returns whether a report with <paramref name="key"/> is stored.</summary>
    Task<bool> ContainsAsync(ReportKey key, CancellationToken cancellationToken = default);

    /// <summary>Counts sessions and reports in <paramref name="filter"/>, broken down by <paramref name="grouping"/>.</summary>
    Task<ReportSummary> SummarizeAsync(ReportFilter filter, SummaryGrouping? grouping, CancellationToken cancellationToken = default);

    /// <summary>Adds up the sessions of the policies in <paramref name="filter"/> per list of MX patterns.</summary>
    Task<IReadOnlyList<MxHostSessions>> SummarizeMxHostsAsync(ReportFilter filter, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns the mode of the newest <c>sts</c> policy in <paramref name="filter"/>, or
    /// <see langword="null"/> when none was reported.
    /// </summary>
    Task<string?> GetLatestPolicyModeAsync(ReportFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Counts stored reports and reports whose policy or failure-detail rows are incomplete.</summary>
    Task<StoreIntegrity> CheckIntegrityAsync(CancellationToken cancellationToken = default);
}

/// <summary>The sessions of the policies that listed the same MX patterns.</summary>
/// <param name="MxHosts">The <c>mx-host</c> entries of the policy, as reported.</param>
/// <param name="SuccessfulSessions">Successful sessions under those policies.</param>
/// <param name="FailedSessions">Failed sessions under those policies.</param>
public sealed record MxHostSessions(IReadOnlyList<string> MxHosts, long SuccessfulSessions, long FailedSessions);

/// <summary>The result of an integrity check of a store.</summary>
/// <param name="Reports">Stored reports.</param>
/// <param name="IncompleteReports">Reports whose policy or failure-detail rows do not match the counts stored with them.</param>
public sealed record StoreIntegrity(long Reports, long IncompleteReports);
