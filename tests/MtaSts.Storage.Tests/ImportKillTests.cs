using System.Diagnostics;
using System.Text.RegularExpressions;
using MtaSts.Storage.Postgres;
using MtaSts.Storage.Sqlite;
using Npgsql;
using Xunit;

namespace MtaSts.Storage.Tests;

/// <summary>
/// Kills a running <c>reports import</c> process with SIGKILL after it printed a stored count,
/// then checks that every report it counted is in the store and that no report is partial.
/// </summary>
public sealed partial class ImportKillTests : IDisposable
{
    private const int ReportCount = 3000;
    private const int BatchSize = 100;
    private const int KillAfterStored = 300;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mtasts-kill-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Killed_sqlite_import_keeps_counted_reports()
    {
        var store = Path.Combine(_folder, "reports.db");
        var ids = ReportFiles.WriteMany(Path.Combine(_folder, "in"), ReportCount, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));

        var counted = await ImportAndKillAsync(store);

        await using var reports = await SqliteReportStore.OpenAsync(store);
        await AssertCountedReportsStoredAsync(reports, ids, counted);
    }

    [SkippableFact]
    public async Task Killed_postgres_import_keeps_counted_reports()
    {
        PostgresTestServer.SkipUnlessConfigured();
        var schema = "kill_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE SCHEMA {schema}");
        try
        {
            var location = new NpgsqlConnectionStringBuilder(PostgresTestServer.ConnectionString) { SearchPath = schema }.ConnectionString;
            var ids = ReportFiles.WriteMany(Path.Combine(_folder, "in"), ReportCount, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));

            var counted = await ImportAndKillAsync(location);

            await using var reports = await PostgresReportStore.OpenAsync(location);
            await AssertCountedReportsStoredAsync(reports, ids, counted);
        }
        finally
        {
            await ExecuteAsync($"DROP SCHEMA IF EXISTS {schema} CASCADE");
        }
    }

    // Returns the largest stored count the process printed before it died.
    private async Task<int> ImportAndKillAsync(string store)
    {
        // A FIFO named after every report file: opening it blocks without a writer, so the process
        // cannot finish before it is killed, however fast it imports on the machine of the day.
        await MakeFifoAsync(Path.Combine(_folder, "in", "zz-never-written.json"));

        var start = CliProcess.StartInfo(null, ["reports", "import", Path.Combine(_folder, "in"), "--store", store, "--batch-size", $"{BatchSize}", "--lang", "en"]);
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();

        var counted = 0;
        var killed = false;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (StoredLine().Match(line) is { Success: true } match)
            {
                counted = Math.Max(counted, int.Parse(match.Groups[1].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture));
            }

            if (!killed && counted >= KillAfterStored)
            {
                // Process.Kill sends SIGKILL on Linux: no handler, no flush, no rollback in the process.
                process.Kill();
                killed = true;
            }
        }

        await process.WaitForExitAsync(timeout.Token);
        Assert.True(killed, "the import was killed part-way: " + await error);
        Assert.NotEqual(0, process.ExitCode);
        Assert.InRange(counted, KillAfterStored, ReportCount);
        return counted;
    }

    private static async Task MakeFifoAsync(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        await mkfifo.WaitForExitAsync();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    private static async Task AssertCountedReportsStoredAsync(IReportStore store, IReadOnlyList<string> ids, int counted)
    {
        // Files are read in name order and batches commit in order, so the first ones counted are those stored.
        foreach (var id in ids.Take(counted))
        {
            Assert.True(await store.ContainsAsync(new ReportKey("reporter-a.test", id)), $"{id} was counted as stored but is missing");
        }

        var integrity = await store.CheckIntegrityAsync();
        Assert.Equal(0, integrity.IncompleteReports);
        Assert.InRange(integrity.Reports, counted, ReportCount);
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresTestServer.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex(@"^Stored so far: ([\d,]+) new reports")]
    private static partial Regex StoredLine();
}
