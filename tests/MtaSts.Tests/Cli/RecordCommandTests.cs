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
    public async Task Validate_unknown_kind_is_usage_error()
    {
        var result = await CliRunner.RunAsync("record", "validate", "v=spf1 -all", "--lang", "es");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no es un registro MTA-STS", result.Error, StringComparison.Ordinal);
    }
}
