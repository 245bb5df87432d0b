using MtaSts.Server.Domains;
using MtaSts.Server.Logging;

namespace MtaSts.Server.Policies;

/// <summary>
/// Keeps <see cref="PolicyCache"/> in step with the catalog: loads it at start, then reloads when
/// the catalog version changes, which also catches changes made by <c>mtasts domains</c> in another process.
/// </summary>
internal sealed class PolicyCacheRefresher(
    IDomainCatalog catalog,
    PolicyCache cache,
    ILogger<PolicyCacheRefresher> logger) : BackgroundService
{
    // Seconds between version checks: how long a change made by another process takes to be served.
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _reloadLock = new(1, 1);

    /// <summary>Reloads the cache now if the catalog changed; the API calls it after each change.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _reloadLock.WaitAsync(cancellationToken);
        try
        {
            var version = await catalog.GetVersionAsync(cancellationToken);
            if (cache.IsLoaded && version == cache.Version)
            {
                return;
            }

            var domains = await catalog.ListAsync(cancellationToken);
            cache.Load(domains, version);
            Log.PoliciesLoaded(logger, domains.Count, version);
        }
        finally
        {
            _reloadLock.Release();
        }
    }

    /// <inheritdoc />
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // The first load happens before the server accepts requests, so no policy request finds an empty cache.
        await RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(s_pollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.PolicyReloadFailed(logger, e);
            }
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _reloadLock.Dispose();
        base.Dispose();
    }
}
