using MtaSts.Diagnostics;
using MtaSts.Reports.Decoding;
using Xunit;
using static MtaSts.Tests.Reports.Decoding.DecodingFixtures;

namespace MtaSts.Tests.Reports.Decoding;

public class SampleDecodingTests
{
    public static TheoryData<string> SampleReports()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(RepositoryRoot(), "samples", "reports")).Order())
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SampleReports))]
    public async Task Sample_report_decodes(string file)
    {
        var result = await ReportDecoder.DecodeFileAsync(Path.Combine(RepositoryRoot(), "samples", "reports", file));

        Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics));
        Assert.Single(result.Payloads);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error);
        AssertPayloadsAreJson(result);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MtaSts.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException($"MtaSts.slnx not found in {AppContext.BaseDirectory} or any parent directory.");
    }
}
