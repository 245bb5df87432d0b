namespace MtaSts.Server.Domains;

/// <summary>Why a change to the domain catalog was rejected.</summary>
public enum DomainCatalogError
{
    /// <summary>The domain is not managed by this server.</summary>
    NotFound,

    /// <summary>The domain is already managed.</summary>
    AlreadyExists,

    /// <summary>Only a domain in <c>mode: testing</c> can be promoted.</summary>
    NotInTesting,

    /// <summary>The domain is retired; add it again after removing it, or set a new policy first.</summary>
    Retired,

    /// <summary>Only a retired domain can be removed.</summary>
    NotRetired,

    /// <summary>The retired domain is still inside the <c>max_age</c> of its last policy.</summary>
    RetirementNotOver,

    /// <summary>Another writer changed the domain between read and write; retry.</summary>
    Conflict,
}

/// <summary>A rejected change to the domain catalog, with the domain and the reason.</summary>
public sealed class DomainCatalogException : Exception
{
    /// <summary>Creates the exception for <paramref name="domain"/>.</summary>
    public DomainCatalogException(DomainCatalogError error, string domain, DateTimeOffset? removableAt = null)
        : base($"Domain '{domain}': {error}.")
    {
        Error = error;
        Domain = domain;
        RemovableAt = removableAt;
    }

    /// <summary>The reason.</summary>
    public DomainCatalogError Error { get; }

    /// <summary>The policy domain the change was for.</summary>
    public string Domain { get; }

    /// <summary>For <see cref="DomainCatalogError.RetirementNotOver"/>, the earliest removal time.</summary>
    public DateTimeOffset? RemovableAt { get; }
}
