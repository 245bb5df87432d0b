using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace MtaSts.Discovery;

/// <summary>
/// Runs a client TLS handshake with SNI set to the host name and keeps the certificate verdict,
/// so a failed handshake still reports why the certificate was rejected.
/// </summary>
internal sealed class TlsHandshake
{
    private readonly CertificateValidator _validator;
    private readonly string _hostName;

    public TlsHandshake(CertificateValidator validator, string hostName)
    {
        _validator = validator;
        _hostName = hostName;
    }

    /// <summary>The certificate verdict, once the server has sent its certificate.</summary>
    public CertificateCheck? Certificate { get; private set; }

    /// <summary>
    /// Authenticates as a client over <paramref name="inner"/>. When <paramref name="requireValidCertificate"/>
    /// is <see langword="false"/> the handshake completes whatever the certificate, so the caller can
    /// still report the TLS version and cipher.
    /// </summary>
    /// <exception cref="AuthenticationException">The handshake failed or the certificate was rejected.</exception>
    public async Task<SslStream> AuthenticateAsync(
        Stream inner,
        SslProtocols protocols,
        bool requireValidCertificate,
        CancellationToken cancellationToken)
    {
        var stream = new SslStream(inner, leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = _hostName,
            EnabledSslProtocols = protocols,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = (_, certificate, chain, _) =>
            {
                if (certificate is null)
                {
                    return false;
                }

                var leaf = certificate as X509Certificate2 ?? new X509Certificate2(certificate);
                // The certificates the server sent besides the leaf, wherever the platform put them.
                var presented = chain is null
                    ? []
                    : chain.ChainPolicy.ExtraStore.Cast<X509Certificate2>()
                        .Concat(chain.ChainElements.Skip(1).Select(e => e.Certificate))
                        .ToArray();
                Certificate = _validator.Check(leaf, presented, _hostName);
                return !requireValidCertificate || Certificate.IsValid;
            },
        };

        try
        {
            await stream.AuthenticateAsClientAsync(options, cancellationToken).ConfigureAwait(false);
            return stream;
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
