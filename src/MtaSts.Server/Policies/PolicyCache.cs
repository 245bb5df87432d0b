using System.Collections.Frozen;
using System.Text;
using MtaSts.Server.Domains;

namespace MtaSts.Server.Policies;

/// <summary>
/// The policies of the managed domains, keyed by policy host name and encoded once, so a
/// policy request does no database work.
/// </summary>
internal sealed class PolicyCache
{
    private volatile Snapshot? _snapshot;

    /// <summary>Whether the first load has finished; until then the server is not ready.</summary>
    public bool IsLoaded => _snapshot is not null;

    /// <summary>The catalog version of the loaded snapshot.</summary>
    public long Version => _snapshot?.Version ?? -1;

    /// <summary>Replaces the cached policies with <paramref name="domains"/> from catalog version <paramref name="version"/>.</summary>
    public void Load(IEnumerable<ManagedDomain> domains, long version)
    {
        var policies = domains.ToFrozenDictionary(
            d => d.PolicyHost,
            d => Encoding.UTF8.GetBytes(d.Policy.Write()),
            StringComparer.Ordinal);
        var names = domains.Select(d => d.Name).ToFrozenSet(StringComparer.Ordinal);
        _snapshot = new Snapshot(policies, names, version);
    }

    /// <summary>Returns the policy for a request's host name, or <see langword="null"/> when it names no managed domain.</summary>
    /// <param name="host">The host part of the <c>Host</c> header, without port.</param>
    public byte[]? FindPolicy(string host)
    {
        var snapshot = _snapshot;
        if (snapshot is null || host.Length == 0)
        {
            return null;
        }

        // RFC 8461 §3.3: the policy host is exactly "mta-sts." + the policy domain. Host names are
        // case-insensitive and a fully qualified name may end in a dot.
        var name = host.EndsWith('.') ? host[..^1] : host;
        return snapshot.Policies.GetValueOrDefault(name.ToLowerInvariant());
    }

    /// <summary>Checks whether <paramref name="domain"/> (lower case, no trailing dot) is managed.</summary>
    public bool IsManaged(string domain) => _snapshot?.Domains.Contains(domain) == true;

    private sealed record Snapshot(FrozenDictionary<string, byte[]> Policies, FrozenSet<string> Domains, long Version);
}
