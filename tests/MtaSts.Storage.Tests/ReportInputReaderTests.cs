using MtaSts.Storage.Import;
using Xunit;

namespace MtaSts.Storage.Tests;

public sealed class ReportInputReaderTests : IDisposable
{
    private static readonly DateTimeOffset s_day = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mtasts-input-tests", Guid.NewGuid().ToString("N"));

    public ReportInputReaderTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Mbox_yields_each_report_and_rejects_other_mail()
    {
        var mbox = Path.Combine(_folder, "reports.mbox");
        ReportFiles.WriteMbox(
            mbox,
            ReportFiles.EmailFixture("mox-google.eml"),
            ReportFiles.EmailFixture("tlsrptrs-not-a-report-cron.eml"),
            ReportFiles.EmailFixture("stalwart-rpt01.eml"));
        var reader = new ReportInputReader();

        var reports = await reader.ReadFilesAsync([mbox]).ToListAsync();

        Assert.Equal(2, reports.Count);
        Assert.Equal($"{mbox} #1", reports[0].Source);
        Assert.Equal($"{mbox} #3", reports[1].Source);
        Assert.Equal(3, reader.InputsRead);
        var rejection = Assert.Single(reader.Rejections);
        Assert.Equal($"{mbox} #2", rejection.Source);
        Assert.Equal("TLSRPT-DECODE-NO-REPORT", Assert.Single(rejection.Diagnostics).Code);
    }

    [Fact]
    public async Task Mbox_message_keeps_report_submitter()
    {
        var mbox = Path.Combine(_folder, "one.mbox");
        ReportFiles.WriteMbox(mbox, ReportFiles.EmailFixture("mox-google.eml"));

        var report = Assert.Single(await new ReportInputReader().ReadFilesAsync([mbox]).ToListAsync());

        Assert.Equal("google.com", report.Key.Organization);
        Assert.False(report.RawJson.IsEmpty);
    }

    [Fact]
    public void Maildir_lists_cur_and_new_only()
    {
        var maildir = Path.Combine(_folder, "Maildir");
        foreach (var sub in new[] { "cur", "new", "tmp", ".Archive/cur" })
        {
            Directory.CreateDirectory(Path.Combine(maildir, sub));
        }

        File.WriteAllText(Path.Combine(maildir, "cur", "1700000000.M1P1.host:2,S"), "x");
        File.WriteAllText(Path.Combine(maildir, "new", "1700000001.M2P1.host"), "x");
        File.WriteAllText(Path.Combine(maildir, "tmp", "1700000002.M3P1.host"), "x");
        File.WriteAllText(Path.Combine(maildir, ".Archive", "cur", "1700000003.M4P1.host:2,S"), "x");
        File.WriteAllText(Path.Combine(maildir, "dovecot-uidlist"), "x");

        var files = ReportInputReader.FindFiles([maildir]);

        Assert.Equal(
            [Path.Combine(maildir, "cur", "1700000000.M1P1.host:2,S"), Path.Combine(maildir, "new", "1700000001.M2P1.host")],
            files.Files);
        Assert.Empty(files.Skipped);
    }

    [Fact]
    public void Folder_skips_documents_and_hidden_files()
    {
        File.WriteAllText(Path.Combine(_folder, "a.json"), "{}");
        File.WriteAllText(Path.Combine(_folder, "README.md"), "# notes");
        File.WriteAllText(Path.Combine(_folder, ".hidden.json"), "{}");
        Directory.CreateDirectory(Path.Combine(_folder, "sub"));
        File.WriteAllText(Path.Combine(_folder, "sub", "b.json.gz"), "x");

        var files = ReportInputReader.FindFiles([_folder]);

        Assert.Equal([Path.Combine(_folder, "a.json"), Path.Combine(_folder, "sub", "b.json.gz")], files.Files);
        Assert.Equal([Path.Combine(_folder, "README.md")], files.Skipped);
    }

    [Fact]
    public void Missing_path_is_named()
    {
        var missing = Path.Combine(_folder, "nope");

        var error = Assert.Throws<FileNotFoundException>(() => ReportInputReader.FindFiles([missing]));

        Assert.Equal(missing, error.FileName);
    }

    [Fact]
    public async Task Report_keeps_its_raw_bytes()
    {
        var path = Path.Combine(_folder, "r.json");
        File.WriteAllText(path, ReportFiles.Json("raw-1", s_day));

        var report = Assert.Single(await new ReportInputReader().ReadFilesAsync([path]).ToListAsync());

        Assert.Equal(File.ReadAllBytes(path), report.RawJson.ToArray());
        Assert.Equal(path, report.Source);
        Assert.Equal(new ReportKey("reporter-a.test", "raw-1"), report.Key);
    }

    [Theory]
    [InlineData("{\"report-id\": ", "TLSRPT-REPORT-INVALID-JSON")]
    [InlineData("", "TLSRPT-DECODE-EMPTY")]
    [InlineData("PK\u0003\u0004 zip archive", "TLSRPT-DECODE-UNKNOWN-FORMAT")]
    public async Task Bad_file_is_rejected_unchanged(string content, string code)
    {
        var path = Path.Combine(_folder, "bad.json");
        File.WriteAllText(path, content);
        var before = File.ReadAllBytes(path);
        var reader = new ReportInputReader();

        var reports = await reader.ReadFilesAsync([path]).ToListAsync();

        Assert.Empty(reports);
        var rejection = Assert.Single(reader.Rejections);
        Assert.Equal(path, rejection.Source);
        Assert.Contains(rejection.Diagnostics, d => d.Code == code);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task Damaged_mbox_is_rejected_with_reason()
    {
        var path = Path.Combine(_folder, "broken.mbox");
        File.WriteAllText(path, "From \n");
        var reader = new ReportInputReader();

        var reports = await reader.ReadFilesAsync([path]).ToListAsync();

        Assert.Empty(reports);
        var rejection = Assert.Single(reader.Rejections);
        Assert.StartsWith(path, rejection.Source, StringComparison.Ordinal);
    }
}
