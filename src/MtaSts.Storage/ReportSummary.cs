namespace MtaSts.Storage;

/// <summary>Session and report counts of a selection of stored reports, with an optional breakdown.</summary>
/// <param name="Filter">The selection summarised.</param>
/// <param name="Grouping">The breakdown of <paramref name="Rows"/>, or <see langword="null"/> for totals only.</param>
/// <param name="Totals">The totals of the whole selection.</param>
/// <param name="Rows">One row per group: days in order, other groups by failed sessions, most first.</param>
/// <param name="Reconciliation">For a breakdown by failure details (result type, MX host, sending IP),
/// what the rows leave out or count twice, so that the rows plus the reconciliation add up to the
/// failed sessions of <paramref name="Totals"/>; otherwise <see langword="null"/>.</param>
public sealed record ReportSummary(
    ReportFilter Filter,
    SummaryGrouping? Grouping,
    SummaryCounts Totals,
    IReadOnlyList<SummaryRow> Rows,
    FailureDetailReconciliation? Reconciliation = null);

/// <summary>
/// The difference between the failed sessions of the policies and the sum of their failure details.
/// Rows by failure details, plus <paramref name="WithoutFailureDetails"/>, minus
/// <paramref name="CountedMoreThanOnce"/>, equal the failed sessions.
/// </summary>
/// <param name="WithoutFailureDetails">Failed sessions that no failure-details entry accounts for,
/// because a report counts failures without details or with fewer sessions in its details.</param>
/// <param name="CountedMoreThanOnce">Sessions that the failure details count beyond the policy's failed
/// sessions; RFC 8460 §4 lets one session appear under several result types.</param>
public sealed record FailureDetailReconciliation(long WithoutFailureDetails, long CountedMoreThanOnce);

/// <summary>Session and report counts.</summary>
/// <param name="SuccessfulSessions">Sessions that negotiated TLS under the policy, or <see langword="null"/>
/// where reports do not attribute successes (per result type, MX host or sending IP).</param>
/// <param name="FailedSessions">Sessions that failed.</param>
/// <param name="Reports">Distinct reports counted.</param>
public record SummaryCounts(long? SuccessfulSessions, long FailedSessions, long Reports)
{
    /// <summary>
    /// Successful plus failed sessions, saturated at <see cref="long.MaxValue"/>, or
    /// <see langword="null"/> when successes are unknown.
    /// </summary>
    public long? Sessions => SuccessfulSessions is { } successful
        ? (successful > long.MaxValue - FailedSessions ? long.MaxValue : successful + FailedSessions)
        : null;

    /// <summary>Successful sessions divided by all sessions (0 to 1), or <see langword="null"/> when unknown or no sessions.</summary>
    public double? SuccessRate => Sessions is > 0 ? (double)SuccessfulSessions!.Value / Sessions.Value : null;
}

/// <summary>The counts of one group of a summary.</summary>
/// <param name="Key">The group: a day as <c>yyyy-MM-dd</c>, an organisation, a result-type, an MX host, an IP or a policy.</param>
/// <param name="SuccessfulSessions">Successful sessions, or <see langword="null"/> when not attributable to the group.</param>
/// <param name="FailedSessions">Failed sessions.</param>
/// <param name="Reports">Distinct reports in the group.</param>
public sealed record SummaryRow(string Key, long? SuccessfulSessions, long FailedSessions, long Reports)
    : SummaryCounts(SuccessfulSessions, FailedSessions, Reports);
