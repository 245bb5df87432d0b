using System.Text.Json;
using MtaSts.Server.Tests.Support;
using Xunit;

namespace MtaSts.Server.Tests.Cli;

/// <summary>Runs the built <c>mtasts</c> command as a child process against a store in a temporary folder.</summary>
public sealed class DomainsCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mtasts-domains-cli-").FullName;

    private string Store => Path.Combine(_folder, "mtasts.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Add_PrintsPolicyIdAndRecords()
    {
        var (exitCode, output, error) = await RunAsync("domains", "add", "example.com", "--mx", "mx1.example.com", "--mx", "*.mail.example.com", "--mode", "testing", "--max-age", "604800");

        Assert.True(exitCode == 0, error);
        Assert.Contains("Added example.com with policy id ", output, StringComparison.Ordinal);
        Assert.Contains("_mta-sts.example.com.  IN TXT \"v=STSv1; id=", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lifecycle_PromoteRetireThenRemoveRejected()
    {
        await RunAsync("domains", "add", "example.com", "--mx", "mx1.example.com");

        var promote = await RunAsync("domains", "promote", "example.com", "--json");
        var promoteAgain = await RunAsync("domains", "promote", "example.com");
        var retire = await RunAsync("domains", "retire", "example.com", "--json");
        var remove = await RunAsync("domains", "remove", "example.com");

        using var promoted = JsonDocument.Parse(promote.Output);
        using var retired = JsonDocument.Parse(retire.Output);
        Assert.Equal("enforce", promoted.RootElement.GetProperty("state").GetString());
        Assert.Equal(1, promoteAgain.ExitCode);
        Assert.Contains("is not in mode testing", promoteAgain.Error, StringComparison.Ordinal);
        Assert.Equal("retired", retired.RootElement.GetProperty("state").GetString());
        Assert.Equal("none", retired.RootElement.GetProperty("policy").GetProperty("mode").GetString());
        Assert.Equal(1, remove.ExitCode);
        Assert.Contains("can be removed from ", remove.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ShowsDomainsInSpanish()
    {
        await RunAsync("domains", "add", "example.com", "--mx", "mx1.example.com");

        var (exitCode, output, _) = await RunAsync("--lang", "es", "domains", "list");

        Assert.Equal(0, exitCode);
        Assert.Contains("Dominio", output, StringComparison.Ordinal);
        Assert.Contains("example.com", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, "'192.0.2.1' is not a valid policy domain", "domains", "add", "192.0.2.1", "--mx", "mx.example")]
    [InlineData(2, "invalid MX pattern 'mx..example'", "domains", "add", "a.example", "--mx", "mx..example")]
    [InlineData(2, "invalid --max-age 0", "domains", "add", "a.example", "--mx", "mx.example", "--max-age", "0")]
    [InlineData(2, "give at least one --mx", "domains", "add", "a.example")]
    [InlineData(1, "a.example is not managed here", "domains", "show", "a.example")]
    public async Task BadInput_GivesOneLineError(int expectedExitCode, string expectedMessage, params string[] arguments)
    {
        var (exitCode, _, error) = await RunAsync(arguments);

        Assert.Equal(expectedExitCode, exitCode);
        Assert.Contains(expectedMessage, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Show_ChecksLiveDns()
    {
        using var dns = new MtaSts.Tests.Lab.LabDnsServer();
        var add = await RunAsync("domains", "add", "example.com", "--mx", "mx1.example.com", "--json");
        using var added = JsonDocument.Parse(add.Output);
        var policyId = added.RootElement.GetProperty("policyId").GetString();
        dns.AddTxt("_mta-sts.example.com", $"v=STSv1; id={policyId};");
        dns.AddTxt("_mta-sts.example.org", "v=STSv1; id=20200101T000000;");

        var current = await RunAsync("domains", "show", "example.com", "--check-dns", "--dns-server", dns.EndPoint.ToString(), "--json");
        await RunAsync("domains", "add", "example.org", "--mx", "mx.example.org");
        var stale = await RunAsync("domains", "show", "example.org", "--check-dns", "--dns-server", dns.EndPoint.ToString());

        using var currentJson = JsonDocument.Parse(current.Output);
        var checks = currentJson.RootElement.GetProperty("dnsCheck").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("match").GetString());
        Assert.Equal(0, current.ExitCode);
        Assert.Equal("matches", checks["_mta-sts.example.com"]);
        Assert.Equal("notChecked", checks["mta-sts.example.com"]);
        Assert.Equal(1, stale.ExitCode);
        Assert.Contains("_mta-sts.example.org is published with other content", stale.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HashToken_PrintsVerifiableHash()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "MtaSts.Cli.dll");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(cli);
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("hash-token");
        using var process = System.Diagnostics.Process.Start(start)!;
        await process.StandardInput.WriteLineAsync("cli-token-4b2e");
        process.StandardInput.Close();
        var hash = (await process.StandardOutput.ReadToEndAsync()).Trim();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.True(MtaSts.Server.Api.AdminToken.Verify("cli-token-4b2e", hash), hash);
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "MtaSts.Cli.dll");
        return await RequiredTool.RunAsync("dotnet", [cli, .. arguments, "--store", Store], TimeSpan.FromSeconds(60));
    }
}
