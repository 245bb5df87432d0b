using System.Text.Json;
using Xunit;

namespace MtaSts.Tests.Cli;

/// <summary>The README's first command: every sample report reads, with pinned totals.</summary>
public class SamplesTests
{
    private static string SamplesFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "MtaSts.slnx")))
        {
            folder = folder.Parent;
        }

        Assert.NotNull(folder);
        return Path.Combine(folder.FullName, "samples");
    }

    [Fact]
    public async Task Samples_folder_reads_with_pinned_totals()
    {
        var result = await CliRunner.RunAsync("reports", "show", SamplesFolder(), "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var reports = json.RootElement.EnumerateArray().Select(e => e.GetProperty("report")).ToList();
        var policies = reports.SelectMany(r => r.GetProperty("policies").EnumerateArray()).ToList();
        Assert.Equal(8, reports.Count);
        Assert.Equal(9877, policies.Sum(p => p.GetProperty("summary").GetProperty("total-successful-session-count").GetInt64()));
        Assert.Equal(321, policies.Sum(p => p.GetProperty("summary").GetProperty("total-failure-session-count").GetInt64()));
    }

    [Theory]
    [InlineData("en", "TLS report from Microsoft Corporation", "Skipped in folders")]
    [InlineData("es", "Informe TLS de Microsoft Corporation", "Omitidos en las carpetas")]
    public async Task Samples_folder_reads_in_both_languages(string language, string heading, string skippedNote)
    {
        var result = await CliRunner.RunAsync("reports", "show", SamplesFolder(), "--lang", language);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(heading, result.Output, StringComparison.Ordinal);
        Assert.Contains(skippedNote, result.Output, StringComparison.Ordinal);
        Assert.Empty(result.Error);
    }
}
