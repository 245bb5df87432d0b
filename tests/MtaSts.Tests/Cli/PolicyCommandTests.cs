using System.Text.Json;
using Xunit;

namespace MtaSts.Tests.Cli;

public class PolicyCommandTests
{
    [Fact]
    public async Task Validate_good_policy_exits_zero()
    {
        var result = await CliRunner.RunAsync("policy", "validate", CliRunner.FixturePath("policies", "crlf-max-age-upper-bound.txt"), "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Valid policy", result.Output, StringComparison.Ordinal);
        Assert.Contains("31557600", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_invalid_policy_exits_one_in_spanish()
    {
        var result = await CliRunner.RunAsync("policy", "validate", CliRunner.FixturePath("policies", "mox-max-age-11-digits.txt"), "--lang", "es");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Política no válida", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_reads_standard_input()
    {
        var policy = "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmax_age: 86400\r\n";
        var result = await CliRunner.RunInAsync(null, policy, "policy", "validate", "-", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.True(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal("enforce", json.RootElement.GetProperty("policy").GetProperty("mode").GetString());
        Assert.Equal(86400, json.RootElement.GetProperty("policy").GetProperty("max_age").GetInt64());
    }

    [Fact]
    public async Task Validate_missing_file_is_one_line()
    {
        var result = await CliRunner.RunAsync("policy", "validate", "/nonexistent/mta-sts.txt", "--lang", "en");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("mtasts: file not found: /nonexistent/mta-sts.txt. Check the path.", result.Error.Trim());
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task New_writes_policy_and_prints_records()
    {
        var folder = Directory.CreateTempSubdirectory("mtasts-policy-new-");
        try
        {
            var result = await CliRunner.RunInAsync(folder.FullName, null,
                "policy", "new", "Example.COM.", "--mx", "mx1.example.com", "--mx", "*.mail.example.com",
                "--rua", "mailto:tlsrpt@example.com", "--json");

            Assert.Equal(0, result.ExitCode);
            using var json = JsonDocument.Parse(result.Output);
            var root = json.RootElement;
            Assert.Equal("example.com", root.GetProperty("domain").GetString());
            Assert.Equal("https://mta-sts.example.com/.well-known/mta-sts.txt", root.GetProperty("url").GetString());
            Assert.Equal("testing", root.GetProperty("policy").GetProperty("mode").GetString());
            Assert.Equal(604800, root.GetProperty("policy").GetProperty("max_age").GetInt64());
            var records = root.GetProperty("records");
            Assert.Equal("_mta-sts.example.com", records[0].GetProperty("name").GetString());
            Assert.Matches("^v=STSv1; id=[A-Za-z0-9]{1,32};$", records[0].GetProperty("value").GetString());
            Assert.Equal("_smtp._tls.example.com", records[1].GetProperty("name").GetString());
            Assert.Equal("v=TLSRPTv1; rua=mailto:tlsrpt@example.com", records[1].GetProperty("value").GetString());

            var written = await File.ReadAllTextAsync(Path.Combine(folder.FullName, "mta-sts.txt"));
            Assert.Equal("version: STSv1\r\nmode: testing\r\nmx: mx1.example.com\r\nmx: *.mail.example.com\r\nmax_age: 604800\r\n", written);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task New_refuses_to_overwrite()
    {
        var folder = Directory.CreateTempSubdirectory("mtasts-policy-new-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "mta-sts.txt"), "keep me");
            var result = await CliRunner.RunInAsync(folder.FullName, null, "policy", "new", "example.com", "--mx", "mx.example.com", "--lang", "en");

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("already exists", result.Error, StringComparison.Ordinal);
            Assert.Equal("keep me", await File.ReadAllTextAsync(Path.Combine(folder.FullName, "mta-sts.txt")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("192.0.2.1", "an IP literal is never an MX pattern")]
    [InlineData("mx.*.example.com", "the wildcard may only be the whole left-most label")]
    public async Task New_rejects_bad_mx(string mx, string reason)
    {
        var folder = Directory.CreateTempSubdirectory("mtasts-policy-new-");
        try
        {
            var result = await CliRunner.RunInAsync(folder.FullName, null, "policy", "new", "example.com", "--mx", mx, "--lang", "en");

            Assert.True(result.ExitCode == 2, reason);
            Assert.StartsWith($"mtasts: invalid --mx value '{mx}'", result.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder.FullName, "mta-sts.txt")), reason);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task New_without_mx_is_usage_error()
    {
        var result = await CliRunner.RunAsync("policy", "new", "example.com", "--lang", "en");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--mx", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
