using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MtaSts.Server.Api;
using MtaSts.Server.Tests.Support;
using Xunit;

namespace MtaSts.Server.Tests.Api;

public sealed class DomainApiTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(new Dictionary<string, string>
    {
        ["Server:PublicHost"] = "policy.example.net",
        ["Server:ReportUris:0"] = "mailto:tlsrpt@example.net",
        ["Server:ReportUris:1"] = "https://policy.example.net/tlsrpt",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task List_ReturnsManagedDomains()
    {
        using var client = _server.CreateHttpClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/domains"));

        var names = json.RootElement.EnumerateArray().Select(d => d.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["example.com", "example.org"], names);
    }

    [Fact]
    public async Task Get_ListsDnsRecordsToPublish()
    {
        using var client = _server.CreateHttpClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/domains/example.com"));

        var policyId = json.RootElement.GetProperty("policyId").GetString();
        var records = json.RootElement.GetProperty("dnsRecords").EnumerateArray()
            .Select(r => $"{r.GetProperty("name").GetString()} {r.GetProperty("type").GetString()} {r.GetProperty("value").GetString()}")
            .ToArray();
        Assert.Equal(3, records.Length);
        Assert.Equal($"_mta-sts.example.com TXT v=STSv1; id={policyId};", records[0]);
        Assert.Equal("mta-sts.example.com CNAME policy.example.net.", records[1]);
        Assert.Equal("_smtp._tls.example.com TXT v=TLSRPTv1; rua=mailto:tlsrpt@example.net,https://policy.example.net/tlsrpt", records[2]);
        Assert.Equal("testing", json.RootElement.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Add_ServesPolicyAtOnce()
    {
        using var client = _server.CreateHttpClient();
        var request = new AddDomainRequest("New.Example.", new PolicyModel("testing", ["mx.new.example"], 86400));

        using var response = await client.PostAsJsonAsync("/api/domains", request);
        using var policyRequest = new HttpRequestMessage(HttpMethod.Get, "/.well-known/mta-sts.txt");
        policyRequest.Headers.Host = "mta-sts.new.example";
        using var policy = await client.SendAsync(policyRequest);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/domains/new.example", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, policy.StatusCode);
        Assert.Equal("version: STSv1\r\nmode: testing\r\nmx: mx.new.example\r\nmax_age: 86400\r\n", await policy.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PromoteAndRetire_ChangeServedMode()
    {
        using var client = _server.CreateHttpClient();

        using var promoted = await client.PostAsync("/api/domains/example.com/promote", null);
        var enforce = await GetPolicyAsync(client, "mta-sts.example.com");
        using var retired = await client.PostAsync("/api/domains/example.com/retire", null);
        var none = await GetPolicyAsync(client, "mta-sts.example.com");
        using var removeEarly = await client.DeleteAsync("/api/domains/example.com");

        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        Assert.Contains("mode: enforce\r\n", enforce, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.Contains("mode: none\r\n", none, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, removeEarly.StatusCode);
        Assert.Contains("RetirementNotOver", await removeEarly.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name": "192.0.2.1", "policy": {"mode": "testing", "mx": ["mx.example"], "maxAge": 86400}}""", "name", "an IP address is not a policy domain")]
    [InlineData("""{"name": "a.example", "policy": {"mode": "strict", "mx": ["mx.example"], "maxAge": 86400}}""", "mode", "strict is not a mode")]
    [InlineData("""{"name": "a.example", "policy": {"mode": "1", "mx": ["mx.example"], "maxAge": 86400}}""", "mode", "a number is not a mode")]
    [InlineData("""{"name": "a.example", "policy": {"mode": "testing", "mx": [], "maxAge": 86400}}""", "mx", "testing needs an MX pattern")]
    [InlineData("""{"name": "a.example", "policy": {"mode": "testing", "mx": ["mx..example"], "maxAge": 86400}}""", "mx", "an empty label")]
    [InlineData("""{"name": "a.example", "policy": {"mode": "testing", "mx": ["mx.example"], "maxAge": 0}}""", "maxAge", "max_age below 1")]
    [InlineData("""{"name": "a.example", "policy": {"mode": "testing", "mx": ["mx.example"], "maxAge": 31557601}}""", "maxAge", "max_age above RFC 8461's limit")]
    [InlineData("""{"name": "a.example", "policy": {"mode": "testing", "mx": ["mx.example"], "maxAge": "abc"}}""", "policy.maxAge", "max_age not a number")]
    [InlineData("""{"name": "a.example", "policy": {"mode": "testing", "mx": "mx.example", "maxAge": 86400}}""", "policy.mx", "mx not a list")]
    [InlineData("""{"name": "a.example", "policy": """, "policy", "JSON truncated in the policy")]
    [InlineData("""not json""", "body", "not JSON")]
    [InlineData("""null""", "body", "a null body")]
    [InlineData("""{"name": "a.example"}""", "policy", "the policy is missing")]
    [InlineData("""{"policy": {"mode": "testing", "mx": ["mx.example"], "maxAge": 86400}}""", "name", "the name is missing")]
    [InlineData("""{"name": "a.example", "policy": {"mx": ["mx.example"], "maxAge": 86400}}""", "mode", "the mode is missing")]
    public async Task Add_RejectsInvalidRequest(string body, string field, string reason)
    {
        using var client = _server.CreateHttpClient();
        using var content = new StringContent(body, new MediaTypeHeaderValue("application/json"));

        using var response = await client.PostAsync("/api/domains", content);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{reason}: got {(int)response.StatusCode}");
        Assert.Equal(field, problem.RootElement.GetProperty("field").GetString());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("detail").GetString()), $"{reason}: no detail");
    }

    [Fact]
    public async Task Add_MissingPolicyNamed()
    {
        using var client = _server.CreateHttpClient();
        using var content = new StringContent("""{"name": "a.example"}""", new MediaTypeHeaderValue("application/json"));

        using var response = await client.PostAsync("/api/domains", content);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("The policy is missing; give an object with mode, mx and maxAge.", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task SetPolicy_InvalidJsonNamesField()
    {
        using var client = _server.CreateHttpClient();
        using var content = new StringContent("""{"mode": "testing", "mx": ["mx.example"], "maxAge": "abc"}""", new MediaTypeHeaderValue("application/json"));

        using var response = await client.PutAsync("/api/domains/example.com/policy", content);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("maxAge", problem.RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Get_NotFoundForUnmanagedDomain()
    {
        using var client = _server.CreateHttpClient();

        using var response = await client.GetAsync("/api/domains/unmanaged.test");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("Forwarded", "for=203.0.113.7")]
    public async Task Api_RejectsProxiedRequestWithoutToken(string header, string value)
    {
        using var client = _server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/domains");
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_DescribesApi()
    {
        using var client = _server.CreateHttpClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/openapi.json"));

        var paths = json.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/domains", out _));
        Assert.True(paths.TryGetProperty("/api/domains/{name}/promote", out _));
        Assert.True(paths.TryGetProperty("/tlsrpt", out _));
    }

    [Fact]
    public async Task OpenApi_DeclaresTitleTokenAndErrors()
    {
        using var client = _server.CreateHttpClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/openapi.json"));

        var root = json.RootElement;
        var add = root.GetProperty("paths").GetProperty("/api/domains").GetProperty("post");
        var intake = root.GetProperty("paths").GetProperty("/tlsrpt").GetProperty("post");
        Assert.Equal("mtasts API", root.GetProperty("info").GetProperty("title").GetString());
        Assert.Equal("bearer", root.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.True(add.TryGetProperty("security", out _));
        Assert.False(intake.TryGetProperty("security", out _));
        Assert.True(add.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(add.GetProperty("responses").TryGetProperty("401", out _));
        Assert.True(add.GetProperty("responses").TryGetProperty("409", out _));
    }

    private static async Task<string> GetPolicyAsync(HttpClient client, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/mta-sts.txt");
        request.Headers.Host = host;
        using var response = await client.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }
}

public sealed class ApiTokenTests : IAsyncLifetime
{
    private const string Token = "test-admin-token-6f1d";

    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(new Dictionary<string, string>
    {
        ["Server:Api:AdminTokenHash"] = AdminToken.Hash(Token),
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(null, "no Authorization header")]
    [InlineData("Bearer wrong-token", "a wrong token")]
    [InlineData("Basic dGVzdA==", "another scheme")]
    [InlineData("Bearer ", "an empty token")]
    public async Task Api_RejectsWithoutToken(string? authorization, string reason)
    {
        using var client = _server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/domains");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{reason}: got {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Api_AcceptsAdminToken()
    {
        using var client = _server.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        using var first = await client.GetAsync("/api/domains");
        using var second = await client.GetAsync("/api/domains");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task Policy_NeedsNoToken()
    {
        using var client = _server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/mta-sts.txt");
        request.Headers.Host = "mta-sts.example.com";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("sha256$abc", "an unknown scheme")]
    [InlineData("pbkdf2-sha256$x$abc$def", "a non-numeric iteration count")]
    [InlineData("pbkdf2-sha256$1000$***$def", "a salt that is not base64")]
    public void Verify_RejectsMalformedHash(string storedHash, string reason)
    {
        Assert.False(AdminToken.Verify(Token, storedHash), reason);
    }
}
