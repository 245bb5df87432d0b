using Microsoft.Data.Sqlite;
using MtaSts.Server.Sqlite;

namespace MtaSts.Server.Intake;

/// <summary>
/// Report intake into a SQLite file (schema <c>IntakeSchema.sql</c> beside this file). A report is
/// acknowledged only after its transaction is committed with full sync.
/// </summary>
/// <remarks>TODO: store into <c>MtaSts.Storage.IReportStore</c> once the report store is in this branch.</remarks>
public sealed class SqliteReportIntake : IReportIntake
{
    private readonly SqliteFile _file;
    private readonly TimeProvider _timeProvider;

    private SqliteReportIntake(SqliteFile file, TimeProvider timeProvider)
    {
        _file = file;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public string Location => _file.Path;

    /// <summary>Opens the intake tables in the SQLite file at <paramref name="path"/>, creating them if needed.</summary>
    public static async Task<SqliteReportIntake> OpenAsync(string path, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        var file = await SqliteFile.OpenAsync(path, "MtaSts.Server.Intake.IntakeSchema.sql", cancellationToken);
        return new SqliteReportIntake(file, timeProvider);
    }

    /// <inheritdoc />
    public async Task<IntakeOutcome> StoreAsync(ReceivedReport report, ReportSource source, bool setAside, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(source);
        await using var connection = await _file.ConnectAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO server_reports (organization, report_id, received_at, channel, peer, set_aside, json)
            VALUES ($organization, $report_id, $received_at, $channel, $peer, $set_aside, $json)
            ON CONFLICT (organization, report_id) DO NOTHING;
            """;
        insert.Parameters.AddWithValue("$organization", report.OrganizationName);
        insert.Parameters.AddWithValue("$report_id", report.ReportId);
        insert.Parameters.AddWithValue("$received_at", _timeProvider.GetUtcNow().ToUnixTimeSeconds());
        insert.Parameters.AddWithValue("$channel", source.Channel);
        insert.Parameters.AddWithValue("$peer", (object?)source.Peer ?? DBNull.Value);
        insert.Parameters.AddWithValue("$set_aside", setAside ? 1 : 0);
        insert.Parameters.AddWithValue("$json", report.Json.ToArray());
        if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return IntakeOutcome.Duplicate;
        }

        foreach (var domain in report.PolicyDomains)
        {
            await using var link = connection.CreateCommand();
            link.Transaction = transaction;
            link.CommandText = "INSERT OR IGNORE INTO server_report_domains (organization, report_id, domain) VALUES ($organization, $report_id, $domain);";
            link.Parameters.AddWithValue("$organization", report.OrganizationName);
            link.Parameters.AddWithValue("$report_id", report.ReportId);
            link.Parameters.AddWithValue("$domain", domain);
            await link.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return IntakeOutcome.Stored;
    }

    /// <inheritdoc />
    public async Task<IntakeSummary> SummarizeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _file.ConnectAsync(cancellationToken);
        await using var totals = connection.CreateCommand();
        totals.CommandText = "SELECT count(*), coalesce(sum(set_aside), 0) FROM server_reports;";
        long reports;
        long setAside;
        await using (var reader = await totals.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            reports = reader.GetInt64(0);
            setAside = reader.GetInt64(1);
        }

        await using var perDomain = connection.CreateCommand();
        perDomain.CommandText = "SELECT domain, count(*) FROM server_report_domains GROUP BY domain ORDER BY domain;";
        var byDomain = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using (var reader = await perDomain.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                byDomain[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        return new IntakeSummary(reports, setAside, byDomain);
    }
}
