using System.Globalization;

namespace MtaSts.Storage.Readiness;

/// <summary>
/// Judges from stored TLS reports whether a domain can move its MTA-STS policy from
/// <c>testing</c> to <c>enforce</c>, or whether a domain in <c>enforce</c> is losing mail.
/// </summary>
public static class ReadinessEvaluator
{
    /// <summary>
    /// Evaluates <paramref name="domain"/> over the reports that start in the
    /// <see cref="ReadinessOptions.Days"/> whole UTC days before today.
    /// </summary>
    /// <param name="store">The report store.</param>
    /// <param name="domain">The policy domain.</param>
    /// <param name="options">The thresholds, or <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">The clock, or <see langword="null"/> for the system clock.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is out of range.</exception>
    public static async Task<ReadinessReport> EvaluateAsync(
        IReportStore store,
        string domain,
        ReadinessOptions? options = null,
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        options ??= new ReadinessOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Days, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaximumFailureRate, nameof(options));

        // RFC 8460 §4.1: daily reports cover whole UTC days from 00:00, so the window is made of
        // the last Days complete UTC days. Today is left out because its reports cannot exist yet.
        var now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        var until = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var since = until.AddDays(-options.Days);
        var filter = new ReportFilter(domain, since, until);

        var byDay = await store.SummarizeAsync(filter, SummaryGrouping.Day, cancellationToken);
        var byOrg = await store.SummarizeAsync(filter, SummaryGrouping.Org, cancellationToken);
        var byResult = await store.SummarizeAsync(filter, SummaryGrouping.Result, cancellationToken);
        var byMx = await store.SummarizeAsync(filter, SummaryGrouping.Mx, cancellationToken);
        var mxSessions = await store.SummarizeMxHostsAsync(filter, cancellationToken);
        var mode = await store.GetLatestPolicyModeAsync(filter, cancellationToken);

        var evidence = new ReadinessEvidence(
            byDay.Totals,
            byDay.Rows.Count,
            byOrg.Rows.Count,
            byResult.Rows,
            byMx.Rows.Select(r => r.Key).Where(k => k.Length > 0).ToList(),
            mxSessions);
        return Evaluate(ReportFilter.NormalizeDomain(domain), since, until, mode, evidence, options);
    }

    /// <summary>Applies the thresholds to the evidence gathered from the store.</summary>
    internal static ReadinessReport Evaluate(
        string domain,
        DateTimeOffset since,
        DateTimeOffset until,
        string? mode,
        ReadinessEvidence evidence,
        ReadinessOptions options)
    {
        var totals = evidence.Totals;
        var sessions = totals.Sessions ?? 0;
        var failureRate = sessions == 0 ? 0 : (double)totals.FailedSessions / sessions;
        var checks = new List<ReadinessCheck>
        {
            new("READINESS-DAYS", evidence.ReportDays >= options.MinimumReportDays,
                [new("reportDays", (long)evidence.ReportDays), new("days", (long)options.Days), new("minimumReportDays", (long)options.MinimumReportDays)]),
            new("READINESS-REPORTERS", evidence.Reporters >= options.MinimumReporters,
                [new("reporters", (long)evidence.Reporters), new("minimumReporters", (long)options.MinimumReporters)]),
            sessions == 0
                ? new ReadinessCheck("READINESS-SESSIONS-NONE", false, [new("sessions", 0L)])
                : new ReadinessCheck("READINESS-FAILURE-RATE", failureRate <= options.MaximumFailureRate,
                    [new("failureRatePercent", failureRate * 100), new("failedSessions", totals.FailedSessions), new("sessions", sessions),
                    new("maximumFailureRatePercent", options.MaximumFailureRate * 100)]),
        };

        // RFC 8460 §4.3.2.2: sts-* result types mean senders could not fetch or trust the policy.
        var policyFailures = FailuresOf(evidence.ResultRows, r => r.StartsWith("sts-", StringComparison.Ordinal));
        checks.Add(FailureCheck("READINESS-POLICY-FAILURES", policyFailures));

        // RFC 8460 §4.3.1: certificate-* and validation-failure mean the MX certificate failed PKIX validation.
        var certificateFailures = FailuresOf(
            evidence.ResultRows,
            r => r.StartsWith("certificate-", StringComparison.Ordinal) || r == "validation-failure");
        checks.Add(FailureCheck("READINESS-CERTIFICATE-FAILURES", certificateFailures));

        var mxHosts = MxHostsSeen(evidence);
        var mxWithoutSuccess = mxHosts.Where(mx => !SeenSucceeding(mx, evidence.MxSessions)).ToList();
        checks.Add(mxHosts.Count == 0
            ? new ReadinessCheck("READINESS-MX-NONE", false, [])
            : new ReadinessCheck("READINESS-MX-SUCCESS", mxWithoutSuccess.Count == 0,
                [new(mxWithoutSuccess.Count == 0 ? "mxHosts" : "mxHostsWithoutSuccess", mxWithoutSuccess.Count == 0 ? mxHosts : mxWithoutSuccess)]));

        var failing = (sessions > 0 && failureRate > options.MaximumFailureRate)
            || policyFailures.Sessions > 0
            || certificateFailures.Sessions > 0
            || mxWithoutSuccess.Count > 0;
        var lacking = evidence.ReportDays < options.MinimumReportDays
            || evidence.Reporters < options.MinimumReporters
            || sessions == 0
            || mxHosts.Count == 0;
        var enforcing = string.Equals(mode, "enforce", StringComparison.OrdinalIgnoreCase);

        var verdict = (enforcing, failing, lacking) switch
        {
            (true, true, _) => ReadinessVerdict.EnforceFailing,
            (true, false, false) => ReadinessVerdict.EnforceHealthy,
            (false, true, _) => ReadinessVerdict.NotReady,
            (_, false, true) => ReadinessVerdict.InsufficientEvidence,
            (false, false, false) => ReadinessVerdict.Ready,
        };
        return new ReadinessReport(domain, since, until, mode, verdict, totals, checks);
    }

    private static (long Sessions, IReadOnlyList<string> ResultTypes) FailuresOf(IReadOnlyList<SummaryRow> resultRows, Func<string, bool> matches)
    {
        var rows = resultRows.Where(r => matches(r.Key) && r.FailedSessions > 0).ToList();
        return (rows.Sum(r => r.FailedSessions), rows.Select(r => r.Key).ToList());
    }

    private static ReadinessCheck FailureCheck(string code, (long Sessions, IReadOnlyList<string> ResultTypes) failures)
    {
        return new ReadinessCheck(code, failures.Sessions == 0, [new("failedSessions", failures.Sessions), new("resultTypes", failures.ResultTypes)]);
    }

    // The MX hosts named in failure details plus the exact names the reported policies list.
    private static List<string> MxHostsSeen(ReadinessEvidence evidence)
    {
        var hosts = new SortedSet<string>(evidence.FailingMxHosts, StringComparer.Ordinal);
        foreach (var group in evidence.MxSessions)
        {
            foreach (var pattern in group.MxHosts)
            {
                if (!pattern.StartsWith("*.", StringComparison.Ordinal))
                {
                    hosts.Add(pattern.TrimEnd('.').ToLowerInvariant());
                }
            }
        }

        return hosts.ToList();
    }

    // NOTE: RFC 8460 §4.2 counts successful sessions per policy, not per MX, so an MX counts as
    // succeeding when a policy listing it had successful sessions. A dead MX beside a working one
    // can pass this check, although its failed sessions still count toward the failure rate.
    private static bool SeenSucceeding(string mx, IReadOnlyList<MxHostSessions> sessions)
    {
        return sessions.Any(s => s.SuccessfulSessions > 0 && s.MxHosts.Any(pattern => Matches(pattern, mx)));
    }

    // RFC 8461 §4.1: a "*." pattern matches exactly one leftmost label.
    private static bool Matches(string pattern, string host)
    {
        var normalized = pattern.TrimEnd('.').ToLowerInvariant();
        if (!normalized.StartsWith("*.", StringComparison.Ordinal))
        {
            return normalized == host;
        }

        var dot = host.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && host[(dot + 1)..] == normalized[2..];
    }

}

/// <summary>What the store reports about a domain over the window.</summary>
internal sealed record ReadinessEvidence(
    SummaryCounts Totals,
    int ReportDays,
    int Reporters,
    IReadOnlyList<SummaryRow> ResultRows,
    IReadOnlyList<string> FailingMxHosts,
    IReadOnlyList<MxHostSessions> MxSessions);
