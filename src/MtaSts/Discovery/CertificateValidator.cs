using System.Security.Cryptography.X509Certificates;

namespace MtaSts.Discovery;

/// <summary>
/// Validates server certificates the way a sender does: the system's trust anchors plus any
/// extra anchors the caller adds, the check time from a <see cref="TimeProvider"/>, and an
/// RFC 6125 host name match.
/// </summary>
public sealed class CertificateValidator
{
    private readonly X509Certificate2Collection _extraAnchors;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a validator.</summary>
    /// <param name="extraAnchors">Trust anchors accepted in addition to the system store, such as a test CA.</param>
    /// <param name="timeProvider">The clock that decides expiry.</param>
    public CertificateValidator(X509Certificate2Collection? extraAnchors, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _extraAnchors = extraAnchors ?? [];
        _timeProvider = timeProvider;
    }

    /// <summary>Checks <paramref name="certificate"/> for <paramref name="hostName"/>.</summary>
    /// <param name="certificate">The leaf certificate the server presented.</param>
    /// <param name="intermediates">Other certificates the server presented, used to build the chain.</param>
    /// <param name="hostName">The name the sender connected to, in A-label form.</param>
    public CertificateCheck Check(X509Certificate2 certificate, IEnumerable<X509Certificate2> intermediates, string hostName)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(intermediates);
        var now = _timeProvider.GetUtcNow();
        var presented = intermediates.ToArray();

        // The system store first, then the extra anchors alone. When neither accepts the chain,
        // the system store's reasons are the ones a sender would see.
        var (chainErrors, chainStatus) = BuildChain(certificate, presented, now, customRoots: null);
        if (chainErrors.Count > 0 && _extraAnchors.Count > 0 && BuildChain(certificate, presented, now, _extraAnchors).Errors.Count == 0)
        {
            chainErrors = [];
            chainStatus = X509ChainStatusFlags.NoError;
        }

        var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero);
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        var dnsNames = HostNameMatcher.GetDnsNames(certificate);
        return new CertificateCheck(
            hostName,
            certificate.Subject,
            certificate.Issuer,
            notBefore,
            notAfter,
            (int)(notAfter - now).TotalDays,
            dnsNames,
            chainErrors.Count == 0,
            dnsNames.Any(name => HostNameMatcher.Matches(name, hostName)),
            chainErrors)
        {
            ChainStatus = chainStatus,
            IsExpired = now > notAfter,
            IsNotYetValid = now < notBefore,
        };
    }

    private static (List<string> Errors, X509ChainStatusFlags Status) BuildChain(
        X509Certificate2 certificate,
        X509Certificate2[] presented,
        DateTimeOffset now,
        X509Certificate2Collection? customRoots)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        chain.ChainPolicy.ExtraStore.AddRange(presented);
        if (customRoots is not null)
        {
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(customRoots);
        }

        chain.Build(certificate);

        // Validity dates are reported on their own (expired, not yet valid), so they do not make
        // the chain untrusted here.
        const X509ChainStatusFlags dateFlags = X509ChainStatusFlags.NotTimeValid | X509ChainStatusFlags.NotTimeNested;
        var errors = new List<string>();
        var flags = X509ChainStatusFlags.NoError;
        foreach (var status in chain.ChainStatus)
        {
            if ((status.Status & ~dateFlags) != X509ChainStatusFlags.NoError)
            {
                errors.Add($"{status.Status}: {status.StatusInformation.Trim()}");
                flags |= status.Status & ~dateFlags;
            }
        }

        foreach (var element in chain.ChainElements)
        {
            element.Certificate.Dispose();
        }

        return (errors, flags);
    }
}
