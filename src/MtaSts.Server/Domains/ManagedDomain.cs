using MtaSts.Policies;

namespace MtaSts.Server.Domains;

/// <summary>A policy domain that this server hosts a policy for.</summary>
/// <param name="Name">The policy domain as lower-case A-labels without a trailing dot, such as <c>example.com</c>.</param>
/// <param name="Policy">The policy served at <c>https://mta-sts.{Name}/.well-known/mta-sts.txt</c>.</param>
/// <param name="PolicyId">The id to publish in the <c>_mta-sts</c> TXT record; it changes with every change of policy content.</param>
/// <param name="CreatedAt">When the domain was added.</param>
/// <param name="UpdatedAt">When the policy last changed.</param>
/// <param name="RetiredAt">When the domain was retired, or <see langword="null"/> while it is in use.</param>
/// <param name="RemovableAt">
/// The earliest time the domain can be removed: the latest time until which a sender may still
/// cache any policy version served before retirement; <see langword="null"/> while it is in use.
/// </param>
/// <param name="ReplacedPoliciesCachedUntil">
/// The latest replacement time plus <c>max_age</c> over every policy version that was replaced,
/// because senders may cache each one that long (RFC 8461 §5.1); <see langword="null"/> while the
/// first policy is still served.
/// </param>
public sealed record ManagedDomain(
    string Name,
    StsPolicy Policy,
    string PolicyId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? RetiredAt,
    DateTimeOffset? RemovableAt,
    DateTimeOffset? ReplacedPoliciesCachedUntil)
{
    /// <summary>The rollout state, derived from the policy mode and the retirement.</summary>
    public RolloutState State => RetiredAt is not null
        ? RolloutState.Retired
        : Policy.Mode switch
        {
            PolicyMode.Testing => RolloutState.Testing,
            PolicyMode.Enforce => RolloutState.Enforce,
            _ => RolloutState.None,
        };

    /// <summary>The host name that must point at this server, such as <c>mta-sts.example.com</c>.</summary>
    public string PolicyHost => "mta-sts." + Name;
}

/// <summary>Where a managed domain is in its move to enforcement and back out.</summary>
public enum RolloutState
{
    /// <summary>The policy is in <c>mode: testing</c>: senders report failures but still deliver.</summary>
    Testing,

    /// <summary>The policy is in <c>mode: enforce</c>.</summary>
    Enforce,

    /// <summary>The owner published <c>mode: none</c> without retiring the domain.</summary>
    None,

    /// <summary>
    /// The domain was retired: <c>mode: none</c> is served until <see cref="ManagedDomain.RemovableAt"/>
    /// so that senders replace their cached policy (RFC 8461 §8.3).
    /// </summary>
    Retired,
}
