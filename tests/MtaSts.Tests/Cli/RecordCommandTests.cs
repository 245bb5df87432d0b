using System.Text.Json;
using Xunit;

namespace MtaSts.Tests.Cli;

public class RecordCommandTests
{
    [Theory]
    [InlineData("v=STSv1; id=20240101T000000;", 0, "mta-sts")]
    [InlineData("v=STSv1; id=policy-1;", 1, "mta-sts")]
    [InlineData("v=TLSRPTv1; rua=mailto:tlsrpt@example.com", 0, "tlsrpt")]
    [InlineData("v=TLSRPTv1; rua=tlsrpt@example.com", 1, "tlsrpt")]
    public async Task Validate_detects_kind_and_validity(string record, int exitCode, string kind)
    {
        var result = await CliRunner.RunAsync("record", "validate", record, "--json");

        Assert.Equal(exitCode, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(kind, json.RootElement.GetProperty("kind").GetString());
        Assert.Equal(exitCode == 0, json.RootElement.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Validate_unknown_kind_is_invalid()
    {
        var result = await CliRunner.RunAsync("record", "validate", "v=spf1 -all", "--lang", "es");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no es un registro MTA-STS ni de informes TLS", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_quoted_record_explains_quotes()
    {
        var result = await CliRunner.RunAsync("record", "validate", "\"v=STSv1; \" \"id=policy1;\"", "--lang", "en");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("contains quotes", result.Error, StringComparison.Ordinal);
    }
}
