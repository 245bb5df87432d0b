using System.Data.Common;
using MtaSts.Policies;
using MtaSts.Records;

namespace MtaSts.Server.Domains;

/// <summary>
/// The lifecycle rules of <see cref="IDomainCatalog"/>, written once over the storage primitives
/// that each backend provides.
/// </summary>
public abstract class DomainCatalog : IDomainCatalog
{
    // A policy id is 1 to 32 letters and digits (RFC 8461 §3.1); a timestamp id is 15 of them.
    private const int MaxPolicyIdLength = 32;

    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the catalog with the clock that dates changes.</summary>
    protected DomainCatalog(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public abstract string Location { get; }

    /// <inheritdoc />
    public abstract Task<long> GetVersionAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract Task<IReadOnlyList<ManagedDomain>> ListAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract Task<ManagedDomain?> FindAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Stores a new domain; returns <see langword="false"/> when the name is taken.</summary>
    protected abstract Task<bool> InsertAsync(ManagedDomain domain, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a stored domain if its policy id is still <paramref name="expectedPolicyId"/>;
    /// returns <see langword="false"/> when another writer changed it first.
    /// </summary>
    protected abstract Task<bool> ReplaceAsync(ManagedDomain domain, string expectedPolicyId, CancellationToken cancellationToken);

    /// <summary>Deletes a stored domain.</summary>
    protected abstract Task DeleteAsync(string name, CancellationToken cancellationToken);

    /// <inheritdoc />
    public async Task<ManagedDomain> AddAsync(string name, StsPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var now = _timeProvider.GetUtcNow();
        var domain = new ManagedDomain(name, policy, NextPolicyId(now, null), now, now, null, null, null);
        if (!await InsertAsync(domain, cancellationToken))
        {
            throw new DomainCatalogException(DomainCatalogError.AlreadyExists, name);
        }

        return domain;
    }

    /// <inheritdoc />
    public async Task<ManagedDomain> SetPolicyAsync(string name, StsPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var current = await GetAsync(name, cancellationToken);
        if (current.Policy.Write() == policy.Write() && current.RetiredAt is null)
        {
            return current;
        }

        var now = _timeProvider.GetUtcNow();
        var updated = current with
        {
            Policy = policy,
            PolicyId = NextPolicyId(now, current.PolicyId),
            UpdatedAt = now,
            RetiredAt = null,
            RemovableAt = null,
            ReplacedPoliciesCachedUntil = CachedUntilAfterReplacing(current, now),
        };
        return await ReplaceOrThrowAsync(updated, current.PolicyId, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ManagedDomain> PromoteAsync(string name, CancellationToken cancellationToken = default)
    {
        var current = await GetAsync(name, cancellationToken);
        if (current.State != RolloutState.Testing)
        {
            throw new DomainCatalogException(
                current.State == RolloutState.Retired ? DomainCatalogError.Retired : DomainCatalogError.NotInTesting,
                name);
        }

        var now = _timeProvider.GetUtcNow();
        var enforced = StsPolicy.Create(PolicyMode.Enforce, current.Policy.MxPatterns, current.Policy.MaxAge);
        var updated = current with
        {
            Policy = enforced,
            PolicyId = NextPolicyId(now, current.PolicyId),
            UpdatedAt = now,
            ReplacedPoliciesCachedUntil = CachedUntilAfterReplacing(current, now),
        };
        return await ReplaceOrThrowAsync(updated, current.PolicyId, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ManagedDomain> RetireAsync(string name, CancellationToken cancellationToken = default)
    {
        var current = await GetAsync(name, cancellationToken);
        if (current.RetiredAt is not null)
        {
            throw new DomainCatalogException(DomainCatalogError.Retired, name);
        }

        // RFC 8461 §8.3: senders cache every policy they fetched for up to its max_age, so mode none
        // must be served until the last of them expires, including versions replaced before this one.
        var now = _timeProvider.GetUtcNow();
        var none = StsPolicy.Create(PolicyMode.None, current.Policy.MxPatterns, current.Policy.MaxAge);
        var cachedUntil = CachedUntilAfterReplacing(current, now);
        var updated = current with
        {
            Policy = none,
            PolicyId = NextPolicyId(now, current.PolicyId),
            UpdatedAt = now,
            RetiredAt = now,
            RemovableAt = cachedUntil,
            ReplacedPoliciesCachedUntil = cachedUntil,
        };
        return await ReplaceOrThrowAsync(updated, current.PolicyId, cancellationToken);
    }

    /// <inheritdoc />
    public async Task RemoveAsync(string name, CancellationToken cancellationToken = default)
    {
        var current = await GetAsync(name, cancellationToken);
        if (current.RemovableAt is not { } removableAt)
        {
            throw new DomainCatalogException(DomainCatalogError.NotRetired, name);
        }

        if (_timeProvider.GetUtcNow() < removableAt)
        {
            throw new DomainCatalogException(DomainCatalogError.RetirementNotOver, name, removableAt);
        }

        await DeleteAsync(name, cancellationToken);
    }

    /// <summary>
    /// Returns a policy id for a change at <paramref name="now"/> that differs from
    /// <paramref name="previousId"/>, even for two changes within one second.
    /// </summary>
    internal static string NextPolicyId(DateTimeOffset now, string? previousId)
    {
        var id = StsRecord.NewId(now);
        if (previousId is null || !previousId.StartsWith(id, StringComparison.Ordinal))
        {
            return id;
        }

        // The same second as the previous change: count on with an "x" suffix, such as 20261204T201905x2.
        var suffix = previousId[id.Length..];
        var counter = suffix.Length > 1 && suffix[0] == 'x' && int.TryParse(suffix[1..], out var previous) ? previous + 1 : 2;
        var next = id + "x" + counter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return next.Length <= MaxPolicyIdLength ? next : throw new InvalidOperationException("Too many policy changes within one second.");
    }

    /// <summary>
    /// Returns the time until which senders may cache some replaced policy of <paramref name="current"/>
    /// once its current policy is replaced at <paramref name="now"/>.
    /// </summary>
    private static DateTimeOffset CachedUntilAfterReplacing(ManagedDomain current, DateTimeOffset now)
    {
        var currentCachedUntil = now.AddSeconds(current.Policy.MaxAge);
        return current.ReplacedPoliciesCachedUntil is { } earlier && earlier > currentCachedUntil ? earlier : currentCachedUntil;
    }

    /// <summary>
    /// Reads a domain from a row with the columns name, policy, policy_id, created_at, updated_at,
    /// retired_at, removable_at and cached_until, the times in Unix seconds.
    /// </summary>
    protected static ManagedDomain ReadDomain(DbDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new ManagedDomain(
            reader.GetString(0),
            StsPolicy.Parse(reader.GetString(1)),
            reader.GetString(2),
            DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(3)),
            DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(4)),
            reader.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(5)),
            reader.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(6)),
            reader.IsDBNull(7) ? null : DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(7)));
    }

    private async Task<ManagedDomain> GetAsync(string name, CancellationToken cancellationToken) =>
        await FindAsync(name, cancellationToken) ?? throw new DomainCatalogException(DomainCatalogError.NotFound, name);

    private async Task<ManagedDomain> ReplaceOrThrowAsync(ManagedDomain updated, string expectedPolicyId, CancellationToken cancellationToken)
    {
        if (!await ReplaceAsync(updated, expectedPolicyId, cancellationToken))
        {
            throw new DomainCatalogException(DomainCatalogError.Conflict, updated.Name);
        }

        return updated;
    }
}
