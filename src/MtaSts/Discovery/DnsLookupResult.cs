namespace MtaSts.Discovery;

/// <summary>The records returned for one name and type, or why there are none.</summary>
/// <typeparam name="T">The record type.</typeparam>
/// <param name="Name">The queried name, in A-label form.</param>
/// <param name="Status">Whether the lookup returned records and, if not, why.</param>
/// <param name="Records">The records of the requested type; empty unless <see cref="DnsLookupStatus.Success"/>.</param>
/// <param name="CanonicalNames">The CNAME targets followed from <paramref name="Name"/>, in order.</param>
/// <param name="IsAuthenticated">Whether the resolver set the AD bit (DNSSEC-validated data).</param>
/// <param name="Error">The resolver's error text for failed lookups, or <see langword="null"/>.</param>
public sealed record DnsLookupResult<T>(
    string Name,
    DnsLookupStatus Status,
    IReadOnlyList<T> Records,
    IReadOnlyList<string> CanonicalNames,
    bool IsAuthenticated = false,
    string? Error = null)
{
    /// <summary>Whether the name or its records are definitely absent (NXDOMAIN or NODATA).</summary>
    public bool IsAbsent => Status is DnsLookupStatus.NxDomain or DnsLookupStatus.NoData;

    /// <summary>Creates a failed or empty result with no records.</summary>
    public static DnsLookupResult<T> Empty(string name, DnsLookupStatus status, string? error = null) =>
        new(name, status, [], [], false, error);
}
