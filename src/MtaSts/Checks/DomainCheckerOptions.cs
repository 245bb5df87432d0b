using System.Security.Cryptography.X509Certificates;

namespace MtaSts.Checks;

/// <summary>Settings of a <see cref="DomainChecker"/>.</summary>
public sealed class DomainCheckerOptions
{
    /// <summary>The port of the policy host; senders always use 443, so change it only for test labs.</summary>
    public int HttpsPort { get; init; } = 443;

    /// <summary>The SMTP port of the MX hosts; senders always use 25, so change it only for test labs.</summary>
    public int SmtpPort { get; init; } = 25;

    /// <summary>The limit for each network step: one DNS query, a connect, a handshake, one SMTP reply.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Trust anchors accepted in addition to the system store, for the policy host and the MX hosts.</summary>
    public X509Certificate2Collection? TrustAnchors { get; init; }

    /// <summary>Whether to connect to each MX address on the SMTP port.</summary>
    public bool ProbeSmtp { get; init; } = true;

    /// <summary>A draft policy to check against the live MX hosts instead of fetching the published one.</summary>
    public byte[]? DraftPolicy { get; init; }

    /// <summary>The name sent in EHLO.</summary>
    public string ClientName { get; init; } = "mtasts-check.localhost";

    /// <summary>Certificates that expire within this many days get a warning.</summary>
    public int CertificateWarningDays { get; init; } = 14;
}
