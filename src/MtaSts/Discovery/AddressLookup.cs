using System.Net;

namespace MtaSts.Discovery;

/// <summary>Combines the A and AAAA lookups of one host.</summary>
internal static class AddressLookup
{
    /// <summary>
    /// Merges the two results. Any address makes a success. Otherwise a failure of either lookup
    /// takes precedence over absence, so a SERVFAIL is not reported as "no address".
    /// </summary>
    public static DnsLookupResult<IPAddress> Merge(string host, DnsLookupResult<IPAddress> ipv4, DnsLookupResult<IPAddress> ipv6)
    {
        var addresses = ipv4.Records.Concat(ipv6.Records).ToArray();
        if (addresses.Length > 0)
        {
            var canonicalNames = ipv4.CanonicalNames.Count > 0 ? ipv4.CanonicalNames : ipv6.CanonicalNames;
            return new DnsLookupResult<IPAddress>(host, DnsLookupStatus.Success, addresses, canonicalNames);
        }

        var failed = new[] { ipv4, ipv6 }.FirstOrDefault(r => !r.IsAbsent);
        if (failed is not null)
        {
            return DnsLookupResult<IPAddress>.Empty(host, failed.Status, failed.Error);
        }

        var status = ipv4.Status == DnsLookupStatus.NxDomain ? DnsLookupStatus.NxDomain : DnsLookupStatus.NoData;
        return DnsLookupResult<IPAddress>.Empty(host, status);
    }
}
