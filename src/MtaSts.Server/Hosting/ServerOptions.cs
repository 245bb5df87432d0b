namespace MtaSts.Server.Hosting;

/// <summary>The <c>Server</c> configuration section: store, certificates, intake, SMTP and API settings.</summary>
public sealed class ServerOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Server";

    /// <summary>
    /// The SQLite file for domains and reports; <see langword="null"/> for
    /// <c>mtasts/reports.db</c> under the user's local application data folder.
    /// </summary>
    public string? Store { get; set; }

    /// <summary>
    /// The host name that the <c>mta-sts.&lt;domain&gt;</c> names should point at (CNAME), such as
    /// <c>policy.example.net</c>, shown in the DNS instructions per domain.
    /// </summary>
    public string? PublicHost { get; set; }

    /// <summary>
    /// The report URIs of this server, such as <c>mailto:tlsrpt@example.net</c> and
    /// <c>https://policy.example.net/tlsrpt</c>, published in each domain's <c>_smtp._tls</c> record.
    /// </summary>
    public List<string> ReportUris { get; set; } = [];

    /// <summary>TLS certificates and protocol settings.</summary>
    public TlsOptions Tls { get; set; } = new();

    /// <summary>HTTPS report intake settings.</summary>
    public IntakeOptions Intake { get; set; } = new();

    /// <summary>SMTP report intake settings.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The DNS servers that the DNS check of each domain queries.</summary>
    public DnsOptions Dns { get; set; } = new();

    /// <summary>IMAP mailbox polling settings.</summary>
    public ImapOptions Imap { get; set; } = new();

    /// <summary>JSON API settings.</summary>
    public ApiOptions Api { get; set; } = new();
}

/// <summary>The resolvers used to compare what is live in DNS with the records to publish.</summary>
public sealed class DnsOptions
{
    /// <summary>Resolvers as <c>IP</c> or <c>IP:PORT</c>; empty uses the system's resolvers.</summary>
    public List<string> Servers { get; set; } = [];

    /// <summary>Seconds to wait for each DNS response.</summary>
    public double TimeoutSeconds { get; set; } = 5;
}

/// <summary>Polling of an IMAP mailbox that receives reports (RFC 8460 §5.3), over implicit TLS.</summary>
public sealed class ImapOptions
{
    /// <summary>Whether the mailbox is polled.</summary>
    public bool Enabled { get; set; }

    /// <summary>The folder to read, as <c>imaps://user@host:port/Folder</c>, without a password in the URL.</summary>
    public string? Mailbox { get; set; }

    /// <summary>The password; prefer <see cref="PasswordFile"/> or the environment variable <c>Server__Imap__Password</c>.</summary>
    public string? Password { get; set; }

    /// <summary>A file whose first line is the password.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>A PEM file with a certificate authority trusted besides the system ones, for a private CA.</summary>
    public string? CaFile { get; set; }

    /// <summary>The folder that messages move to once all their reports are stored; <see langword="null"/> leaves them in place.</summary>
    public string? MoveTo { get; set; }

    /// <summary>Seconds between polls.</summary>
    public double IntervalSeconds { get; set; } = 300;
}

/// <summary>The certificates served per SNI name.</summary>
public sealed class TlsOptions
{
    /// <summary>One PEM certificate and key per host name or wildcard.</summary>
    public List<CertificateOptions> Certificates { get; set; } = [];

    /// <summary>Seconds between checks of the certificate files for changes; 0 checks on every handshake.</summary>
    public double ReloadCheckSeconds { get; set; } = 5;
}

/// <summary>One certificate served for a host name.</summary>
public sealed class CertificateOptions
{
    /// <summary>The SNI name it is served for: an exact name such as <c>mta-sts.example.com</c>, or a wildcard such as <c>*.example.com</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>The PEM file with the certificate, followed by its intermediate certificates.</summary>
    public string CertificateFile { get; set; } = "";

    /// <summary>The PEM file with the private key.</summary>
    public string KeyFile { get; set; } = "";
}

/// <summary>What HTTPS and SMTP intake do with a report that covers no managed domain.</summary>
public enum UnmanagedDomainAction
{
    /// <summary>Reject the report: HTTP 400, SMTP 550.</summary>
    Reject,

    /// <summary>Store the report apart from the reports of managed domains.</summary>
    KeepAside,
}

/// <summary>HTTPS report intake (RFC 8460 §5.4).</summary>
public sealed class IntakeOptions
{
    /// <summary>The path that accepts <c>POST</c> of reports.</summary>
    public string Path { get; set; } = "/tlsrpt";

    /// <summary>The largest request body accepted, in bytes; larger bodies get 413.</summary>
    public long MaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>The largest report accepted after gzip decompression, in bytes.</summary>
    public long MaxReportBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>What to do with a report that covers no managed domain.</summary>
    public UnmanagedDomainAction UnmanagedDomains { get; set; } = UnmanagedDomainAction.Reject;
}

/// <summary>SMTP report intake (RFC 8460 §5.3).</summary>
public sealed class SmtpOptions
{
    /// <summary>Whether the SMTP listener runs.</summary>
    public bool Enabled { get; set; }

    /// <summary>The IP address the listener binds to.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The TCP port; 0 picks a free port.</summary>
    public int Port { get; set; } = 25;

    /// <summary>The name this server gives in its greeting and EHLO reply.</summary>
    public string ServerName { get; set; } = "localhost";

    /// <summary>The addresses that accept reports, such as <c>tlsrpt@example.net</c>; mail to any other recipient is rejected at RCPT.</summary>
    public List<string> Recipients { get; set; } = [];

    /// <summary>The SNI name whose certificate is offered with STARTTLS; <see langword="null"/> for <see cref="ServerName"/>.</summary>
    public string? CertificateName { get; set; }

    /// <summary>The largest message accepted, in bytes.</summary>
    public int MaxMessageBytes { get; set; } = 16 * 1024 * 1024;
}

/// <summary>The JSON API under <c>/api</c>.</summary>
public sealed class ApiOptions
{
    /// <summary>
    /// The hash of the admin token, as printed by <c>mtasts serve hash-token</c>. Without it the API
    /// accepts only requests from loopback addresses.
    /// </summary>
    public string? AdminTokenHash { get; set; }
}
