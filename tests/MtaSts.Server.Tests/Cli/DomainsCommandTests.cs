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
        await RunAsync("domains", "add", "other.example", "--mx", "mx.other.example");

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
    public async Task Show_UsesServerSettingsFile()
    {
        var store = Path.Combine(_folder, "configured.db");
        await File.WriteAllTextAsync(Path.Combine(_folder, "appsettings.json"), $$"""
            { "Server": { "Store": "{{store}}", "PublicHost": "policy.example.net", "ReportUris": [ "mailto:tlsrpt@example.net" ] } }
            """);

        var add = await RunConfiguredAsync(new Dictionary<string, string?>(), "domains", "add", "example.com", "--mx", "mx1.example.com");
        var show = await RunConfiguredAsync(new Dictionary<string, string?>(), "domains", "show", "example.com", "--json");

        Assert.True(add.ExitCode == 0, add.Error);
        Assert.True(File.Exists(store), store);
        using var json = JsonDocument.Parse(show.Output);
        var records = json.RootElement.GetProperty("dnsRecords").EnumerateArray()
            .ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("type").GetString() + " " + r.GetProperty("value").GetString());
        Assert.Equal("CNAME policy.example.net.", records["mta-sts.example.com"]);
        Assert.Equal("TXT v=TLSRPTv1; rua=mailto:tlsrpt@example.net", records["_smtp._tls.example.com"]);
    }

    // Each case names the sources that are set; the expected file is the one of the strongest source.
    [Theory]
    [InlineData("file", "file")]
    [InlineData("file variable", "variable")]
    [InlineData("file variable server", "server")]
    [InlineData("file variable server option", "option")]
    [InlineData("variable server", "server")]
    public async Task Add_UsesStoreByPrecedence(string sources, string expectedStore)
    {
        var set = sources.Split(' ');
        await File.WriteAllTextAsync(Path.Combine(_folder, "appsettings.json"), $$"""{ "Server": { "Store": "{{StoreFile("file")}}" } }""");
        var environment = new Dictionary<string, string?>
        {
            ["MTASTS_STORE"] = set.Contains("variable") ? StoreFile("variable") : null,
            ["Server__Store"] = set.Contains("server") ? StoreFile("server") : null,
        };
        string[] option = set.Contains("option") ? ["--store", StoreFile("option")] : [];
        if (!set.Contains("file"))
        {
            File.Delete(Path.Combine(_folder, "appsettings.json"));
        }

        var (exitCode, _, error) = await RunConfiguredAsync(environment, ["domains", "add", "example.com", "--mx", "mx1.example.com", .. option]);

        Assert.True(exitCode == 0, error);
        var created = new[] { "file", "variable", "server", "option" }.Where(name => File.Exists(StoreFile(name))).ToArray();
        Assert.Equal([expectedStore], created);
    }

    [Fact]
    public async Task Read_DoesNotCreateStore()
    {
        var missing = Path.Combine(_folder, "missing", "x.db");

        var list = await RunConfiguredAsync(new Dictionary<string, string?>(), "domains", "list", "--store", missing);
        var show = await RunConfiguredAsync(new Dictionary<string, string?>(), "domains", "show", "example.com", "--store", missing);

        Assert.Equal(2, list.ExitCode);
        Assert.Contains($"the store {missing} was not found", list.Error, StringComparison.Ordinal);
        Assert.Equal(2, show.ExitCode);
        Assert.False(Directory.Exists(Path.GetDirectoryName(missing)), "the folder of the store was created");
    }

    [Theory]
    [InlineData("{ \"Server\": { \"Store\": ", "appsettings.json is not valid JSON near line 1")]
    [InlineData("{ \"Server\": { \"Intake\": { \"UnmanagedDomains\": \"Sometimes\" } } }", "invalid value 'Sometimes' for Server:Intake:UnmanagedDomains: give one of Reject, KeepAside.")]
    [InlineData("{ \"Server\": { \"Smtp\": { \"Port\": \"twenty-five\" } } }", "invalid value 'twenty-five' for Server:Smtp:Port: give a whole number.")]
    public async Task BadSettingsFile_GivesOneLineError(string settings, string expectedMessage)
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "appsettings.json"), settings);

        var (exitCode, _, error) = await RunConfiguredAsync(new Dictionary<string, string?>(), "domains", "list", "--store", Store);

        Assert.Equal(2, exitCode);
        Assert.Contains(expectedMessage, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task List_RejectsFileThatIsNotSqlite()
    {
        var text = Path.Combine(_folder, "passwd");
        await File.WriteAllTextAsync(text, "root:x:0:0:root:/root:/bin/bash\n");

        var (exitCode, _, error) = await RunConfiguredAsync(new Dictionary<string, string?>(), "domains", "list", "--store", text);

        Assert.Equal(2, exitCode);
        Assert.Contains($"{text} is not a SQLite database", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http", "'http://127.0.0.1:{0}' cannot be used: binding port {0} failed (AddressAlreadyInUse)")]
    [InlineData("smtp", "Server:Smtp:Port {0} on 127.0.0.1 cannot be used (AddressAlreadyInUse)")]
    public async Task Serve_PortInUseGivesOneLine(string listener, string expectedMessage)
    {
        using var occupied = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        occupied.Start();
        var port = ((System.Net.IPEndPoint)occupied.LocalEndpoint).Port;
        string[] arguments = listener == "http"
            ? ["serve", "--urls", $"http://127.0.0.1:{port}"]
            : ["serve", "--urls", "http://127.0.0.1:0", "--Server:Smtp:Enabled=true", $"--Server:Smtp:Port={port}", "--Server:Smtp:Recipients:0=tlsrpt@example.test"];

        var (exitCode, output, error) = await RunAsync(arguments);

        Assert.Equal(2, exitCode);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, expectedMessage, port), error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Hosting failed to start", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "could not start the server: 'nonsense' is not an http:// or https:// URL; give one such as http://127.0.0.1:8080.")]
    [InlineData("es", "no se pudo iniciar el servidor: 'nonsense' no es una URL http:// ni https://; indique una como http://127.0.0.1:8080.")]
    public async Task Serve_BadUrlInUserLanguage(string language, string expectedMessage)
    {
        var (exitCode, _, error) = await RunAsync("--lang", language, "serve", "--urls", "nonsense");

        Assert.Equal(2, exitCode);
        Assert.Contains(expectedMessage, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("short", "the token has 5 characters; give at least 20")]
    [InlineData("", "no token on standard input")]
    public async Task HashToken_RejectsWeakToken(string token, string expectedMessage)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "MtaSts.Cli.dll");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(cli);
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("hash-token");
        using var process = System.Diagnostics.Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(token);
        process.StandardInput.Close();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains(expectedMessage, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_ConfiguredUrlsWithoutOverrideWarning()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "appsettings.json"), "{ \"Urls\": \"http://127.0.0.1:0\" }");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = _folder };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "MtaSts.Cli.dll"), "serve", "--store", Store })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_HTTP_PORTS"] = "8099";
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                output.AppendLine(line);
                if (line.Contains("Listening on", StringComparison.Ordinal))
                {
                    break;
                }
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        Assert.Matches(@"Listening on http://127\.0\.0\.1:\d+", output.ToString());
        Assert.DoesNotContain("127.0.0.1:8080", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Overriding address", output.ToString(), StringComparison.Ordinal);
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
        await process.StandardInput.WriteLineAsync("cli-token-4b2e-9f61-a07c");
        process.StandardInput.Close();
        var hash = (await process.StandardOutput.ReadToEndAsync()).Trim();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.True(MtaSts.Server.Api.AdminToken.Verify("cli-token-4b2e-9f61-a07c", hash), hash);
    }

    private string StoreFile(string source) => Path.Combine(_folder, source + ".db");

    // Runs in the temporary folder, so that its appsettings.json is read, with the store variables removed unless set.
    private async Task<(int ExitCode, string Output, string Error)> RunConfiguredAsync(Dictionary<string, string?> environment, params string[] arguments)
    {
        environment.TryAdd("MTASTS_STORE", null);
        environment.TryAdd("Server__Store", null);
        var cli = Path.Combine(AppContext.BaseDirectory, "MtaSts.Cli.dll");
        return await RequiredTool.RunAsync("dotnet", [cli, .. arguments], TimeSpan.FromSeconds(60), _folder, environment);
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "MtaSts.Cli.dll");
        return await RequiredTool.RunAsync("dotnet", [cli, .. arguments, "--store", Store], TimeSpan.FromSeconds(60));
    }
}
