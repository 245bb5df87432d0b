namespace MtaSts.Server.Domains;

/// <summary>A domain catalog kept in memory, for tests and trials; it is lost when the process ends.</summary>
public sealed class InMemoryDomainCatalog(TimeProvider timeProvider) : DomainCatalog(timeProvider)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ManagedDomain> _domains = new(StringComparer.Ordinal);
    private long _version;

    /// <inheritdoc />
    public override string Location => "memory";

    /// <inheritdoc />
    public override Task<long> GetVersionAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Interlocked.Read(ref _version));

    /// <inheritdoc />
    public override Task<IReadOnlyList<ManagedDomain>> ListAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<ManagedDomain> list = [.. _domains.Values.OrderBy(d => d.Name, StringComparer.Ordinal)];
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc />
    public override Task<ManagedDomain?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_domains.GetValueOrDefault(name));
        }
    }

    /// <inheritdoc />
    protected override Task<bool> InsertAsync(ManagedDomain domain, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var added = _domains.TryAdd(domain.Name, domain);
            if (added)
            {
                _version++;
            }

            return Task.FromResult(added);
        }
    }

    /// <inheritdoc />
    protected override Task<bool> ReplaceAsync(ManagedDomain domain, string expectedPolicyId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_domains.TryGetValue(domain.Name, out var current) || current.PolicyId != expectedPolicyId)
            {
                return Task.FromResult(false);
            }

            _domains[domain.Name] = domain;
            _version++;
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    protected override Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_domains.Remove(name))
            {
                _version++;
            }

            return Task.CompletedTask;
        }
    }
}
