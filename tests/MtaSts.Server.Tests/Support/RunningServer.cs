using System.Net.Security;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using MtaSts.Policies;
using MtaSts.Server.Domains;
using MtaSts.Server.Hosting;

namespace MtaSts.Server.Tests.Support;

/// <summary>
/// The real server on loopback: Kestrel with HTTPS and plain HTTP on ports 0, a SQLite store in a
/// temporary folder, test certificates, and two managed domains.
/// </summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private readonly string _folder;

    private RunningServer(string folder, TestCertificates certificates, WebApplication app, string storePath)
    {
        _folder = folder;
        Certificates = certificates;
        App = app;
        StorePath = storePath;
        foreach (var address in MtaStsServer.GetAddresses(app))
        {
            var uri = new Uri(address);
            if (uri.Scheme == "https")
            {
                HttpsPort = uri.Port;
            }
            else
            {
                HttpPort = uri.Port;
            }
        }
    }

    public TestCertificates Certificates { get; }

    public WebApplication App { get; }

    public string StorePath { get; }

    public int HttpsPort { get; }

    public int HttpPort { get; }

    public static StsPolicy ExampleComPolicy { get; } =
        StsPolicy.Create(PolicyMode.Testing, [MxPattern.Parse("mx1.example.com"), MxPattern.Parse("*.mail.example.com")], 604800);

    public static StsPolicy ExampleOrgPolicy { get; } =
        StsPolicy.Create(PolicyMode.Enforce, [MxPattern.Parse("mx.example.org")], 86400);

    /// <summary>Starts the server; <paramref name="settings"/> adds configuration keys such as <c>Server:Intake:MaxBodyBytes</c>.</summary>
    public static async Task<RunningServer> StartAsync(IReadOnlyDictionary<string, string>? settings = null, string urls = "https://127.0.0.1:0;http://127.0.0.1:0")
    {
        var folder = Directory.CreateTempSubdirectory("mtasts-server-test-").FullName;
        var certificates = new TestCertificates(folder);
        var exampleCom = certificates.Issue("mta-sts.example.com", "mta-sts.example.com");
        var exampleOrg = certificates.Issue("mta-sts.example.org", "mta-sts.example.org");
        var wildcard = certificates.Issue("wildcard.example.net", "*.example.net");
        var storePath = Path.Combine(folder, "mtasts.db");

        var catalog = await SqliteDomainCatalog.OpenAsync(storePath, TimeProvider.System);
        await catalog.AddAsync("example.com", ExampleComPolicy);
        await catalog.AddAsync("example.org", ExampleOrgPolicy);

        var arguments = new Dictionary<string, string>
        {
            ["urls"] = urls,
            ["Server:Store"] = storePath,
            ["Server:Tls:ReloadCheckSeconds"] = "0",
            ["Server:Tls:Certificates:0:Name"] = "mta-sts.example.com",
            ["Server:Tls:Certificates:0:CertificateFile"] = exampleCom.CertificateFile,
            ["Server:Tls:Certificates:0:KeyFile"] = exampleCom.KeyFile,
            ["Server:Tls:Certificates:1:Name"] = "mta-sts.example.org",
            ["Server:Tls:Certificates:1:CertificateFile"] = exampleOrg.CertificateFile,
            ["Server:Tls:Certificates:1:KeyFile"] = exampleOrg.KeyFile,
            ["Server:Tls:Certificates:2:Name"] = "*.example.net",
            ["Server:Tls:Certificates:2:CertificateFile"] = wildcard.CertificateFile,
            ["Server:Tls:Certificates:2:KeyFile"] = wildcard.KeyFile,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            arguments[key] = value;
        }

        var app = await MtaStsServer.BuildAsync([.. arguments.Select(a => $"--{a.Key}={a.Value}")]);
        await app.StartAsync();
        return new RunningServer(folder, certificates, app, storePath);
    }

    /// <summary>
    /// Creates a client for <c>https://NAME:PORT/</c> URLs that dials 127.0.0.1, sends NAME as SNI
    /// and trusts only the test CA.
    /// </summary>
    public HttpClient CreateHttpsClient()
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(System.Net.IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) => Certificates.Validate(certificate),
            },
        };
        return new HttpClient(handler);
    }

    /// <summary>Creates a client for the plain HTTP endpoint.</summary>
    public HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}") };

    /// <summary>Checks whether the report store holds the report that <paramref name="organization"/> sent with <paramref name="reportId"/>.</summary>
    /// <param name="organization">The reporter as the store keys it: the domain of the report's contact-info.</param>
    /// <param name="reportId">The report-id.</param>
    public async Task<bool> IsStoredAsync(string organization, string reportId)
    {
        await using var store = await MtaSts.Storage.ReportStore.OpenAsync(StorePath);
        return await store.ContainsAsync(new MtaSts.Storage.ReportKey(organization, reportId));
    }

    /// <summary>Counts the reports in the store.</summary>
    public async Task<long> CountStoredAsync()
    {
        await using var store = await MtaSts.Storage.ReportStore.OpenAsync(StorePath);
        var summary = await store.SummarizeAsync(MtaSts.Storage.ReportFilter.All, null);
        return summary.Totals.Reports;
    }

    public string PolicyUrl(string host) => $"https://{host}:{HttpsPort}/.well-known/mta-sts.txt";

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Certificates.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
