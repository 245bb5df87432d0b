using MtaSts.Discovery;
using MtaSts.Records;

namespace MtaSts.Server.Domains;

/// <summary>How a record published in DNS compares with the record this server expects.</summary>
public enum DnsMatch
{
    /// <summary>DNS has the record as expected.</summary>
    Matches,

    /// <summary>DNS has a record at the name, with other content: an old policy id, other report URIs or other addresses.</summary>
    Differs,

    /// <summary>DNS has no such record at the name.</summary>
    Missing,

    /// <summary>The lookup failed (timeout, SERVFAIL), so nothing is known.</summary>
    LookupFailed,

    /// <summary>The record cannot be compared: the addresses of this server are not configured.</summary>
    NotChecked,
}

/// <summary>One expected DNS record with what is live in DNS.</summary>
/// <param name="Expected">The record to publish.</param>
/// <param name="Match">How DNS compares.</param>
/// <param name="Live">The values found in DNS at the name, as text.</param>
public sealed record DnsRecordStatus(DnsRecordInstruction Expected, DnsMatch Match, IReadOnlyList<string> Live);

/// <summary>
/// Compares the DNS records of a managed domain with <see cref="DnsInstructions"/>, through the
/// checker's resolver and record parsers.
/// </summary>
public sealed class DnsRecordCheck(IDnsResolver resolver)
{
    /// <summary>Creates the resolver for <paramref name="servers"/> (<c>IP</c> or <c>IP:PORT</c>); none means the system's resolvers.</summary>
    /// <exception cref="FormatException">A server is not an IP address with an optional port.</exception>
    public static IDnsResolver CreateResolver(IEnumerable<string> servers, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(servers);
        var endPoints = new List<System.Net.IPEndPoint>();
        foreach (var server in servers)
        {
            if (!System.Net.IPEndPoint.TryParse(server, out var endPoint))
            {
                throw new FormatException($"The DNS server '{server}' is invalid; give an IP address with an optional port, such as 127.0.0.1:53.");
            }

            // DNS listens on port 53 (RFC 1035 §4.2).
            endPoints.Add(endPoint.Port == 0 ? new System.Net.IPEndPoint(endPoint.Address, 53) : endPoint);
        }

        return new DnsClientResolver(endPoints, timeout);
    }

    /// <summary>Looks up each record of <paramref name="expected"/> and compares it.</summary>
    /// <param name="domain">The managed domain.</param>
    /// <param name="expected">The records from <see cref="DnsInstructions.For"/>.</param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    public async Task<IReadOnlyList<DnsRecordStatus>> CheckAsync(ManagedDomain domain, IReadOnlyList<DnsRecordInstruction> expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(expected);
        var check = new DnsRecordCheck(new TimeoutOnceResolver(resolver));
        return await check.CheckEachAsync(domain, expected, cancellationToken);
    }

    private async Task<IReadOnlyList<DnsRecordStatus>> CheckEachAsync(ManagedDomain domain, IReadOnlyList<DnsRecordInstruction> expected, CancellationToken cancellationToken)
    {
        var statuses = new List<DnsRecordStatus>(expected.Count);
        foreach (var record in expected)
        {
            statuses.Add(record.Type switch
            {
                "TXT" when record.Name.StartsWith("_mta-sts.", StringComparison.Ordinal) => await CheckStsRecordAsync(record, domain.PolicyId, cancellationToken),
                "TXT" => await CheckTlsRptRecordAsync(record, cancellationToken),
                "CNAME" => await CheckPolicyHostAsync(record, cancellationToken),
                _ => new DnsRecordStatus(record, DnsMatch.NotChecked, await LookupAddressesAsync(record.Name, cancellationToken) ?? []),
            });
        }

        return statuses;
    }

    // RFC 8461 §3.1: senders read the id of the one TXT record that starts with v=STSv1.
    private async Task<DnsRecordStatus> CheckStsRecordAsync(DnsRecordInstruction expected, string policyId, CancellationToken cancellationToken)
    {
        var lookup = await resolver.QueryTxtAsync(expected.Name, cancellationToken);
        var live = lookup.Records.Select(r => r.Text).ToList();
        if (lookup.Status is not DnsLookupStatus.Success && !lookup.IsAbsent)
        {
            return new DnsRecordStatus(expected, DnsMatch.LookupFailed, live);
        }

        var selected = StsRecord.Select(live).Record;
        if (selected is null)
        {
            return new DnsRecordStatus(expected, DnsMatch.Missing, live);
        }

        return new DnsRecordStatus(expected, selected.Id == policyId ? DnsMatch.Matches : DnsMatch.Differs, live);
    }

    // RFC 8460 §3: the record lists the rua URIs; it matches when it names every URI of this server.
    private async Task<DnsRecordStatus> CheckTlsRptRecordAsync(DnsRecordInstruction expected, CancellationToken cancellationToken)
    {
        var lookup = await resolver.QueryTxtAsync(expected.Name, cancellationToken);
        var live = lookup.Records.Select(r => r.Text).ToList();
        if (lookup.Status is not DnsLookupStatus.Success && !lookup.IsAbsent)
        {
            return new DnsRecordStatus(expected, DnsMatch.LookupFailed, live);
        }

        var published = live
            .Select(text => TlsRptRecord.TryParse(text, out var parsed, out _) ? parsed : null)
            .OfType<TlsRptRecord>()
            .FirstOrDefault();
        if (published is null)
        {
            return new DnsRecordStatus(expected, DnsMatch.Missing, live);
        }

        var expectedUris = TlsRptRecord.Parse(expected.Value).ReportUris.Select(u => u.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var match = expectedUris.IsSubsetOf(published.ReportUris.Select(u => u.ToString())) ? DnsMatch.Matches : DnsMatch.Differs;
        return new DnsRecordStatus(expected, match, live);
    }

    // The policy host matches when its lookup follows a CNAME to the public host, or when it has
    // the public host's addresses as A/AAAA records of its own.
    private async Task<DnsRecordStatus> CheckPolicyHostAsync(DnsRecordInstruction expected, CancellationToken cancellationToken)
    {
        var targetName = expected.Value.TrimEnd('.');
        var v4 = await resolver.QueryIPv4Async(expected.Name, cancellationToken);
        if (v4.CanonicalNames.Any(n => string.Equals(n.TrimEnd('.'), targetName, StringComparison.OrdinalIgnoreCase)))
        {
            return new DnsRecordStatus(expected, DnsMatch.Matches, [.. v4.CanonicalNames]);
        }

        var live = await LookupAddressesAsync(expected.Name, cancellationToken);
        var target = await LookupAddressesAsync(targetName, cancellationToken);
        if (live is null || target is null)
        {
            return new DnsRecordStatus(expected, DnsMatch.LookupFailed, live ?? []);
        }

        if (live.Count == 0)
        {
            return new DnsRecordStatus(expected, DnsMatch.Missing, live);
        }

        return new DnsRecordStatus(expected, live.ToHashSet().SetEquals(target) ? DnsMatch.Matches : DnsMatch.Differs, live);
    }

    /// <summary>Returns the A and AAAA addresses of <paramref name="name"/>, or <see langword="null"/> when a lookup failed.</summary>
    private async Task<List<string>?> LookupAddressesAsync(string name, CancellationToken cancellationToken)
    {
        var v4 = await resolver.QueryIPv4Async(name, cancellationToken);
        var v6 = await resolver.QueryIPv6Async(name, cancellationToken);
        if ((v4.Status is not DnsLookupStatus.Success && !v4.IsAbsent) || (v6.Status is not DnsLookupStatus.Success && !v6.IsAbsent))
        {
            return null;
        }

        return [.. v4.Records.Concat(v6.Records).Select(a => a.ToString()).Order(StringComparer.Ordinal)];
    }
}
