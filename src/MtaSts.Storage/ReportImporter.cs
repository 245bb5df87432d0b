namespace MtaSts.Storage;

/// <summary>
/// Feeds reports to a store in batches, one transaction each, and reports progress only after a
/// batch commits, so every report counted as stored survives a crash that follows.
/// </summary>
public sealed class ReportImporter
{
    private readonly IReportStore _store;
    private readonly int _batchSize;
    private readonly HashSet<string>? _managedDomains;

    /// <summary>Creates an importer into <paramref name="store"/>.</summary>
    /// <param name="store">The store.</param>
    /// <param name="batchSize">Reports per transaction; larger batches are faster, smaller ones lose less work on a crash.</param>
    /// <param name="managedDomains">
    /// The policy domains to keep, or <see langword="null"/> to keep every report. Anyone can send
    /// reports to a <c>rua</c> address (RFC 8460 §7), including reports about domains the owner does not run.
    /// </param>
    public ReportImporter(IReportStore store, int batchSize = 1000, IEnumerable<string>? managedDomains = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _store = store;
        _batchSize = batchSize;
        _managedDomains = managedDomains?.Select(ReportFilter.NormalizeDomain).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Stores every report of <paramref name="reports"/> and returns the counts.</summary>
    /// <param name="reports">The reports, read once.</param>
    /// <param name="progress">Receives the running counts after each committed batch, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the import; batches already committed stay stored.</param>
    public async Task<ImportCounts> ImportAsync(
        IAsyncEnumerable<IncomingReport> reports,
        IProgress<ImportCounts>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var counts = new ImportCounts(0, 0, 0);
        var batch = new List<IncomingReport>(_batchSize);

        // One batch commits in the background while the next one is read, so reading (decoding,
        // parsing) and storing overlap. Counts include a batch only after its commit completed.
        Task<IReadOnlyList<StoreOutcome>>? committing = null;
        await foreach (var report in reports.WithCancellation(cancellationToken))
        {
            if (!IsManaged(report))
            {
                counts = counts with { NotManaged = counts.NotManaged + 1 };
                continue;
            }

            batch.Add(report);
            if (batch.Count == _batchSize)
            {
                counts = await CompleteAsync(committing, counts, progress);
                committing = StartCommit(batch, cancellationToken);
                batch = new List<IncomingReport>(_batchSize);
            }
        }

        counts = await CompleteAsync(committing, counts, progress);
        if (batch.Count > 0)
        {
            counts = await CompleteAsync(StartCommit(batch, cancellationToken), counts, progress);
        }

        return counts;
    }

    private bool IsManaged(IncomingReport incoming)
    {
        return _managedDomains is null
            || incoming.Report.Policies.Any(p => p.Policy.PolicyDomain is { } domain && _managedDomains.Contains(ReportFilter.NormalizeDomain(domain)));
    }

    private Task<IReadOnlyList<StoreOutcome>> StartCommit(List<IncomingReport> batch, CancellationToken cancellationToken)
    {
        var reports = batch.ToArray();
        return Task.Run(() => _store.AddAsync(reports, cancellationToken), cancellationToken);
    }

    private static async Task<ImportCounts> CompleteAsync(Task<IReadOnlyList<StoreOutcome>>? committing, ImportCounts counts, IProgress<ImportCounts>? progress)
    {
        if (committing is null)
        {
            return counts;
        }

        var outcomes = await committing;
        var stored = outcomes.Count(o => o == StoreOutcome.Stored);
        var different = outcomes.Count(o => o == StoreOutcome.DuplicateWithDifferentContent);
        var updated = counts with
        {
            Stored = counts.Stored + stored,
            Duplicates = counts.Duplicates + outcomes.Count - stored,
            DuplicatesWithDifferentContent = counts.DuplicatesWithDifferentContent + different,
        };
        progress?.Report(updated);
        return updated;
    }
}

/// <summary>The running counts of an import.</summary>
/// <param name="Stored">Reports committed to the store.</param>
/// <param name="Duplicates">Reports already stored (RFC 8460 §5.3) and so not counted again.</param>
/// <param name="NotManaged">Reports skipped because none of their policy domains is managed.</param>
/// <param name="DuplicatesWithDifferentContent">The duplicates whose content differs from the stored
/// report with the same report-id, also counted in <paramref name="Duplicates"/>.</param>
public sealed record ImportCounts(long Stored, long Duplicates, long NotManaged, long DuplicatesWithDifferentContent = 0);
