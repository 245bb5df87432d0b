using System.Text.Json;
using Xunit;

namespace MtaSts.Tests.Cli;

public class ReportsShowCommandTests
{
    public static TheoryData<string> CorpusInputs()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "reports", "reports-gz", "emails" })
        {
            foreach (var file in Directory.EnumerateFiles(CliRunner.FixturePath(folder)).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                data.Add(Path.Combine(folder, Path.GetFileName(file)));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusInputs))]
    public async Task Every_corpus_file_shows_or_fails_clearly(string relativePath)
    {
        var result = await CliRunner.RunAsync("reports", "show", CliRunner.FixturePath(relativePath), "--json", "--lang", "en");

        Assert.Empty(result.Error);
        Assert.InRange(result.ExitCode, 0, 1);
        using var json = JsonDocument.Parse(result.Output);
        var entries = json.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(entries);
        foreach (var entry in entries)
        {
            var hasReport = entry.TryGetProperty("report", out _);
            var hasError = entry.TryGetProperty("error", out var error);
            Assert.True(hasReport ^ hasError, "each entry carries either a report or an error");
            if (hasError)
            {
                Assert.False(string.IsNullOrWhiteSpace(error.GetString()));
                Assert.Equal(1, result.ExitCode);
            }
        }
    }

    [Fact]
    public async Task Not_a_report_mail_fails_with_message()
    {
        var result = await CliRunner.RunAsync("reports", "show", CliRunner.FixturePath("emails", "tlsrptrs-not-a-report-cron.eml"), "--lang", "en");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("tlsrptrs-not-a-report-cron.eml: No TLS report found in this message", result.Output, StringComparison.Ordinal);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Duplicate_report_is_counted_once()
    {
        var folder = Directory.CreateTempSubdirectory("mtasts-duplicates-");
        try
        {
            var original = CliRunner.FixturePath("reports", "code-google-multi-policy.json");
            File.Copy(original, Path.Combine(folder.FullName, "a.json"));
            File.Copy(original, Path.Combine(folder.FullName, "b.json"));

            var result = await CliRunner.RunAsync("reports", "show", folder.FullName, "--json");

            Assert.Equal(0, result.ExitCode);
            using var json = JsonDocument.Parse(result.Output);
            Assert.False(json.RootElement[0].TryGetProperty("duplicate-of", out _));
            Assert.EndsWith("a.json", json.RootElement[1].GetProperty("duplicate-of").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Empty_folder_fails()
    {
        var folder = Directory.CreateTempSubdirectory("mtasts-empty-");
        try
        {
            var result = await CliRunner.RunAsync("reports", "show", folder.FullName, "--lang", "en");

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("no report files found", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Standard_input_is_read()
    {
        var report = await File.ReadAllTextAsync(CliRunner.FixturePath("reports", "code-google-multi-policy.json"));
        var result = await CliRunner.RunInAsync(null, report, "reports", "show", "-", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("Google Inc.", json.RootElement[0].GetProperty("report").GetProperty("organization-name").GetString());
    }

    [Fact]
    public async Task Bare_file_has_no_part()
    {
        var result = await CliRunner.RunAsync("reports", "show", CliRunner.FixturePath("reports", "code-google-multi-policy.json"), "--json");

        using var json = JsonDocument.Parse(result.Output);
        Assert.False(json.RootElement[0].TryGetProperty("part", out _));
    }

    [Fact]
    public async Task Json_entry_has_rfc_field_names()
    {
        var result = await CliRunner.RunAsync("reports", "show", CliRunner.FixturePath("reports", "code-google-multi-policy.json"), "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var entry = json.RootElement[0];
        Assert.EndsWith("code-google-multi-policy.json", entry.GetProperty("source").GetString(), StringComparison.Ordinal);
        var report = entry.GetProperty("report");
        Assert.Equal("Google Inc.", report.GetProperty("organization-name").GetString());
        Assert.Equal(3, report.GetProperty("policies").GetArrayLength());
        var second = report.GetProperty("policies")[1];
        Assert.Equal(3, second.GetProperty("summary").GetProperty("total-failure-session-count").GetInt64());
        Assert.Equal("validation-failure", second.GetProperty("failure-details")[0].GetProperty("result-type").GetString());
        Assert.Equal(JsonValueKind.Array, entry.GetProperty("diagnostics").ValueKind);
    }

    [Fact]
    public async Task Human_output_explains_failures_in_spanish()
    {
        var result = await CliRunner.RunAsync("reports", "show", CliRunner.FixturePath("reports", "code-google-multi-policy.json"), "--lang", "es");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Informe TLS de Google Inc.", result.Output, StringComparison.Ordinal);
        Assert.Contains("validation-failure (sesiones fallidas: 10)", result.Output, StringComparison.Ordinal);
        Assert.Contains("Qué hacer:", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Human_output_in_english()
    {
        var result = await CliRunner.RunAsync("reports", "show", CliRunner.FixturePath("reports", "code-google-multi-policy.json"), "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("TLS report from Google Inc.", result.Output, StringComparison.Ordinal);
        Assert.Contains("validation-failure (failed sessions: 10)", result.Output, StringComparison.Ordinal);
        Assert.Contains("What to do:", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_path_is_usage_error()
    {
        var result = await CliRunner.RunAsync("reports", "show", "/nonexistent/reports", "--lang", "en");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("mtasts: no file or folder named /nonexistent/reports. Check the path.", result.Error.Trim());
    }

    [Fact]
    public async Task No_path_is_usage_error()
    {
        var result = await CliRunner.RunAsync("reports", "show");

        Assert.Equal(2, result.ExitCode);
        Assert.NotEmpty(result.Error);
    }

    [Fact]
    public async Task Unknown_language_is_usage_error()
    {
        var result = await CliRunner.RunAsync("reports", "show", ".", "--lang", "fr");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--lang 'fr' is not supported", result.Error, StringComparison.Ordinal);
    }
}
