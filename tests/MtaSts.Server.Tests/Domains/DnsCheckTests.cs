using System.Net;
using System.Text.Json;
using MtaSts.Server.Tests.Support;
using MtaSts.Tests.Lab;
using Xunit;

namespace MtaSts.Server.Tests.Domains;

/// <summary><c>GET /api/domains/{name}/dns-check</c> against an authoritative DNS server on loopback.</summary>
public sealed class DnsCheckTests : IAsyncLifetime
{
    private readonly LabDnsServer _dns = new();
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(new Dictionary<string, string>
    {
        ["Server:PublicHost"] = "policy.example.net",
        ["Server:ReportUris:0"] = "mailto:tlsrpt@example.net",
        ["Server:Dns:Servers:0"] = _dns.EndPoint.ToString(),
        ["Server:Dns:TimeoutSeconds"] = "2",
    });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _dns.Dispose();
    }

    [Fact]
    public async Task DnsCheck_MatchesPublishedRecords()
    {
        using var client = _server.CreateHttpClient();
        var policyId = await GetPolicyIdAsync(client, "example.com");
        _dns.AddTxt("_mta-sts.example.com", $"v=STSv1; id={policyId};");
        _dns.AddCname("mta-sts.example.com", "policy.example.net");
        _dns.AddAddress("policy.example.net", IPAddress.Parse("192.0.2.10"));
        _dns.AddTxt("_smtp._tls.example.com", "v=TLSRPTv1; rua=mailto:tlsrpt@example.net,mailto:other@example.org");

        var matches = await CheckAsync(client, "example.com");

        Assert.Equal("matches", matches["_mta-sts.example.com"]);
        Assert.Equal("matches", matches["mta-sts.example.com"]);
        Assert.Equal("matches", matches["_smtp._tls.example.com"]);
    }

    [Fact]
    public async Task DnsCheck_FindsStaleAndMissingRecords()
    {
        using var client = _server.CreateHttpClient();
        _dns.AddTxt("_mta-sts.example.org", "v=STSv1; id=20200101T000000;");
        _dns.AddAddress("mta-sts.example.org", IPAddress.Parse("198.51.100.7"));
        _dns.AddAddress("policy.example.net", IPAddress.Parse("192.0.2.10"));

        var matches = await CheckAsync(client, "example.org");

        Assert.Equal("differs", matches["_mta-sts.example.org"]);
        Assert.Equal("differs", matches["mta-sts.example.org"]);
        Assert.Equal("missing", matches["_smtp._tls.example.org"]);
    }

    [Fact]
    public async Task DnsCheck_ReportsFailedLookup()
    {
        using var client = _server.CreateHttpClient();
        _dns.FailWithServFail("_mta-sts.example.com");

        var matches = await CheckAsync(client, "example.com");

        Assert.Equal("lookupFailed", matches["_mta-sts.example.com"]);
    }

    private static async Task<string> GetPolicyIdAsync(HttpClient client, string domain)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/domains/{domain}"));
        return json.RootElement.GetProperty("policyId").GetString()!;
    }

    private static async Task<Dictionary<string, string>> CheckAsync(HttpClient client, string domain)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/domains/{domain}/dns-check"));
        return json.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("match").GetString()!);
    }
}

/// <summary>The DNS check against a resolver on loopback that receives queries and never answers.</summary>
public sealed class DeadResolverDnsCheckTests : IAsyncLifetime
{
    private readonly System.Net.Sockets.UdpClient _silent = new(new IPEndPoint(IPAddress.Loopback, 0));
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(new Dictionary<string, string>
    {
        ["Server:PublicHost"] = "policy.example.net",
        ["Server:ReportUris:0"] = "mailto:tlsrpt@example.net",
        ["Server:Dns:Servers:0"] = _silent.Client.LocalEndPoint!.ToString()!,
        ["Server:Dns:TimeoutSeconds"] = "1",
    });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _silent.Dispose();
    }

    [Fact]
    public async Task DeadResolver_TimesOutOnce()
    {
        using var client = _server.CreateHttpClient();
        var started = System.Diagnostics.Stopwatch.StartNew();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/domains/example.com/dns-check"));

        var elapsed = started.Elapsed;
        var matches = json.RootElement.EnumerateArray().Select(r => r.GetProperty("match").GetString()).ToList();
        Assert.Equal(3, matches.Count);
        Assert.All(matches, m => Assert.Equal("lookupFailed", m));

        // One 1-second timeout for the whole check, not one per record.
        Assert.True(elapsed < TimeSpan.FromSeconds(2.5), $"the check took {elapsed.TotalSeconds:F1} s");
    }
}
