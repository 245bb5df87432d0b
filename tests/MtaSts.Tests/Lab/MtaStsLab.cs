using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MtaSts.Checks;
using MtaSts.Discovery;

namespace MtaSts.Tests.Lab;

/// <summary>
/// A whole MTA-STS deployment on loopback: an authoritative DNS server, a Kestrel policy host
/// and STARTTLS MX servers, each MX on its own 127.0.0.0/8 address, all trusting a CA made for
/// the test. <see cref="StartAsync"/> publishes a healthy deployment that scenarios then break.
/// </summary>
public sealed class MtaStsLab : IAsyncDisposable
{
    private static int s_nextAddress;
    private readonly List<LabSmtpServer> _smtpServers = [];
    private int _smtpPort;

    private MtaStsLab(string domain, LabCertificateAuthority authority, LabDnsServer dns, LabPolicyServer policyServer)
    {
        Domain = domain;
        Authority = authority;
        Dns = dns;
        PolicyServer = policyServer;
    }

    public string Domain { get; }

    public LabCertificateAuthority Authority { get; }

    public LabDnsServer Dns { get; }

    public LabPolicyServer PolicyServer { get; }

    public IReadOnlyList<LabSmtpServer> SmtpServers => _smtpServers;

    /// <summary>The SMTP port every lab MX listens on.</summary>
    public int SmtpPort => _smtpPort == 0 ? _smtpPort = ReserveSmtpPort() : _smtpPort;

    /// <summary>The limit for each network step during checks.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Starts a lab for <paramref name="domain"/> with one MX, <c>mx1.&lt;domain&gt;</c>, and a valid
    /// <c>mode: enforce</c> policy covering it.
    /// </summary>
    /// <param name="domain">The policy domain in A-label form.</param>
    /// <param name="withMx">Whether to publish <c>mx1.&lt;domain&gt;</c> and the policy covering it.</param>
    /// <param name="policyCertificate">Makes the policy host's certificate, given the lab CA; a valid one by default.</param>
    /// <param name="policyProtocols">The TLS versions the policy host accepts.</param>
    public static async Task<MtaStsLab> StartAsync(
        string domain = "example.test",
        bool withMx = true,
        Func<LabCertificateAuthority, X509Certificate2>? policyCertificate = null,
        SslProtocols policyProtocols = SslProtocols.Tls12 | SslProtocols.Tls13)
    {
        var authority = new LabCertificateAuthority();
        var dns = new LabDnsServer();
        var certificate = policyCertificate?.Invoke(authority) ?? authority.Issue(["mta-sts." + domain]);
        var policyServer = await LabPolicyServer.StartAsync(certificate, policyProtocols);
        var lab = new MtaStsLab(domain, authority, dns, policyServer);

        dns.AddTxt("_mta-sts." + domain, "v=STSv1; id=20240101T000000");
        dns.AddTxt("_smtp._tls." + domain, "v=TLSRPTv1; rua=mailto:tls-reports@" + domain);
        dns.AddAddress("mta-sts." + domain, IPAddress.Loopback);
        if (withMx)
        {
            lab.AddMx("mx1." + domain, 10);
            lab.SetPolicy("enforce", 604800, "mx1." + domain);
        }

        return lab;
    }

    /// <summary>Serves a policy with the given mode, max_age and mx patterns.</summary>
    public void SetPolicy(string mode, long maxAge, params string[] mxPatterns)
    {
        var text = new StringBuilder("version: STSv1\r\n");
        text.Append("mode: ").Append(mode).Append("\r\n");
        foreach (var pattern in mxPatterns)
        {
            text.Append("mx: ").Append(pattern).Append("\r\n");
        }

        text.Append("max_age: ").Append(maxAge).Append("\r\n");
        PolicyServer.Response.Body = Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Returns a fresh loopback address no other lab host in this process uses.</summary>
    public static IPAddress AllocateAddress()
    {
        var n = Interlocked.Increment(ref s_nextAddress);
        return new IPAddress([127, 0, (byte)(10 + (n / 200)), (byte)(10 + (n % 200))]);
    }

    /// <summary>
    /// Publishes an MX record and its A record, and starts an SMTP server with a valid certificate
    /// unless <paramref name="behavior"/> sets another. With <paramref name="startServer"/> false
    /// the address has no listener, so connections are refused.
    /// </summary>
    public LabSmtpServer? AddMx(string host, int preference, SmtpBehavior? behavior = null, bool startServer = true, IPAddress? address = null)
    {
        Dns.AddMx(Domain, preference, host);
        return AddMxAddress(host, behavior, startServer, address);
    }

    /// <summary>Adds another address, with its own server, to an MX host.</summary>
    public LabSmtpServer? AddMxAddress(string host, SmtpBehavior? behavior = null, bool startServer = true, IPAddress? address = null)
    {
        address ??= AllocateAddress();
        Dns.AddAddress(host, address);
        if (!startServer)
        {
            return null;
        }

        behavior ??= new SmtpBehavior();
        behavior.Certificate ??= Authority.Issue([host]);
        var server = new LabSmtpServer(address, SmtpPort, behavior);
        _smtpServers.Add(server);
        return server;
    }

    /// <summary>Builds the options a check of this lab uses; <paramref name="configure"/> may replace any of them.</summary>
    public DomainCheckerOptions CreateOptions(bool probeSmtp = true, byte[]? draftPolicy = null) => new()
    {
        HttpsPort = PolicyServer.Port,
        SmtpPort = SmtpPort,
        Timeout = Timeout,
        TrustAnchors = Authority.Anchors,
        ProbeSmtp = probeSmtp,
        DraftPolicy = draftPolicy,
    };

    public IDnsResolver CreateResolver() => new DnsClientResolver([Dns.EndPoint], Timeout);

    /// <summary>Runs the checker against the lab.</summary>
    public Task<CheckReport> CheckAsync(DomainCheckerOptions? options = null, TimeProvider? time = null, ITcpConnector? connector = null, string? domain = null)
    {
        var checker = new DomainChecker(CreateResolver(), connector ?? SocketTcpConnector.Instance, time ?? TimeProvider.System, options ?? CreateOptions());
        return checker.CheckAsync(domain ?? Domain, CancellationToken.None);
    }

    private static int ReserveSmtpPort()
    {
        // Binding port 0 on a fresh address picks a free port. Every lab MX listens on that port
        // at its own address, because the checker, like a sender, uses one SMTP port for all.
        var probe = new System.Net.Sockets.TcpListener(AllocateAddress(), 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _smtpServers)
        {
            server.Dispose();
        }

        await PolicyServer.DisposeAsync();
        Dns.Dispose();
        Authority.Dispose();
    }
}
