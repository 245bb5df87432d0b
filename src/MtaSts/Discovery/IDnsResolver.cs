using System.Net;

namespace MtaSts.Discovery;

/// <summary>
/// The DNS lookups the checker needs. Implementations return failures as
/// <see cref="DnsLookupResult{T}"/> values and throw only for misuse or cancellation.
/// </summary>
public interface IDnsResolver
{
    /// <summary>Looks up the MX records of <paramref name="name"/>.</summary>
    Task<DnsLookupResult<DnsMxRecord>> QueryMxAsync(string name, CancellationToken cancellationToken);

    /// <summary>Looks up the TXT records of <paramref name="name"/>.</summary>
    Task<DnsLookupResult<DnsTxtRecord>> QueryTxtAsync(string name, CancellationToken cancellationToken);

    /// <summary>Looks up the A records (IPv4) of <paramref name="name"/>.</summary>
    Task<DnsLookupResult<IPAddress>> QueryIPv4Async(string name, CancellationToken cancellationToken);

    /// <summary>Looks up the AAAA records (IPv6) of <paramref name="name"/>.</summary>
    Task<DnsLookupResult<IPAddress>> QueryIPv6Async(string name, CancellationToken cancellationToken);

    /// <summary>Looks up the TLSA records of <paramref name="name"/>, such as <c>_25._tcp.mx.example.com</c>.</summary>
    Task<DnsLookupResult<DnsTlsaRecord>> QueryTlsaAsync(string name, CancellationToken cancellationToken);
}
