using System.Net;
using MtaSts.Discovery;

namespace MtaSts.Server.Domains;

/// <summary>
/// Wraps the resolver of one DNS check: after a lookup times out, every later lookup returns
/// <see cref="DnsLookupStatus.Timeout"/> at once, so a dead resolver costs one timeout instead of one per record.
/// </summary>
internal sealed class TimeoutOnceResolver(IDnsResolver inner) : IDnsResolver
{
    private string? _timeoutError;

    public Task<DnsLookupResult<DnsMxRecord>> QueryMxAsync(string name, CancellationToken cancellationToken) =>
        QueryAsync(name, inner.QueryMxAsync, cancellationToken);

    public Task<DnsLookupResult<DnsTxtRecord>> QueryTxtAsync(string name, CancellationToken cancellationToken) =>
        QueryAsync(name, inner.QueryTxtAsync, cancellationToken);

    public Task<DnsLookupResult<IPAddress>> QueryIPv4Async(string name, CancellationToken cancellationToken) =>
        QueryAsync(name, inner.QueryIPv4Async, cancellationToken);

    public Task<DnsLookupResult<IPAddress>> QueryIPv6Async(string name, CancellationToken cancellationToken) =>
        QueryAsync(name, inner.QueryIPv6Async, cancellationToken);

    public Task<DnsLookupResult<DnsTlsaRecord>> QueryTlsaAsync(string name, CancellationToken cancellationToken) =>
        QueryAsync(name, inner.QueryTlsaAsync, cancellationToken);

    private async Task<DnsLookupResult<T>> QueryAsync<T>(
        string name,
        Func<string, CancellationToken, Task<DnsLookupResult<T>>> query,
        CancellationToken cancellationToken)
    {
        if (_timeoutError is not null)
        {
            return DnsLookupResult<T>.Empty(name, DnsLookupStatus.Timeout, _timeoutError);
        }

        var result = await query(name, cancellationToken);
        if (result.Status == DnsLookupStatus.Timeout)
        {
            _timeoutError = result.Error ?? "the DNS server did not answer";
        }

        return result;
    }
}
