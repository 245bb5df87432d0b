using System.Net;
using System.Net.Sockets;
using DnsClient;
using DnsClient.Protocol;

namespace MtaSts.Discovery;

/// <summary>
/// An <see cref="IDnsResolver"/> over DnsClient's <see cref="LookupClient"/>, sending every query to the
/// given name servers, or to the system's resolvers when none are given.
/// </summary>
public sealed class DnsClientResolver : IDnsResolver
{
    private readonly LookupClient _client;

    /// <summary>Creates a resolver that queries <paramref name="nameServers"/>.</summary>
    /// <param name="nameServers">The servers to query; empty means the system's resolvers.</param>
    /// <param name="timeout">How long to wait for each response.</param>
    public DnsClientResolver(IReadOnlyList<IPEndPoint> nameServers, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(nameServers);
        var options = nameServers.Count == 0
            ? new LookupClientOptions()
            : new LookupClientOptions(nameServers.Select(e => new NameServer(e)).ToArray());
        options.UseCache = false;
        options.Timeout = timeout;

        // One attempt per server, so a lookup is bounded by the timeout as the checker documents.
        options.Retries = 0;
        options.ThrowDnsErrors = false;
        options.ContinueOnDnsError = false;
        options.ContinueOnEmptyResponse = false;
        options.UseTcpFallback = true;

        // With the DO bit set, a validating resolver reports the AD bit, which the DANE check shows.
        options.RequestDnsSecRecords = true;
        _client = new LookupClient(options);
    }

    /// <summary>The servers every query goes to, in the order they are tried.</summary>
    public IReadOnlyList<IPEndPoint> NameServers =>
        _client.NameServers.Select(server => new IPEndPoint(IPAddress.Parse(server.Address), server.Port)).ToArray();

    /// <inheritdoc/>
    public Task<DnsLookupResult<DnsMxRecord>> QueryMxAsync(string name, CancellationToken cancellationToken) =>
        QueryAsync(name, QueryType.MX, (MxRecord r) => new DnsMxRecord(r.Preference, TrimDot(r.Exchange.Value)), cancellationToken);

    /// <inheritdoc/>
    public Task<DnsLookupResult<DnsTxtRecord>> QueryTxtAsync(string name, CancellationToken cancellationToken) =>
        QueryAsync(name, QueryType.TXT, (TxtRecord r) => new DnsTxtRecord(r.Text.ToArray()), cancellationToken);

    /// <inheritdoc/>
    public Task<DnsLookupResult<IPAddress>> QueryIPv4Async(string name, CancellationToken cancellationToken) =>
        QueryAsync(name, QueryType.A, (ARecord r) => r.Address, cancellationToken);

    /// <inheritdoc/>
    public Task<DnsLookupResult<IPAddress>> QueryIPv6Async(string name, CancellationToken cancellationToken) =>
        QueryAsync(name, QueryType.AAAA, (AaaaRecord r) => r.Address, cancellationToken);

    /// <inheritdoc/>
    public Task<DnsLookupResult<DnsTlsaRecord>> QueryTlsaAsync(string name, CancellationToken cancellationToken) =>
        QueryAsync(
            name,
            QueryType.TLSA,
            (TlsaRecord r) => new DnsTlsaRecord((int)r.CertificateUsage, (int)r.Selector, (int)r.MatchingType, Convert.ToHexStringLower(r.CertificateAssociationData.ToArray())),
            cancellationToken);

    private async Task<DnsLookupResult<T>> QueryAsync<TRecord, T>(
        string name,
        QueryType type,
        Func<TRecord, T> convert,
        CancellationToken cancellationToken)
        where TRecord : DnsResourceRecord
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        IDnsQueryResponse response;
        try
        {
            response = await _client.QueryAsync(name, type, QueryClass.IN, cancellationToken).ConfigureAwait(false);
        }
        catch (DnsResponseException exception) when (exception.Code == DnsResponseCode.ConnectionTimeout)
        {
            return DnsLookupResult<T>.Empty(name, DnsLookupStatus.Timeout, exception.Message);
        }
        catch (DnsResponseException exception)
        {
            return DnsLookupResult<T>.Empty(name, DnsLookupStatus.TransportError, exception.Message);
        }
        catch (SocketException exception)
        {
            return DnsLookupResult<T>.Empty(name, DnsLookupStatus.TransportError, exception.Message);
        }

        var status = response.Header.ResponseCode switch
        {
            DnsHeaderResponseCode.NoError => DnsLookupStatus.Success,
            DnsHeaderResponseCode.NotExistentDomain => DnsLookupStatus.NxDomain,
            DnsHeaderResponseCode.ServerFailure => DnsLookupStatus.ServerFailure,
            _ => DnsLookupStatus.Refused,
        };
        if (status != DnsLookupStatus.Success)
        {
            return DnsLookupResult<T>.Empty(name, status, response.ErrorMessage);
        }

        var records = response.Answers.OfType<TRecord>().Select(convert).ToArray();
        var canonicalNames = response.Answers.CnameRecords().Select(c => TrimDot(c.CanonicalName.Value)).ToArray();
        return new DnsLookupResult<T>(
            name,
            records.Length == 0 ? DnsLookupStatus.NoData : DnsLookupStatus.Success,
            records,
            canonicalNames,
            response.Header.IsAuthenticData);
    }

    private static string TrimDot(string name) => name.EndsWith('.') ? name[..^1] : name;
}
