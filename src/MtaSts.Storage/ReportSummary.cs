namespace MtaSts.Storage;

/// <summary>Session and report counts of a selection of stored reports, with an optional breakdown.</summary>
/// <param name="Filter">The selection summarised.</param>
/// <param name="Grouping">The breakdown of <paramref name="Rows"/>, or <see langword="null"/> for totals only.</param>
/// <param name="Totals">The totals of the whole selection.</param>
/// <param name="Rows">One row per group: days in order, other groups by failed sessions, most first.</param>
public sealed record ReportSummary(
    ReportFilter Filter,
    SummaryGrouping? Grouping,
    SummaryCounts Totals,
    IReadOnlyList<SummaryRow> Rows);

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
