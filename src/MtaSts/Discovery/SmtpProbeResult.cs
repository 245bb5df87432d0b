using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace MtaSts.Discovery;

/// <summary>What a sender sees when delivering to one address of one MX host.</summary>
/// <param name="MxHost">The MX host name, also the SNI and the name the certificate must match.</param>
/// <param name="Address">The address probed.</param>
/// <param name="Status">How the probe ended.</param>
public sealed record SmtpProbeResult(string MxHost, IPAddress Address, SmtpProbeStatus Status)
{
    /// <summary>The step that failed or timed out, or <see langword="null"/> on success.</summary>
    public SmtpProbeStep? FailedStep { get; init; }

    /// <summary>The greeting.</summary>
    public SmtpReply? Banner { get; init; }

    /// <summary>The EHLO reply.</summary>
    public SmtpReply? Ehlo { get; init; }

    /// <summary>The reply to STARTTLS.</summary>
    public SmtpReply? StartTls { get; init; }

    /// <summary>The negotiated TLS version.</summary>
    public SslProtocols? TlsProtocol { get; init; }

    /// <summary>The negotiated cipher suite.</summary>
    public TlsCipherSuite? CipherSuite { get; init; }

    /// <summary>The certificate verdict, when the server sent a certificate.</summary>
    public CertificateCheck? Certificate { get; init; }

    /// <summary>Why the TCP connection failed, for <see cref="SmtpProbeStatus.ConnectFailed"/>.</summary>
    public SocketError? SocketError { get; init; }

    /// <summary>The error text of the failed step.</summary>
    public string? Error { get; init; }

    /// <summary>How long the probe took.</summary>
    public TimeSpan Elapsed { get; init; }
}
