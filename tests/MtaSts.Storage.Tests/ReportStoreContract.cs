using System.Collections;
using MtaSts.Reports;
using MtaSts.Storage;
using Xunit;
using static MtaSts.Storage.Tests.SampleReports;

namespace MtaSts.Storage.Tests;

/// <summary>The behaviour every report store backend must show; one subclass per backend.</summary>
public abstract class ReportStoreContract : IAsyncLifetime
{
    private IReportStore? _store;

    protected IReportStore Store => _store ?? throw new InvalidOperationException("The store is not open.");

    /// <summary>Opens a new, empty store, or the same store again when <paramref name="reopen"/> is set.</summary>
    protected abstract Task<IReportStore> OpenStoreAsync(bool reopen);

    /// <summary>Removes what <see cref="OpenStoreAsync"/> created.</summary>
    protected abstract Task DeleteStoreAsync();

    public async Task InitializeAsync() => _store = await OpenStoreAsync(reopen: false);

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        await DeleteStoreAsync();
    }

    [SkippableFact]
    public async Task Add_stores_new_reports()
    {
        var outcomes = await Store.AddAsync([Incoming(Report("r1")), Incoming(Report("r2"))]);

        Assert.Equal([StoreOutcome.Stored, StoreOutcome.Stored], outcomes);
        Assert.True(await Store.ContainsAsync(new ReportKey("reporter-a.test", "r1")));
        Assert.True(await Store.ContainsAsync(new ReportKey("reporter-a.test", "r2")));
        Assert.False(await Store.ContainsAsync(new ReportKey("reporter-b.test", "r1")));
    }

    [SkippableFact]
    public async Task Add_recognises_duplicate_from_earlier_batch()
    {
        await Store.AddAsync([Incoming(Report("r1", start: Day1, policies: Sts("example.test", "testing", 10, 2)))]);

        var outcomes = await Store.AddAsync([Incoming(Report("r1", start: Day1, policies: Sts("example.test", "testing", 10, 2)))]);
        var summary = await Store.SummarizeAsync(ReportFilter.All, null);

        Assert.Equal([StoreOutcome.Duplicate], outcomes);
        Assert.Equal(1, summary.Totals.Reports);
        Assert.Equal(10, summary.Totals.SuccessfulSessions);
        Assert.Equal(2, summary.Totals.FailedSessions);
    }

    [SkippableFact]
    public async Task Add_flags_reused_report_id()
    {
        await Store.AddAsync([Incoming(Report("r1", start: Day1, policies: Sts("example.test", "testing", 10, 2)))]);

        var later = await Store.AddAsync(
        [
            Incoming(Report("r1", start: Day1, policies: Sts("example.test", "testing", 10, 2))),
            Incoming(Report("r1", start: Day1, policies: Sts("example.test", "testing", 11, 2))),
            Incoming(Report("r1", start: Day1.AddDays(1), policies: Sts("example.test", "testing", 10, 2))),
            Incoming(Report("r2", start: Day1)),
            Incoming(Report("r2", start: Day1, policies: Sts("example.test", "testing", 100, 0, Failure("starttls-not-supported", 1)))),
        ]);
        var summary = await Store.SummarizeAsync(ReportFilter.All, null);

        Assert.Equal(
            [StoreOutcome.Duplicate, StoreOutcome.DuplicateWithDifferentContent, StoreOutcome.DuplicateWithDifferentContent,
            StoreOutcome.Stored, StoreOutcome.DuplicateWithDifferentContent],
            later);
        Assert.Equal(2, summary.Totals.Reports);
        Assert.Equal(110, summary.Totals.SuccessfulSessions);
    }

    [SkippableFact]
    public async Task Add_recognises_duplicate_within_batch()
    {
        var outcomes = await Store.AddAsync([Incoming(Report("r1")), Incoming(Report("r1")), Incoming(Report("r2"))]);
        var summary = await Store.SummarizeAsync(ReportFilter.All, null);

        Assert.Equal([StoreOutcome.Stored, StoreOutcome.Duplicate, StoreOutcome.Stored], outcomes);
        Assert.Equal(2, summary.Totals.Reports);
        Assert.Equal(200, summary.Totals.SuccessfulSessions);
    }

    [SkippableFact]
    public async Task Add_keeps_same_report_id_from_other_organisation()
    {
        var outcomes = await Store.AddAsync(
        [
            Incoming(Report("shared-id", contactInfo: "mailto:tls@reporter-a.test")),
            Incoming(Report("shared-id", contactInfo: "https://reporter-b.test/tlsrpt")),
        ]);

        Assert.Equal([StoreOutcome.Stored, StoreOutcome.Stored], outcomes);
        Assert.True(await Store.ContainsAsync(new ReportKey("reporter-b.test", "shared-id")));
    }

    [SkippableFact]
    public async Task Add_keys_by_submitter_without_contact_info()
    {
        var report = Report("r1", contactInfo: "", organizationName: "Reporter C");

        await Store.AddAsync([Incoming(report, submitter: "Mail.Reporter-C.test")]);

        Assert.True(await Store.ContainsAsync(new ReportKey("mail.reporter-c.test", "r1")));
    }

    [SkippableFact]
    public async Task Add_rolls_back_whole_batch_on_failure()
    {
        var broken = Report("broken", policies: Sts("example.test", "testing", 5, 1, [])) is var template
            ? new TlsReport
            {
                ReportId = "broken",
                ContactInfo = template.ContactInfo,
                OrganizationName = template.OrganizationName,
                DateRange = template.DateRange,
                Policies = [new PolicyResult { Policy = template.Policies[0].Policy, Summary = template.Policies[0].Summary, FailureDetails = new ThrowingList() }],
            }
            : throw new InvalidOperationException();

        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => Store.AddAsync([Incoming(Report("before")), Incoming(broken)]));
        var integrity = await Store.CheckIntegrityAsync();

        Assert.False(await Store.ContainsAsync(new ReportKey("reporter-a.test", "before")));
        Assert.Equal(0, integrity.Reports);
    }

    [SkippableFact]
    public async Task Add_stores_complete_rows()
    {
        await Store.AddAsync(
        [
            Incoming(Report("r1", policies: [Sts("example.test", "testing", 90, 10, Failure("certificate-expired", 6), Failure("starttls-not-supported", 4, mx: "mx2.example.test"))])),
            Incoming(Report("r2", policies: [Sts("example.test", "testing", 5, 0), NoPolicy("other.test", 3, 1, Failure("validation-failure", 1))])),
        ]);

        var integrity = await Store.CheckIntegrityAsync();

        Assert.Equal(2, integrity.Reports);
        Assert.Equal(0, integrity.IncompleteReports);
    }

    [SkippableFact]
    public async Task Reopen_keeps_reports_and_schema()
    {
        await Store.AddAsync([Incoming(Report("r1"))]);
        await Store.DisposeAsync();

        _store = await OpenStoreAsync(reopen: true);

        Assert.True(await Store.ContainsAsync(new ReportKey("reporter-a.test", "r1")));
        Assert.Equal([StoreOutcome.Duplicate], await Store.AddAsync([Incoming(Report("r1"))]));
    }

    [SkippableFact]
    public async Task Summary_totals_cover_selection()
    {
        await AddMixedReportsAsync();

        var all = await Store.SummarizeAsync(ReportFilter.All, null);
        var domain = await Store.SummarizeAsync(new ReportFilter("EXAMPLE.test."), null);
        var secondDay = await Store.SummarizeAsync(new ReportFilter(Since: Day1.AddDays(1), Until: Day1.AddDays(2)), null);

        Assert.Equal(3, all.Totals.Reports);
        Assert.Equal(100 + 50 + 40 + 7, all.Totals.SuccessfulSessions);
        Assert.Equal(10 + 5 + 0 + 1, all.Totals.FailedSessions);
        Assert.Equal(3, domain.Totals.Reports);
        Assert.Equal(190, domain.Totals.SuccessfulSessions);
        Assert.Equal(15, domain.Totals.FailedSessions);
        Assert.Equal(1, secondDay.Totals.Reports);
        Assert.Equal(50, secondDay.Totals.SuccessfulSessions);
        Assert.Equal(50.0 / 55, secondDay.Totals.SuccessRate!.Value, 6);
    }

    [SkippableFact]
    public async Task Summary_reconciles_failure_details()
    {
        await Store.AddAsync(
        [
            SampleReports.Incoming(SampleReports.Report("full", policies: SampleReports.Sts("example.test", "testing", 10, 5, SampleReports.Failure("starttls-not-supported", 5)))),
            SampleReports.Incoming(SampleReports.Report("bare", policies: SampleReports.Sts("example.test", "testing", 10, 4))),
            SampleReports.Incoming(SampleReports.Report("twice", policies: SampleReports.Sts("example.test", "testing", 10, 2,
                SampleReports.Failure("certificate-expired", 2), SampleReports.Failure("validation-failure", 1)))),
        ]);

        var byResult = await Store.SummarizeAsync(ReportFilter.All, SummaryGrouping.Result);
        var byOrg = await Store.SummarizeAsync(ReportFilter.All, SummaryGrouping.Org);

        Assert.Equal(new FailureDetailReconciliation(4, 1), byResult.Reconciliation);
        Assert.Equal(11, byResult.Totals.FailedSessions);
        Assert.Equal(8, byResult.Rows.Sum(r => r.FailedSessions));
        Assert.Null(byOrg.Reconciliation);
    }

    [SkippableFact]
    public async Task Summary_saturates_instead_of_overflowing()
    {
        var half = long.MaxValue / 2 + 1;
        await Store.AddAsync(
        [
            SampleReports.Incoming(SampleReports.Report("big-1", policies: SampleReports.Sts("example.test", "testing", half, 1))),
            SampleReports.Incoming(SampleReports.Report("big-2", policies: SampleReports.Sts("example.test", "testing", half, 1))),
        ]);

        var summary = await Store.SummarizeAsync(ReportFilter.All, SummaryGrouping.Org);
        var mxHosts = await Store.SummarizeMxHostsAsync(ReportFilter.All);

        Assert.Equal(long.MaxValue, summary.Totals.SuccessfulSessions);
        Assert.Equal(2, summary.Totals.FailedSessions);
        Assert.Equal(long.MaxValue, summary.Totals.Sessions);
        Assert.Equal(long.MaxValue, Assert.Single(summary.Rows).SuccessfulSessions);
        Assert.Equal(long.MaxValue, Assert.Single(mxHosts).SuccessfulSessions);
    }

    [SkippableFact]
    public async Task Summary_of_empty_selection_is_zero()
    {
        var summary = await Store.SummarizeAsync(new ReportFilter("nothing.test"), SummaryGrouping.Day);

        Assert.Equal(0, summary.Totals.Reports);
        Assert.Equal(0, summary.Totals.SuccessfulSessions);
        Assert.Equal(0, summary.Totals.FailedSessions);
        Assert.Null(summary.Totals.SuccessRate);
        Assert.Empty(summary.Rows);
    }

    [SkippableFact]
    public async Task Summary_by_day_orders_days()
    {
        await AddMixedReportsAsync();

        var summary = await Store.SummarizeAsync(new ReportFilter("example.test"), SummaryGrouping.Day);

        Assert.Equal(["2026-11-01", "2026-11-02", "2026-11-03"], summary.Rows.Select(r => r.Key));
        Assert.Equal([100L, 50L, 40L], summary.Rows.Select(r => r.SuccessfulSessions!.Value));
        Assert.Equal([10L, 5L, 0L], summary.Rows.Select(r => r.FailedSessions));
    }

    [SkippableFact]
    public async Task Summary_by_org_counts_reports()
    {
        await AddMixedReportsAsync();

        var summary = await Store.SummarizeAsync(ReportFilter.All, SummaryGrouping.Org);

        Assert.Equal(["reporter-a.test", "reporter-b.test"], summary.Rows.Select(r => r.Key));
        Assert.Equal([2L, 1L], summary.Rows.Select(r => r.Reports));
        Assert.Equal([16L, 0L], summary.Rows.Select(r => r.FailedSessions));
    }

    [SkippableFact]
    public async Task Summary_by_result_mx_ip_and_policy()
    {
        await AddMixedReportsAsync();

        var byResult = await Store.SummarizeAsync(ReportFilter.All, SummaryGrouping.Result);
        var byMx = await Store.SummarizeAsync(ReportFilter.All, SummaryGrouping.Mx);
        var byIp = await Store.SummarizeAsync(ReportFilter.All, SummaryGrouping.Ip);
        var byPolicy = await Store.SummarizeAsync(ReportFilter.All, SummaryGrouping.Policy);

        Assert.Equal(["certificate-expired", "starttls-not-supported", "validation-failure"], byResult.Rows.Select(r => r.Key));
        Assert.Equal([9L, 6L, 1L], byResult.Rows.Select(r => r.FailedSessions));
        Assert.All(byResult.Rows, r => Assert.Null(r.SuccessfulSessions));
        Assert.Equal(["mx1.example.test", "mx2.example.test"], byMx.Rows.Select(r => r.Key));
        Assert.Equal([10L, 6L], byMx.Rows.Select(r => r.FailedSessions));
        Assert.Equal(["192.0.2.10", "192.0.2.99"], byIp.Rows.Select(r => r.Key));
        Assert.Equal([12L, 4L], byIp.Rows.Select(r => r.FailedSessions));
        Assert.Equal(["sts/testing", "no-policy-found", "sts/enforce"], byPolicy.Rows.Select(r => r.Key));
        Assert.Equal([15L, 1L, 0L], byPolicy.Rows.Select(r => r.FailedSessions));
    }

    [SkippableFact]
    public async Task Latest_mode_is_newest_sts_policy()
    {
        await AddMixedReportsAsync();

        Assert.Equal("enforce", await Store.GetLatestPolicyModeAsync(new ReportFilter("example.test")));
        Assert.Equal("testing", await Store.GetLatestPolicyModeAsync(new ReportFilter("example.test", Until: Day1.AddDays(2))));
        Assert.Null(await Store.GetLatestPolicyModeAsync(new ReportFilter("other.test")));
    }

    [SkippableFact]
    public async Task Mx_host_sessions_group_policies()
    {
        await AddMixedReportsAsync();

        var sessions = await Store.SummarizeMxHostsAsync(new ReportFilter("example.test"));

        var listed = Assert.Single(sessions);
        Assert.Equal(["mx1.example.test", "mx2.example.test"], listed.MxHosts);
        Assert.Equal(190, listed.SuccessfulSessions);
        Assert.Equal(15, listed.FailedSessions);
    }

    /// <summary>
    /// Three reports for example.test over three days (the last in enforce mode) plus one
    /// no-policy-found result for other.test.
    /// </summary>
    private async Task AddMixedReportsAsync()
    {
        await Store.AddAsync(
        [
            Incoming(Report("a-1", start: Day1, policies:
            [
                Sts("example.test", "testing", 100, 10, Failure("certificate-expired", 6), Failure("starttls-not-supported", 4, mx: "mx2.example.test", ip: "192.0.2.99")),
                NoPolicy("other.test", 7, 1, Failure("validation-failure", 1)),
            ])),
            Incoming(Report("a-2", start: Day1.AddDays(1), policies: Sts("example.test", "testing", 50, 5, Failure("certificate-expired", 3), Failure("starttls-not-supported", 2, mx: "mx2.example.test")))),
            Incoming(Report("b-1", contactInfo: "tls-reports@reporter-b.test", organizationName: "Reporter B", start: Day1.AddDays(2), policies: Sts("example.test", "enforce", 40, 0))),
        ]);
    }

    /// <summary>A failure-details list that fails when read, to break a batch half way.</summary>
    private sealed class ThrowingList : IReadOnlyList<FailureDetail>
    {
        public FailureDetail this[int index] => throw new InvalidOperationException("Simulated failure while storing.");

        public int Count => 1;

        public IEnumerator<FailureDetail> GetEnumerator() => throw new InvalidOperationException("Simulated failure while storing.");

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
