using MtaSts.Storage.Sqlite;
using Xunit;

namespace MtaSts.Storage.Tests;

public sealed class SqliteReportStoreTests : ReportStoreContract
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "mtasts-storage-tests", Guid.NewGuid().ToString("N"))).FullName;

    private string StorePath => Path.Combine(_folder, "reports.db");

    protected override async Task<IReportStore> OpenStoreAsync(bool reopen) => await SqliteReportStore.OpenAsync(StorePath);

    protected override Task DeleteStoreAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Open_creates_wal_file()
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

    [Theory]
    [InlineData("missing file", false, ReportStoreError.NotFound)]
    [InlineData("missing folder", true, ReportStoreError.FolderNotFound)]
    [InlineData("empty file", true, ReportStoreError.NotSqlite)]
    [InlineData("text file", true, ReportStoreError.NotSqlite)]
    [InlineData("other program's database", true, ReportStoreError.NotReportStore)]
    [InlineData("database without tables", false, ReportStoreError.NotReportStore)]
    public async Task Open_rejects_file_that_is_no_store(string file, bool create, ReportStoreError expected)
    {
        var path = Path.Combine(_folder, "wrong", "reports.db");
        if (file != "missing folder")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }

        switch (file)
        {
            case "empty file":
                File.WriteAllBytes(path, []);
                break;
            case "text file":
                File.WriteAllText(path, "notes, not a database\n");
                break;
            case "other program's database":
            case "database without tables":
                await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
                {
                    await connection.OpenAsync();
                    await using var command = connection.CreateCommand();
                    command.CommandText = file == "database without tables" ? "PRAGMA user_version = 1" : "CREATE TABLE notes (text TEXT)";
                    await command.ExecuteNonQueryAsync();
                }

                break;
        }

        var before = File.Exists(path) ? File.ReadAllBytes(path) : null;

        var error = await Assert.ThrowsAsync<ReportStoreException>(() => SqliteReportStore.OpenAsync(path, create));

        Assert.Equal(expected, error.Error);
        Assert.Equal(path, error.Location);
        Assert.Equal(before, File.Exists(path) ? File.ReadAllBytes(path) : null);
        Assert.Equal(file != "missing folder", Directory.Exists(Path.GetDirectoryName(path)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("postgress://user@127.0.0.1/db")]
    [InlineData("mysql://user@127.0.0.1/db")]
    [InlineData("file:///tmp/reports.db")]
    public async Task Open_rejects_invalid_location(string location)
    {
        var error = await Assert.ThrowsAsync<ReportStoreException>(() => ReportStore.OpenAsync(location));

        Assert.Equal(ReportStoreError.InvalidLocation, error.Error);
    }
}
