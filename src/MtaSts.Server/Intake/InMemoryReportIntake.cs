namespace MtaSts.Server.Intake;

/// <summary>Report intake kept in memory, for unit tests only: nothing survives the process.</summary>
public sealed class InMemoryReportIntake : IReportIntake
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Organization, string ReportId), ReceivedReport> _reports = [];

    /// <inheritdoc />
    public string Location => "memory";

    /// <inheritdoc />
    public Task<IntakeOutcome> StoreAsync(ReceivedReport report, ReportSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        lock (_lock)
        {
            var added = _reports.TryAdd((report.OrganizationName, report.ReportId), report);
            return Task.FromResult(added ? IntakeOutcome.Stored : IntakeOutcome.Duplicate);
        }
    }

    /// <inheritdoc />
    public Task<IntakeSummary> SummarizeAsync(IReadOnlyList<string> domains, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(domains);
        lock (_lock)
        {
            var byDomain = domains.ToDictionary(
                d => d,
                d => _reports.Values.LongCount(r => r.PolicyDomains.Contains(d)),
                StringComparer.Ordinal);
            return Task.FromResult(new IntakeSummary(_reports.Count, byDomain));
        }
    }
}
