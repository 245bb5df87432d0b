using System.Globalization;
using MtaSts.Reports;
using MtaSts.Storage.Readiness;
using MtaSts.Storage.Sqlite;
using Xunit;
using static MtaSts.Storage.Tests.SampleReports;

namespace MtaSts.Storage.Tests;

public sealed class ReadinessEvaluatorTests : IAsyncLifetime
{
    private static readonly FixedClock s_clock = new(Day1.AddDays(10));

    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "mtasts-storage-tests", Guid.NewGuid().ToString("N"))).FullName;
    private IReportStore _store = null!;

    public async Task InitializeAsync() => _store = await SqliteReportStore.OpenAsync(Path.Combine(_folder, "reports.db"));

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Clean_testing_domain_is_ready()
    {
        await AddDaysAsync(8, "testing", day => [Failure("starttls-not-supported", day == 0 ? 1 : 0)]);

        var report = await EvaluateAsync();

        Assert.Equal(ReadinessVerdict.Ready, report.Verdict);
        Assert.Equal("testing", report.Mode);
        Assert.All(report.Checks, c => Assert.True(c.Passed, c.Code));
        Assert.Equal(16, report.Totals.Reports);
    }

    [Fact]
    public async Task Few_days_is_insufficient_evidence()
    {
        await AddDaysAsync(3, "testing", _ => []);

        var report = await EvaluateAsync();

        Assert.Equal(ReadinessVerdict.InsufficientEvidence, report.Verdict);
        Assert.False(Check(report, "READINESS-DAYS").Passed);
        Assert.Equal([3L, 14L, 7L], Check(report, "READINESS-DAYS").Values.Select(v => v.Value));
        Assert.True(Check(report, "READINESS-REPORTERS").Passed);
    }

    [Fact]
    public async Task Certificate_failures_are_not_ready()
    {
        await AddDaysAsync(8, "testing", _ => [Failure("certificate-expired", 1)]);

        var report = await EvaluateAsync();

        Assert.Equal(ReadinessVerdict.NotReady, report.Verdict);
        Assert.False(Check(report, "READINESS-CERTIFICATE-FAILURES").Passed);
        var certificate = Check(report, "READINESS-CERTIFICATE-FAILURES");
        Assert.Equal(16L, certificate.Values[0].Value);
        Assert.Equal(["certificate-expired"], (IEnumerable<string>)certificate.Values[1].Value);
        Assert.True(Check(report, "READINESS-POLICY-FAILURES").Passed);
    }

    [Fact]
    public async Task Policy_fetch_errors_are_not_ready()
    {
        await AddDaysAsync(8, "testing", day => [Failure("sts-policy-fetch-error", day == 3 ? 1 : 0)]);

        var report = await EvaluateAsync();

        Assert.Equal(ReadinessVerdict.NotReady, report.Verdict);
        Assert.False(Check(report, "READINESS-POLICY-FAILURES").Passed);
        Assert.True(Check(report, "READINESS-FAILURE-RATE").Passed);
    }

    [Fact]
    public async Task High_failure_rate_is_not_ready()
    {
        await AddDaysAsync(8, "testing", _ => [Failure("starttls-not-supported", 50)]);

        var report = await EvaluateAsync();

        Assert.Equal(ReadinessVerdict.NotReady, report.Verdict);
        var rate = Check(report, "READINESS-FAILURE-RATE");
        Assert.Equal(["failureRatePercent", "failedSessions", "sessions", "maximumFailureRatePercent"], rate.Values.Select(v => v.Name));
        Assert.Equal(100.0 / 3, (double)rate.Values[0].Value, 6);
        Assert.Equal([800L, 2400L], rate.Values.Skip(1).Take(2).Select(v => v.Value));
        Assert.Equal(1.0, (double)rate.Values[3].Value, 6);
        Assert.StartsWith("Failure rate 33.333%: 800 of 2,400 sessions failed; at most 1% is allowed.", rate.Describe(new CultureInfo("en")), StringComparison.Ordinal);
        Assert.StartsWith("Tasa de fallos del 33,333 %: fallaron 800 de 2.400 sesiones", rate.Describe(new CultureInfo("es")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mx_without_success_is_listed()
    {
        await AddDaysAsync(8, "testing", day => [Failure("starttls-not-supported", day == 0 ? 1 : 0, mx: "mx9.example.test")]);

        var report = await EvaluateAsync();

        Assert.Equal(ReadinessVerdict.NotReady, report.Verdict);
        Assert.False(Check(report, "READINESS-MX-SUCCESS").Passed);
        Assert.Equal(["mx9.example.test"], (IEnumerable<string>)Check(report, "READINESS-MX-SUCCESS").Values.Single().Value);
    }

    [Fact]
    public async Task Enforce_with_failures_advises_testing()
    {
        await AddDaysAsync(8, "enforce", _ => [Failure("certificate-host-mismatch", 3)]);

        var report = await EvaluateAsync();

        Assert.Equal(ReadinessVerdict.EnforceFailing, report.Verdict);
        Assert.Contains("mode: testing", report.DescribeVerdict(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enforce_without_failures_is_healthy()
    {
        await AddDaysAsync(8, "enforce", _ => []);

        var report = await EvaluateAsync();

        Assert.Equal(ReadinessVerdict.EnforceHealthy, report.Verdict);
    }

    [Fact]
    public async Task Empty_store_is_insufficient_evidence()
    {
        var report = await EvaluateAsync();

        Assert.Equal(ReadinessVerdict.InsufficientEvidence, report.Verdict);
        Assert.Null(report.Mode);
        Assert.False(Check(report, "READINESS-MX-NONE").Passed);
        Assert.DoesNotContain(report.Checks, c => c.Code == "READINESS-FAILURE-RATE");
        Assert.Equal(
            "No sessions were reported, so there is no failure rate to judge yet.",
            Check(report, "READINESS-SESSIONS-NONE").Describe(CultureInfo.GetCultureInfo("en")));
        Assert.StartsWith(
            "The store has no reports about example.test in this window",
            report.DescribeVerdict(CultureInfo.GetCultureInfo("en")),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_exist_in_english_and_spanish()
    {
        await AddDaysAsync(2, "testing", _ => [Failure("certificate-expired", 1), Failure("sts-policy-invalid", 1)]);
        var report = await EvaluateAsync();
        var english = CultureInfo.GetCultureInfo("en");
        var spanish = CultureInfo.GetCultureInfo("es");

        foreach (var check in report.Checks.Concat(report.Checks.Select(c => c with { Passed = !c.Passed })))
        {
            var key = check.Code + (check.Passed ? ".Pass" : ".Fail");
            if (key is "READINESS-MX-NONE.Pass" or "READINESS-SESSIONS-NONE.Pass")
            {
                continue;
            }

            Assert.DoesNotContain(key, check.Describe(english), StringComparison.Ordinal);
            Assert.NotEqual(check.Describe(english), check.Describe(spanish));
        }

        foreach (var verdict in Enum.GetValues<ReadinessVerdict>())
        {
            var described = report with { Verdict = verdict };
            Assert.Contains("example.test", described.DescribeVerdict(english), StringComparison.Ordinal);
            Assert.NotEqual(described.DescribeVerdict(english), described.DescribeVerdict(spanish));
        }
    }

    private static ReadinessCheck Check(ReadinessReport report, string code) => Assert.Single(report.Checks, c => c.Code == code);

    private Task<ReadinessReport> EvaluateAsync() => ReadinessEvaluator.EvaluateAsync(_store, "example.test", timeProvider: s_clock);

    /// <summary>Adds one report a day from each of two reporters for the days before the clock.</summary>
    private async Task AddDaysAsync(int days, string mode, Func<int, FailureDetail[]> failuresOfDay)
    {
        var reports = new List<IncomingReport>();
        for (var day = 0; day < days; day++)
        {
            var start = s_clock.GetUtcNow().AddDays(-days + day);
            foreach (var reporter in (string[])["reporter-a.test", "reporter-b.test"])
            {
                var failures = failuresOfDay(day).Where(f => f.FailedSessionCount > 0).ToArray();
                var failed = failures.Sum(f => f.FailedSessionCount);
                reports.Add(Incoming(Report($"{reporter}-{day}", contactInfo: $"mailto:tls@{reporter}", start: start,
                    policies: Sts("example.test", mode, 100, failed, failures))));
            }
        }

        await _store.AddAsync(reports);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
