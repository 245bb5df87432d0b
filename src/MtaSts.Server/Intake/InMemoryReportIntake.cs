namespace MtaSts.Server.Intake;

/// <summary>Report intake kept in memory, for unit tests only: nothing survives the process.</summary>
public sealed class InMemoryReportIntake : IReportIntake
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Organization, string ReportId), (ReceivedReport Report, bool SetAside)> _reports = [];

    /// <inheritdoc />
    public string Location => "memory";

    /// <inheritdoc />
    public Task<IntakeOutcome> StoreAsync(ReceivedReport report, ReportSource source, bool setAside, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        lock (_lock)
        {
            var added = _reports.TryAdd((report.OrganizationName, report.ReportId), (report, setAside));
            return Task.FromResult(added ? IntakeOutcome.Stored : IntakeOutcome.Duplicate);
        }
    }

    /// <inheritdoc />
    public Task<IntakeSummary> SummarizeAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var byDomain = _reports.Values
                .SelectMany(r => r.Report.PolicyDomains)
                .GroupBy(d => d, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
            var setAside = _reports.Values.LongCount(r => r.SetAside);
            return Task.FromResult(new IntakeSummary(_reports.Count, setAside, byDomain));
        }
    }
}
