namespace MtaSts.Discovery;

/// <summary>How an SMTP STARTTLS probe of one MX address ended.</summary>
public enum SmtpProbeStatus
{
    /// <summary>STARTTLS and the TLS handshake succeeded; see the certificate verdict.</summary>
    Success,

    /// <summary>The TCP connection failed.</summary>
    ConnectFailed,

    /// <summary>A step did not finish within the timeout.</summary>
    Timeout,

    /// <summary>The greeting was not 220.</summary>
    BannerRejected,

    /// <summary>The server replied to EHLO with an error.</summary>
    EhloRejected,

    /// <summary>The EHLO reply does not offer STARTTLS.</summary>
    StartTlsNotOffered,

    /// <summary>The server replied to STARTTLS with a code other than 220.</summary>
    StartTlsRejected,

    /// <summary>The TLS handshake failed.</summary>
    TlsFailed,

    /// <summary>The server sent a malformed reply or closed the connection.</summary>
    ProtocolError,
}

/// <summary>A step of the SMTP probe.</summary>
public enum SmtpProbeStep
{
    /// <summary>Opening the TCP connection.</summary>
    Connect,

    /// <summary>Waiting for the 220 greeting.</summary>
    Banner,

    /// <summary>Sending EHLO and reading the reply.</summary>
    Ehlo,

    /// <summary>Sending STARTTLS and reading the reply.</summary>
    StartTls,

    /// <summary>The TLS handshake.</summary>
    Handshake,
}
