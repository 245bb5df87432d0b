using System.Threading.Channels;
using MtaSts.Storage;

namespace MtaSts.Server.Intake;

/// <summary>
/// Report intake into the report store (<c>MtaSts.Storage</c>, SQLite or PostgreSQL). Reports that
/// arrive together are committed in one transaction, and each caller's task completes only after
/// that commit.
/// </summary>
public sealed class StoreReportIntake : IReportIntake, IAsyncDisposable
{
    // Reports per transaction: enough to amortise the commit's fsync under load, small enough to keep latency low.
    private const int MaxBatch = 256;

    private readonly IReportStore _store;
    private readonly SemaphoreSlim _storeLock = new(1, 1);
    private readonly Channel<PendingReport> _queue = Channel.CreateUnbounded<PendingReport>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    /// <summary>Starts the intake over <paramref name="store"/>, which it then owns and disposes.</summary>
    public StoreReportIntake(IReportStore store)
    {
        _store = store;
        _writer = Task.Run(WriteBatchesAsync);
    }

    /// <inheritdoc />
    public string Location => _store.Location;

    /// <inheritdoc />
    public Task<IntakeOutcome> StoreAsync(ReceivedReport report, ReportSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(source);
        var incoming = new IncomingReport
        {
            Report = report.Report,
            RawJson = report.Json,
            Source = source.Peer is null ? source.Channel : $"{source.Channel} {source.Peer}",
            Submitter = report.Submitter,
            Diagnostics = report.Diagnostics,
        };
        var pending = new PendingReport(incoming, new TaskCompletionSource<IntakeOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(StoreReportIntake));
        }

        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IntakeSummary> SummarizeAsync(IReadOnlyList<string> domains, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(domains);
        await _storeLock.WaitAsync(cancellationToken);
        try
        {
            var total = await _store.SummarizeAsync(ReportFilter.All, null, cancellationToken);
            var byDomain = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var domain in domains)
            {
                var summary = await _store.SummarizeAsync(new ReportFilter(domain), null, cancellationToken);
                byDomain[domain] = summary.Totals.Reports;
            }

            return new IntakeSummary(total.Totals.Reports, byDomain);
        }
        finally
        {
            _storeLock.Release();
        }
    }

    /// <summary>Writes the reports still queued, then closes the store.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
        await _store.DisposeAsync();
        _storeLock.Dispose();
    }

    private async Task WriteBatchesAsync()
    {
        var batch = new List<PendingReport>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            await _storeLock.WaitAsync();
            try
            {
                var outcomes = await _store.AddAsync([.. batch.Select(p => p.Report)], CancellationToken.None);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Completion.TrySetResult(outcomes[i] == StoreOutcome.Stored ? IntakeOutcome.Stored : IntakeOutcome.Duplicate);
                }
            }
            catch (Exception e)
            {
                // The transaction rolled back, so none of the batch is stored and every caller gets the error (HTTP 500, SMTP 451).
                foreach (var pending in batch)
                {
                    pending.Completion.TrySetException(e);
                }
            }
            finally
            {
                _storeLock.Release();
            }
        }
    }

    private sealed record PendingReport(IncomingReport Report, TaskCompletionSource<IntakeOutcome> Completion);
}
