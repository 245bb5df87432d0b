using MtaSts.Discovery;
using MtaSts.Policies;

namespace MtaSts.Checks;

/// <summary>Turns the policy fetch and the policy into findings.</summary>
internal static class PolicyFindings
{
    // RFC 8461 §3.2 recommends a max_age "in the range of weeks or greater"; under a week a
    // sender's cached policy lapses between visits and gives little protection.
    private const long ShortMaxAge = 7 * 86400;

    // While in testing, a long max_age makes senders keep a stale testing policy for that long
    // if the policy host later goes away.
    private const long LongTestingMaxAge = 30 * 86400;

    /// <summary>Adds the fetch findings and returns the policy bytes when the fetch succeeded.</summary>
    public static ReadOnlyMemory<byte>? AddFetch(FindingList findings, PolicyFetchResult fetch, int warningDays, TimeSpan timeout)
    {
        var url = fetch.Url;
        if (fetch.HostCanonicalNames.Count > 0)
        {
            var host = new Uri(url).Host;
            var chain = string.Join(" → ", fetch.HostCanonicalNames.Prepend(host));
            findings.Add(FindingCodes.Cname, FindingSeverity.Info, host, null, ("name", host), ("chain", chain));
        }

        if (fetch.Certificate is { } certificate)
        {
            CertificateFindings.Add(findings, certificate, certificate.HostName, warningDays);
        }

        switch (fetch.Status)
        {
            case PolicyFetchStatus.Success:
                findings.Add(FindingCodes.FetchOk, FindingSeverity.Ok, url, "RFC 8461 §3.3", ("url", url), ("address", fetch.Address), ("tls", FormatProtocol(fetch.TlsProtocol)), ("cipher", fetch.CipherSuite), ("content_type", fetch.ContentType), ("size", fetch.Body.Length));
                return fetch.Body;
            case PolicyFetchStatus.HostNotFound:
                findings.Add(FindingCodes.PolicyHostNotFound, FindingSeverity.Error, url, "RFC 8461 §3.3", ("host", new Uri(url).Host), ("status", fetch.HostLookupStatus));
                break;
            case PolicyFetchStatus.HostLookupFailed:
                findings.Add(FindingCodes.PolicyHostLookupFailed, FindingSeverity.Error, url, "RFC 8461 §3.3", ("host", new Uri(url).Host), ("status", fetch.HostLookupStatus), ("error", fetch.Error));
                break;
            case PolicyFetchStatus.ConnectFailed:
                findings.Add(FindingCodes.FetchConnectFailed, FindingSeverity.Error, url, "RFC 8461 §3.3", ("address", fetch.Address), ("port", fetch.Port), ("socket_error", fetch.SocketError ?? System.Net.Sockets.SocketError.SocketError), ("error", fetch.Error));
                break;
            case PolicyFetchStatus.Timeout:
                findings.Add(FindingCodes.FetchTimeout, FindingSeverity.Error, url, "RFC 8461 §3.3", ("address", fetch.Address), ("port", fetch.Port), ("step", fetch.FailedStep ?? PolicyFetchStep.Response), ("seconds", FormatSeconds(timeout)), ("error", fetch.Error));
                break;
            case PolicyFetchStatus.CertificateInvalid when fetch.Certificate is { IsValid: false }:
                // The certificate findings added above give the reason.
                break;
            case PolicyFetchStatus.TlsFailed:
            case PolicyFetchStatus.CertificateInvalid:
                findings.Add(FindingCodes.FetchTlsFailed, FindingSeverity.Error, url, "RFC 8461 §3.3", ("address", fetch.Address), ("port", fetch.Port), ("error", fetch.Error));
                break;
            case PolicyFetchStatus.Redirect:
                findings.Add(FindingCodes.FetchRedirect, FindingSeverity.Error, url, "RFC 8461 §3.3", ("status", fetch.HttpStatusCode), ("location", fetch.Location ?? "-"));
                break;
            case PolicyFetchStatus.HttpStatus:
                findings.Add(FindingCodes.FetchStatus, FindingSeverity.Error, url, "RFC 8461 §3.3", ("status", fetch.HttpStatusCode));
                break;
            case PolicyFetchStatus.WrongMediaType:
                findings.Add(FindingCodes.FetchMediaType, FindingSeverity.Error, url, "RFC 8461 §3.2", ("content_type", fetch.ContentType ?? "-"));
                break;
            case PolicyFetchStatus.TooLarge:
                findings.Add(FindingCodes.FetchTooLarge, FindingSeverity.Error, url, "RFC 8461 §3.3", ("limit", PolicyFetcher.MaxPolicySize));
                break;
            default:
                findings.Add(FindingCodes.FetchProtocolError, FindingSeverity.Error, url, "RFC 8461 §3.3", ("error", fetch.Error));
                break;
        }

        return null;
    }

    /// <summary>Parses the policy, adds its diagnostics and the mode, max_age and id findings, and returns it when usable.</summary>
    public static StsPolicy? AddPolicy(FindingList findings, ReadOnlyMemory<byte> body, string subject, string? policyId)
    {
        StsPolicy.TryParse(body.Span, out var policy, out var diagnostics);
        findings.AddDiagnostics(diagnostics, subject);
        if (policy is null)
        {
            if (!diagnostics.Any(d => d.Severity == Diagnostics.Severity.Error))
            {
                findings.Add(FindingCodes.PolicyInvalid, FindingSeverity.Error, subject, "RFC 8461 §3.2");
            }

            return null;
        }

        findings.AddDiagnostics(policy.Diagnostics.Except(diagnostics), subject);
        var maxAge = policy.MaxAge;
        switch (policy.Mode)
        {
            case PolicyMode.Enforce:
                findings.Add(FindingCodes.ModeEnforce, FindingSeverity.Ok, subject, "RFC 8461 §5", ("mode", "enforce"));
                break;
            case PolicyMode.Testing:
                findings.Add(FindingCodes.ModeTesting, FindingSeverity.Info, subject, "RFC 8461 §5", ("mode", "testing"));
                if (maxAge > LongTestingMaxAge)
                {
                    findings.Add(FindingCodes.MaxAgeLongTesting, FindingSeverity.Info, subject, "RFC 8461 §3.2", ("max_age", maxAge), ("days", maxAge / 86400), ("limit_days", LongTestingMaxAge / 86400));
                }

                break;
            default:
                findings.Add(FindingCodes.ModeNone, FindingSeverity.Warning, subject, "RFC 8461 §5", ("mode", "none"));
                break;
        }

        // The parser already notes a very short max_age in enforce mode; do not say it twice.
        var parserNotedShort = policy.Diagnostics.Concat(diagnostics).Any(d => d.Code == PolicyDiagnosticCodes.MaxAgeShort);
        if (maxAge < ShortMaxAge && !parserNotedShort)
        {
            findings.Add(FindingCodes.MaxAgeShort, FindingSeverity.Warning, subject, "RFC 8461 §3.2", ("max_age", maxAge), ("limit", ShortMaxAge));
        }

        // RFC 8461 §3.1: senders refetch only when the id in the _mta-sts record changes.
        if (policyId is not null)
        {
            findings.Add(FindingCodes.IdReminder, FindingSeverity.Info, subject, "RFC 8461 §3.1", ("id", policyId));
        }

        return policy;
    }

    /// <summary>Adds the MX coverage findings (RFC 8461 §4.1).</summary>
    public static void AddCoverage(FindingList findings, StsPolicy policy, IReadOnlyList<string> mxHosts, string policyDomain)
    {
        foreach (var host in mxHosts)
        {
            var pattern = policy.MxPatterns.FirstOrDefault(p => p.Matches(host));
            if (pattern is not null)
            {
                findings.Add(FindingCodes.MxCovered, FindingSeverity.Ok, host, "RFC 8461 §4.1", ("mx", host), ("pattern", pattern.Value));
                continue;
            }

            var patterns = string.Join(", ", policy.MxPatterns.Select(p => p.Value));
            var wildcard = SuggestWildcard(host, policyDomain);

            // RFC 8461 §4.1: "*.example.com" covers one label only, so it does not cover "a.b.example.com".
            var deeper = policy.MxPatterns.FirstOrDefault(p => p.IsWildcard && host.EndsWith(p.Value[1..], StringComparison.OrdinalIgnoreCase));
            if (deeper is not null)
            {
                findings.Add(FindingCodes.MxNotCoveredWildcardDepth, FindingSeverity.Error, host, "RFC 8461 §4.1", ("mx", host), ("pattern", deeper.Value), ("patterns", patterns), ("wildcard", wildcard));
            }
            else
            {
                findings.Add(FindingCodes.MxNotCovered, FindingSeverity.Error, host, "RFC 8461 §4.1", ("mx", host), ("patterns", patterns.Length == 0 ? "-" : patterns), ("wildcard", wildcard));
            }
        }

        foreach (var pattern in policy.MxPatterns.Where(p => !mxHosts.Any(p.Matches)))
        {
            findings.Add(FindingCodes.PatternUnused, FindingSeverity.Warning, pattern.Value, "RFC 8461 §4.1", ("pattern", pattern.Value), ("mx", string.Join(", ", mxHosts)));
        }
    }

    // The wildcard that covers the host's own level, such as "*.b.example.com" for
    // "a.b.example.com". None for an implicit MX, whose parent is the zone above the policy
    // domain, nor for a host right below a top-level domain.
    private static string? SuggestWildcard(string host, string policyDomain)
    {
        var dot = host.IndexOf('.', StringComparison.Ordinal);
        var parent = dot < 0 ? string.Empty : host[(dot + 1)..];
        if (string.Equals(host, policyDomain, StringComparison.OrdinalIgnoreCase) || !parent.Contains('.', StringComparison.Ordinal))
        {
            return null;
        }

        return "*." + parent;
    }

    /// <summary>Formats a step limit in seconds, such as "2" or "0.5".</summary>
    public static string FormatSeconds(TimeSpan timeout) => timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Formats a TLS version as "TLS 1.3".</summary>
    public static string? FormatProtocol(System.Security.Authentication.SslProtocols? protocol) => protocol switch
    {
        null => null,
#pragma warning disable SYSLIB0039, CS0618 // old versions are named only to report them
        System.Security.Authentication.SslProtocols.Tls => "TLS 1.0",
        System.Security.Authentication.SslProtocols.Tls11 => "TLS 1.1",
#pragma warning restore SYSLIB0039, CS0618
        System.Security.Authentication.SslProtocols.Tls12 => "TLS 1.2",
        System.Security.Authentication.SslProtocols.Tls13 => "TLS 1.3",
        _ => protocol.ToString(),
    };
}
