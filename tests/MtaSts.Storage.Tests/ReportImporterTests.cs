using MtaSts.Storage.Sqlite;
using Xunit;
using static MtaSts.Storage.Tests.SampleReports;

namespace MtaSts.Storage.Tests;

public sealed class ReportImporterTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "mtasts-storage-tests", Guid.NewGuid().ToString("N"))).FullName;
    private IReportStore _store = null!;

    public async Task InitializeAsync() => _store = await SqliteReportStore.OpenAsync(Path.Combine(_folder, "reports.db"));

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Import_counts_stored_and_duplicates()
    {
        var importer = new ReportImporter(_store, batchSize: 3);
        var reports = Enumerable.Range(0, 10).Select(i => Incoming(Report($"r{i % 8}"))).ToList();

        var counts = await importer.ImportAsync(reports.ToAsyncEnumerable());

        Assert.Equal(new ImportCounts(8, 2, 0), counts);
        Assert.Equal(8, (await _store.CheckIntegrityAsync()).Reports);
    }

    [Fact]
    public async Task Import_reports_progress_after_each_commit()
    {
        var importer = new ReportImporter(_store, batchSize: 4);
        var seen = new List<long>();
        var progress = new SynchronousProgress(counts => seen.Add(counts.Stored));

        await importer.ImportAsync(Enumerable.Range(0, 10).Select(i => Incoming(Report($"r{i}"))).ToAsyncEnumerable(), progress);

        Assert.Equal([4L, 8L, 10L], seen);
    }

    [Fact]
    public async Task Import_skips_unmanaged_domains()
    {
        var importer = new ReportImporter(_store, managedDomains: ["Example.TEST."]);
        IncomingReport[] reports =
        [
            Incoming(Report("mine", policies: Sts("example.test", "testing", 1, 0))),
            Incoming(Report("other", policies: Sts("someone-else.test", "testing", 1, 0))),
        ];

        var counts = await importer.ImportAsync(reports.ToAsyncEnumerable());

        Assert.Equal(new ImportCounts(1, 0, 1), counts);
        Assert.False(await _store.ContainsAsync(new ReportKey("reporter-a.test", "other")));
    }

    [Fact]
    public void Importer_rejects_zero_batch_size()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReportImporter(_store, batchSize: 0));
    }

    private sealed class SynchronousProgress(Action<ImportCounts> report) : IProgress<ImportCounts>
    {
        public void Report(ImportCounts value) => report(value);
    }
}
