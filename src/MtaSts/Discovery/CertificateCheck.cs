using System.Security.Cryptography.X509Certificates;

namespace MtaSts.Discovery;

/// <summary>
/// How a sender judges a server certificate: chain trust, validity dates and the host name match
/// (RFC 8461 §3.3 for the policy host, §4.2 for MX hosts).
/// </summary>
/// <param name="HostName">The name the certificate was checked against.</param>
/// <param name="Subject">The certificate subject.</param>
/// <param name="Issuer">The certificate issuer.</param>
/// <param name="NotBefore">Start of the validity period (UTC).</param>
/// <param name="NotAfter">End of the validity period (UTC).</param>
/// <param name="DaysLeft">Whole days from the check time to <paramref name="NotAfter"/>, truncated toward zero; negative once expired.</param>
/// <param name="DnsNames">The DNS names the certificate presents (subjectAltName, or the CN when there is none).</param>
/// <param name="IsTrusted">Whether the chain reaches a trust anchor, ignoring validity dates.</param>
/// <param name="NameMatches">Whether a DNS name matches <paramref name="HostName"/> under RFC 6125.</param>
/// <param name="ChainErrors">The chain status texts that made the chain untrusted, in build order.</param>
public sealed record CertificateCheck(
    string HostName,
    string Subject,
    string Issuer,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    int DaysLeft,
    IReadOnlyList<string> DnsNames,
    bool IsTrusted,
    bool NameMatches,
    IReadOnlyList<string> ChainErrors)
{
    /// <summary>The chain status flags that made the chain untrusted; <see cref="X509ChainStatusFlags.NoError"/> when trusted.</summary>
    public X509ChainStatusFlags ChainStatus { get; init; }

    /// <summary>Whether the validity period ended before the check time.</summary>
    public bool IsExpired { get; init; }

    /// <summary>Whether the check time falls before the validity period.</summary>
    public bool IsNotYetValid { get; init; }

    /// <summary>Whether a sender would accept the certificate.</summary>
    public bool IsValid => IsTrusted && NameMatches && !IsExpired && !IsNotYetValid;
}
