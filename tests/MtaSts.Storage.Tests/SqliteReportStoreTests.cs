using MtaSts.Storage.Sqlite;
using Xunit;

namespace MtaSts.Storage.Tests;

public sealed class SqliteReportStoreTests : ReportStoreContract
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mtasts-storage-tests", Guid.NewGuid().ToString("N"));

    private string StorePath => Path.Combine(_folder, "reports.db");

    protected override async Task<IReportStore> OpenStoreAsync(bool reopen) => await SqliteReportStore.OpenAsync(StorePath);

    protected override Task DeleteStoreAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Open_creates_folder_and_wal_file()
    {
        await Store.AddAsync([SampleReports.Incoming(SampleReports.Report("r1"))]);

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={StorePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.True(File.Exists(StorePath));
        Assert.Equal(StorePath, Store.Location);
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Open_rejects_newer_schema()
    {
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={StorePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES (999, 0)";
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SqliteReportStore.OpenAsync(StorePath));

        Assert.Contains("schema version 999", error.Message, StringComparison.Ordinal);
    }
}
