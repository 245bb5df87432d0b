namespace MtaSts.Discovery;

/// <summary>How a policy fetch ended (RFC 8461 §3.3).</summary>
public enum PolicyFetchStatus
{
    /// <summary>HTTP 200 with a <c>text/plain</c> body within the size limit.</summary>
    Success,

    /// <summary>The policy host has no A or AAAA record.</summary>
    HostNotFound,

    /// <summary>The policy host's address lookup failed (SERVFAIL, timeout).</summary>
    HostLookupFailed,

    /// <summary>No TCP connection could be opened to any address of the policy host.</summary>
    ConnectFailed,

    /// <summary>The TLS handshake failed for a reason other than the certificate, such as no common protocol version.</summary>
    TlsFailed,

    /// <summary>The certificate is expired, untrusted or does not match the policy host.</summary>
    CertificateInvalid,

    /// <summary>The server returned a 3xx redirect, which senders never follow.</summary>
    Redirect,

    /// <summary>The server returned a status other than 200.</summary>
    HttpStatus,

    /// <summary>The media type is not <c>text/plain</c>.</summary>
    WrongMediaType,

    /// <summary>The body is larger than the 64 KiB senders read.</summary>
    TooLarge,

    /// <summary>A network step did not finish within the timeout.</summary>
    Timeout,

    /// <summary>The HTTP exchange failed after the handshake (connection closed, malformed response).</summary>
    ProtocolError,
}

/// <summary>A network step of the policy fetch, named in timeouts.</summary>
public enum PolicyFetchStep
{
    /// <summary>Opening the TCP connection.</summary>
    Connect,

    /// <summary>The TLS handshake.</summary>
    Handshake,

    /// <summary>Sending the request and reading the response.</summary>
    Response,
}
