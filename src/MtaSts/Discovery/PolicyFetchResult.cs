using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace MtaSts.Discovery;

/// <summary>What a sender would see when fetching the policy of a domain.</summary>
/// <param name="Url">The policy URL, <c>https://mta-sts.&lt;domain&gt;/.well-known/mta-sts.txt</c>.</param>
/// <param name="Status">How the fetch ended.</param>
public sealed record PolicyFetchResult(string Url, PolicyFetchStatus Status)
{
    /// <summary>The address the fetch connected to, or <see langword="null"/> before a connection.</summary>
    public IPAddress? Address { get; init; }

    /// <summary>The HTTPS port the fetch used; 443 except in test labs.</summary>
    public int Port { get; init; } = 443;

    /// <summary>The step that failed or timed out, once a connection was attempted.</summary>
    public PolicyFetchStep? FailedStep { get; init; }

    /// <summary>Why the TCP connection failed, for <see cref="PolicyFetchStatus.ConnectFailed"/>.</summary>
    public SocketError? SocketError { get; init; }

    /// <summary>The CNAME targets followed from the policy host, in order; the certificate must still name the policy host.</summary>
    public IReadOnlyList<string> HostCanonicalNames { get; init; } = [];

    /// <summary>The outcome of the A and AAAA lookups of the policy host, when they failed.</summary>
    public DnsLookupStatus? HostLookupStatus { get; init; }

    /// <summary>The negotiated TLS version, after a successful handshake.</summary>
    public SslProtocols? TlsProtocol { get; init; }

    /// <summary>The negotiated cipher suite, after a successful handshake.</summary>
    public TlsCipherSuite? CipherSuite { get; init; }

    /// <summary>The server certificate as a sender judges it, when the server sent one.</summary>
    public CertificateCheck? Certificate { get; init; }

    /// <summary>The HTTP status code, when a response arrived.</summary>
    public int? HttpStatusCode { get; init; }

    /// <summary>The <c>Location</c> header of a redirect.</summary>
    public string? Location { get; init; }

    /// <summary>The <c>Content-Type</c> header as sent, or <see langword="null"/> when absent.</summary>
    public string? ContentType { get; init; }

    /// <summary>The body bytes of a successful fetch.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The error text of a failed step, for the report.</summary>
    public string? Error { get; init; }
}
