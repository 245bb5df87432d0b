using System.Globalization;
using System.Net;
using MtaSts.Discovery;
using MtaSts.Policies;

namespace MtaSts.Checks;

/// <summary>
/// Checks a domain's MTA-STS deployment the way a sender applies RFC 8461: DNS records, the
/// policy fetch, MX coverage, and STARTTLS with certificate validation on every MX address.
/// Independent lookups run concurrently and every MX address is probed in parallel, so the
/// total time is close to the longest chain of dependent steps.
/// </summary>
public sealed class DomainChecker
{
    private readonly IDnsResolver _dns;
    private readonly TimeProvider _timeProvider;
    private readonly DomainCheckerOptions _options;
    private readonly PolicyFetcher _fetcher;
    private readonly SmtpProbe _probe;

    /// <summary>Creates a checker.</summary>
    /// <param name="dns">Resolves every name the check looks up.</param>
    /// <param name="connector">Opens every TCP connection.</param>
    /// <param name="timeProvider">The clock that decides certificate expiry.</param>
    /// <param name="options">Ports, timeouts, trust anchors and the optional draft policy.</param>
    public DomainChecker(IDnsResolver dns, ITcpConnector connector, TimeProvider timeProvider, DomainCheckerOptions options)
    {
        ArgumentNullException.ThrowIfNull(dns);
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(options);
        _dns = dns;
        _timeProvider = timeProvider;
        _options = options;
        var validator = new CertificateValidator(options.TrustAnchors, timeProvider);
        _fetcher = new PolicyFetcher(dns, connector, validator, options.HttpsPort, options.Timeout);
        _probe = new SmtpProbe(connector, validator, options.SmtpPort, options.Timeout, options.ClientName);
    }

    /// <summary>
    /// Converts a domain to the A-label form used on the wire (IDNA), or explains why it is not a domain name.
    /// </summary>
    /// <param name="input">The domain as typed, such as <c>Example.COM.</c> or <c>bücher.example</c>.</param>
    /// <param name="domain">The lowercase A-label form without a trailing dot.</param>
    /// <param name="error">Why <paramref name="input"/> is not a usable domain name.</param>
    public static bool TryNormalizeDomain(string? input, out string domain, out string? error)
    {
        domain = string.Empty;
        var trimmed = input?.Trim().TrimEnd('.') ?? string.Empty;
        if (trimmed.Length == 0)
        {
            error = "The domain is empty.";
            return false;
        }

        string ascii;
        try
        {
            ascii = new IdnMapping().GetAscii(trimmed).ToLowerInvariant();
        }
        catch (ArgumentException exception)
        {
            error = $"\"{trimmed}\" is not a valid domain name: {exception.Message}";
            return false;
        }

        // An address literal names a host, not a policy domain; "[::1]" fails IdnMapping, but
        // "127.0.0.25" would pass the label rules below.
        if (IPAddress.TryParse(trimmed.Trim('[', ']'), out _))
        {
            error = $"\"{trimmed}\" is an IP address; give a domain name such as example.com.";
            return false;
        }

        var labels = ascii.Split('.');
        if (labels.Length < 2 || ascii.Length > 253)
        {
            error = $"\"{trimmed}\" is not a fully qualified domain name such as example.com.";
            return false;
        }

        // RFC 1123 §2.1: letters, digits and hyphens, no hyphen at either end, at most 63 octets.
        var invalid = labels.FirstOrDefault(l => l.Length is 0 or > 63 || l[0] == '-' || l[^1] == '-' || !l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
        if (invalid is not null)
        {
            error = $"\"{trimmed}\" has an invalid label \"{invalid}\": use letters, digits and inner hyphens only.";
            return false;
        }

        domain = ascii;
        error = null;
        return true;
    }

    /// <summary>Checks <paramref name="domain"/> and returns every finding and the verdict.</summary>
    /// <exception cref="ArgumentException"><paramref name="domain"/> is not a domain name; see <see cref="TryNormalizeDomain"/>.</exception>
    /// <exception cref="DnsResolverUnavailableException">The MX lookup and both TXT lookups timed out or failed at the transport level.</exception>
    public async Task<CheckReport> CheckAsync(string domain, CancellationToken cancellationToken)
    {
        if (!TryNormalizeDomain(domain, out var name, out var error))
        {
            throw new ArgumentException(error, nameof(domain));
        }

        var started = _timeProvider.GetTimestamp();
        var isDraft = _options.DraftPolicy is not null;

        // Nothing below waits for anything it does not need: the record lookups, the policy fetch
        // and the MX lookup start together, and each MX host's chain starts as soon as the MX
        // lookup returns.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var stsLookup = _dns.QueryTxtAsync("_mta-sts." + name, stop.Token);
        var tlsRptLookup = _dns.QueryTxtAsync("_smtp._tls." + name, stop.Token);
        var fetch = isDraft ? null : _fetcher.FetchAsync(name, stop.Token);
        var mxLookup = await _dns.QueryMxAsync(name, stop.Token).ConfigureAwait(false);
        await ThrowIfResolverUnavailableAsync(mxLookup, stsLookup, tlsRptLookup, fetch, stop).ConfigureAwait(false);

        var dns = new FindingList(FindingSection.Dns);
        var mxHosts = DnsFindings.AddMx(dns, name, mxLookup);
        var hostChecks = mxHosts.Select(host => CheckMxHostAsync(host, cancellationToken)).ToArray();

        var record = DnsFindings.AddStsRecord(dns, await stsLookup.ConfigureAwait(false), isDraft);
        DnsFindings.AddTlsRptRecord(dns, await tlsRptLookup.ConfigureAwait(false));

        var policyFindings = new FindingList(FindingSection.Policy);
        var policy = await CheckPolicyAsync(policyFindings, name, fetch, record?.Id).ConfigureAwait(false);

        var consistency = new FindingList(FindingSection.Consistency);
        if (policy is not null && mxHosts.Count > 0)
        {
            PolicyFindings.AddCoverage(consistency, policy, mxHosts, name);
        }

        var smtp = new FindingList(FindingSection.Smtp);
        var dane = new FindingList(FindingSection.Dane);
        if (!_options.ProbeSmtp && mxHosts.Count > 0)
        {
            smtp.Add(FindingCodes.SmtpSkipped, FindingSeverity.Info, name, null, ("mx", string.Join(", ", mxHosts)));
        }

        foreach (var host in await Task.WhenAll(hostChecks).ConfigureAwait(false))
        {
            dns.AddRange(host.Dns.Items);
            smtp.AddRange(host.Smtp.Items);
            dane.AddRange(host.Dane.Items);
        }

        Finding[] findings = [.. dns.Items, .. policyFindings.Items, .. consistency.Items, .. SoftenUnreachable(smtp.Items), .. dane.Items];
        var verdict = Verdicts.Decide(name, findings, mxLookup, policy, isDraft, _options.ProbeSmtp);
        return new CheckReport(name, findings, verdict, _timeProvider.GetElapsedTime(started));
    }

    // RFC 5321 §5.1: a sender that cannot reach one MX address tries the next, so while another
    // address passes every check, an address that refuses or times out only costs redundancy.
    // STARTTLS and certificate failures stay errors, because under enforce that MX gets no mail.
    private static IEnumerable<Finding> SoftenUnreachable(IReadOnlyList<Finding> smtp)
    {
        var failedSubjects = smtp.Where(f => f.Severity == FindingSeverity.Error).Select(f => f.Subject).ToHashSet(StringComparer.Ordinal);
        var anyWorking = smtp.Any(f => f.Code == FindingCodes.SmtpTlsOk && !failedSubjects.Contains(f.Subject));
        return smtp.Select(f => anyWorking && f.Code is FindingCodes.SmtpConnectFailed or FindingCodes.SmtpTimeout
            ? f with { Severity = FindingSeverity.Warning }
            : f);
    }

    // Three independent names that all time out or fail to reach the server point at the
    // resolver, not at the domain: a zone whose own servers are down gives SERVFAIL instead.
    private static async Task ThrowIfResolverUnavailableAsync(
        DnsLookupResult<DnsMxRecord> mxLookup,
        Task<DnsLookupResult<DnsTxtRecord>> stsLookup,
        Task<DnsLookupResult<DnsTxtRecord>> tlsRptLookup,
        Task<PolicyFetchResult>? fetch,
        CancellationTokenSource stop)
    {
        if (!IsUnanswered(mxLookup.Status)
            || !IsUnanswered((await stsLookup.ConfigureAwait(false)).Status)
            || !IsUnanswered((await tlsRptLookup.ConfigureAwait(false)).Status))
        {
            return;
        }

        await stop.CancelAsync().ConfigureAwait(false);
        if (fetch is not null)
        {
            try
            {
                await fetch.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        throw new DnsResolverUnavailableException(mxLookup.Status, mxLookup.Error);
    }

    private static bool IsUnanswered(DnsLookupStatus status) => status is DnsLookupStatus.Timeout or DnsLookupStatus.TransportError;

    private async Task<StsPolicy?> CheckPolicyAsync(FindingList findings, string domain, Task<PolicyFetchResult>? fetch, string? policyId)
    {
        ReadOnlyMemory<byte>? body;
        string subject;
        if (fetch is null)
        {
            subject = "draft";
            body = _options.DraftPolicy;
            findings.Add(FindingCodes.PolicyDraft, FindingSeverity.Info, subject, null, ("url", PolicyFetcher.GetPolicyUrl(domain)));
        }
        else
        {
            var result = await fetch.ConfigureAwait(false);
            subject = result.Url;
            body = PolicyFindings.AddFetch(findings, result, _options.CertificateWarningDays, _options.Timeout);
        }

        return body is { } bytes ? PolicyFindings.AddPolicy(findings, bytes, subject, policyId) : null;
    }

    private async Task<HostFindings> CheckMxHostAsync(string host, CancellationToken cancellationToken)
    {
        var result = new HostFindings();
        var ipv4 = _dns.QueryIPv4Async(host, cancellationToken);
        var ipv6 = _dns.QueryIPv6Async(host, cancellationToken);
        var tlsa = _dns.QueryTlsaAsync("_25._tcp." + host, cancellationToken);

        var addresses = AddressLookup.Merge(host, await ipv4.ConfigureAwait(false), await ipv6.ConfigureAwait(false));
        Task<SmtpProbeResult[]> probes = Task.FromResult(Array.Empty<SmtpProbeResult>());
        if (addresses.CanonicalNames.Count > 0)
        {
            var chain = string.Join(" → ", addresses.CanonicalNames.Prepend(host));
            result.Dns.Add(FindingCodes.MxCname, FindingSeverity.Warning, host, "RFC 2181 §10.3", ("mx", host), ("chain", chain));
        }

        if (addresses.Status == DnsLookupStatus.Success)
        {
            if (_options.ProbeSmtp)
            {
                probes = Task.WhenAll(addresses.Records.Select(address => _probe.ProbeAsync(host, address, cancellationToken)));
            }
        }
        else if (addresses.IsAbsent)
        {
            result.Dns.Add(FindingCodes.MxNoAddress, FindingSeverity.Error, host, "RFC 5321 §5.1", ("mx", host), ("status", addresses.Status));
        }
        else
        {
            result.Dns.AddLookupFailure(addresses, "A/AAAA");
        }

        SmtpFindings.AddTlsa(result.Dane, host, await tlsa.ConfigureAwait(false));
        foreach (var probe in await probes.ConfigureAwait(false))
        {
            SmtpFindings.AddProbe(result.Smtp, probe, _options.SmtpPort, _options.CertificateWarningDays, _options.Timeout);
        }

        return result;
    }

    private sealed class HostFindings
    {
        public FindingList Dns { get; } = new(FindingSection.Dns);

        public FindingList Smtp { get; } = new(FindingSection.Smtp);

        public FindingList Dane { get; } = new(FindingSection.Dane);
    }
}
