using MtaSts.Policies;

namespace MtaSts.Server.Domains;

/// <summary>
/// The managed domains with their policies, policy ids and rollout state. Every change of policy
/// content produces a new policy id.
/// </summary>
/// <remarks>Changes that break a lifecycle rule throw <see cref="DomainCatalogException"/>.</remarks>
public interface IDomainCatalog
{
    /// <summary>Where the catalog lives, for people: a file path, or <c>memory</c>.</summary>
    string Location { get; }

    /// <summary>Returns a number that changes whenever any writer, in this process or another, changes the catalog.</summary>
    Task<long> GetVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>Returns every managed domain, ordered by name.</summary>
    Task<IReadOnlyList<ManagedDomain>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Returns the domain <paramref name="name"/>, or <see langword="null"/> when it is not managed.</summary>
    Task<ManagedDomain?> FindAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Adds <paramref name="name"/> with <paramref name="policy"/> and a new policy id.</summary>
    Task<ManagedDomain> AddAsync(string name, StsPolicy policy, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the policy of <paramref name="name"/>. A policy with other content gets a new policy
    /// id; the same content keeps the current one. Setting a policy on a retired domain brings it back into use.
    /// </summary>
    Task<ManagedDomain> SetPolicyAsync(string name, StsPolicy policy, CancellationToken cancellationToken = default);

    /// <summary>Moves <paramref name="name"/> from <c>mode: testing</c> to <c>mode: enforce</c> with a new policy id.</summary>
    Task<ManagedDomain> PromoteAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Publishes <c>mode: none</c> for <paramref name="name"/> and records the earliest removal time:
    /// the latest replacement time plus <c>max_age</c> over every policy version served so far,
    /// including the one replaced now (RFC 8461 §8.3).
    /// </summary>
    Task<ManagedDomain> RetireAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Removes a retired domain whose removal time has passed.</summary>
    Task RemoveAsync(string name, CancellationToken cancellationToken = default);
}
