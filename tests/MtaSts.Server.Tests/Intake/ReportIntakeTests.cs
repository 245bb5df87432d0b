using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MtaSts.Server.Tests.Support;
using Xunit;

namespace MtaSts.Server.Tests.Intake;

public sealed class ReportIntakeTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await RunningServer.StartAsync(new Dictionary<string, string> { ["Server:Intake:MaxBodyBytes"] = "65536" });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task JsonReport_StoredWith201()
    {
        using var client = _server.CreateHttpClient();

        using var response = await PostAsync(client, Encoding.UTF8.GetBytes(SampleReports.Json("json-1")), "application/tlsrpt+json");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(await _server.IsStoredAsync("sender.example", "json-1"));
    }

    [Fact]
    public async Task GzipReport_StoredWith201()
    {
        using var client = _server.CreateHttpClient();

        using var response = await PostAsync(client, SampleReports.Gzip(SampleReports.Json("gzip-1")), "application/tlsrpt+gzip");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(await _server.IsStoredAsync("sender.example", "gzip-1"));
    }

    [Fact]
    public async Task HttpsReport_StoredOverTls()
    {
        using var client = _server.CreateHttpsClient();
        using var content = new ByteArrayContent(SampleReports.Gzip(SampleReports.Json("https-1")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/tlsrpt+gzip");

        using var response = await client.PostAsync($"https://mta-sts.example.com:{_server.HttpsPort}/tlsrpt", content);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(await _server.IsStoredAsync("sender.example", "https-1"));
    }

    [Fact]
    public async Task Duplicate_AcceptedAndStoredOnce()
    {
        using var client = _server.CreateHttpClient();
        var body = Encoding.UTF8.GetBytes(SampleReports.Json("dup-1"));

        using var first = await PostAsync(client, body, "application/tlsrpt+json");
        using var second = await PostAsync(client, SampleReports.Gzip(SampleReports.Json("dup-1")), "application/tlsrpt+gzip");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(await _server.IsStoredAsync("sender.example", "dup-1"));
    }

    [Theory]
    [InlineData("text/plain", "a media type other than the two of RFC 8460 §5.4")]
    [InlineData("application/json", "plain JSON without the tlsrpt type")]
    [InlineData("application/gzip", "plain gzip without the tlsrpt type")]
    [InlineData("not a media type", "an unparsable Content-Type")]
    public async Task MediaType_RejectedWith415(string contentType, string reason)
    {
        using var client = _server.CreateHttpClient();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(SampleReports.Json("type-1")));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await client.PostAsync("/tlsrpt", content);
        var problem = await response.Content.ReadAsStringAsync();
        var metrics = await client.GetStringAsync("/metrics");

        Assert.True(response.StatusCode == HttpStatusCode.UnsupportedMediaType, $"{reason}: got {(int)response.StatusCode}");
        Assert.Contains("\"reason\":\"unsupported-media-type\"", problem, StringComparison.Ordinal);
        Assert.Contains("application/tlsrpt+gzip or application/tlsrpt+json", problem, StringComparison.Ordinal);
        Assert.Contains("mtasts_server_reports_rejected_total{channel=\"https\",reason=\"unsupported-media-type\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.False(await _server.IsStoredAsync("sender.example", "type-1"));
    }

    [Fact]
    public async Task MissingContentType_RejectedWith415()
    {
        using var client = _server.CreateHttpClient();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(SampleReports.Json("type-2")));

        using var response = await client.PostAsync("/tlsrpt", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("unsupported-media-type", await ReadReasonAsync(response));
    }

    [Fact]
    public async Task OversizedBody_RejectedWith413()
    {
        using var client = _server.CreateHttpClient();
        var padded = SampleReports.Json("big-1").Replace("\"contact-info\"", $"\"padding\": \"{new string('x', 70000)}\", \"contact-info\"", StringComparison.Ordinal);

        using var response = await PostAsync(client, Encoding.UTF8.GetBytes(padded), "application/tlsrpt+json");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than the 65536 bytes this server accepts", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await _server.IsStoredAsync("sender.example", "big-1"));
    }

    [Fact]
    public async Task ChunkedOversizedBody_RejectedWith413()
    {
        using var client = _server.CreateHttpClient();
        using var content = new StreamContent(new MemoryStream(new byte[100000]));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/tlsrpt+json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/tlsrpt") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("application/tlsrpt+json", "this is not json", "TLSRPT-DECODE-UNKNOWN-FORMAT", "")]
    [InlineData("application/tlsrpt+json", "[]", "TLSRPT-DECODE-JSON-ARRAY-EMPTY", "")]
    [InlineData("application/tlsrpt+json", """{"organization-name": "Org", "report-id": "x", "policies": []}""", "TLSRPT-REPORT-REQUIRED-FIELD-MISSING", "date-range")]
    [InlineData("application/tlsrpt+json", """{"organization-name": "Org", "date-range": {"start-datetime": "2026-12-01T00:00:00Z", "end-datetime": "2026-12-01T23:59:59Z"}, "policies": []}""", "TLSRPT-REPORT-REQUIRED-FIELD-MISSING", "report-id")]
    [InlineData("application/tlsrpt+gzip", "plain text labelled as gzip", "TLSRPT-DECODE-UNKNOWN-FORMAT", "")]
    public async Task NotAReport_RejectedWith400(string contentType, string body, string reason, string detailMentions)
    {
        using var client = _server.CreateHttpClient();

        using var response = await PostAsync(client, Encoding.UTF8.GetBytes(body), contentType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(reason, problem.RootElement.GetProperty("reason").GetString());
        Assert.Contains(detailMentions, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TruncatedGzip_RejectedWith400()
    {
        using var client = _server.CreateHttpClient();
        var gzip = SampleReports.Gzip(SampleReports.Json("cut-1"));

        using var response = await PostAsync(client, gzip[..(gzip.Length / 2)], "application/tlsrpt+gzip");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("TLSRPT-DECODE-GZIP-TRUNCATED", await ReadReasonAsync(response));
    }

    [Fact]
    public async Task UnmanagedDomain_RejectedByDefault()
    {
        using var client = _server.CreateHttpClient();

        using var response = await PostAsync(client, Encoding.UTF8.GetBytes(SampleReports.Json("other-1", "unmanaged.test")), "application/tlsrpt+json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unmanaged-domain", await ReadReasonAsync(response));
        Assert.Contains("covers unmanaged.test, which this server does not manage", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await _server.IsStoredAsync("sender.example", "other-1"));
    }

    [Fact]
    public async Task Metrics_CountIntakeOutcomes()
    {
        using var client = _server.CreateHttpClient();
        using var stored = await PostAsync(client, Encoding.UTF8.GetBytes(SampleReports.Json("metrics-1")), "application/tlsrpt+json");
        using var duplicate = await PostAsync(client, Encoding.UTF8.GetBytes(SampleReports.Json("metrics-1")), "application/tlsrpt+json");
        using var rejected = await PostAsync(client, Encoding.UTF8.GetBytes("not json"), "application/tlsrpt+json");

        var metrics = await client.GetStringAsync("/metrics");

        Assert.Contains("mtasts_server_reports_received_total{channel=\"https\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("mtasts_server_reports_duplicated_total{channel=\"https\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("mtasts_server_reports_rejected_total{channel=\"https\",reason=\"TLSRPT-DECODE-UNKNOWN-FORMAT\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("mtasts_server_intake_duration_seconds_count{channel=\"https\"} 2\n", metrics, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] body, string contentType)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await client.PostAsync("/tlsrpt", content);
    }

    private static async Task<string?> ReadReasonAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("reason").GetString();
    }
}

public sealed class KeepAsideIntakeTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await RunningServer.StartAsync(new Dictionary<string, string> { ["Server:Intake:UnmanagedDomains"] = "KeepAside" });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task UnmanagedDomain_KeptAside()
    {
        using var client = _server.CreateHttpClient();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(SampleReports.Json("aside-1", "unmanaged.test")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/tlsrpt+json");

        using var response = await client.PostAsync("/tlsrpt", content);
        var summary = await client.GetStringAsync("/api/reports/summary");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(summary);
        Assert.Equal(1, json.RootElement.GetProperty("reports").GetInt64());
        Assert.Equal(0, json.RootElement.GetProperty("reportsByDomain").GetProperty("example.com").GetInt64());
        Assert.True(await _server.IsStoredAsync("sender.example", "aside-1"));
    }
}
