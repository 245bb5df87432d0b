using System.Data.Common;
using System.Globalization;
using System.Text;

namespace MtaSts.Storage;

/// <summary>
/// The queries both backends share. Times are stored as Unix seconds and the breakdown columns
/// are copied into <c>policies</c> and <c>failure_details</c>, so summaries read one table each.
/// </summary>
public abstract class DbReportStore : IReportStore
{
    private const long SecondsPerDay = 86_400;

    /// <inheritdoc/>
    public abstract string Location { get; }

    /// <summary>Opens a connection to the store.</summary>
    protected abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <inheritdoc/>
    public abstract Task<IReadOnlyList<StoreOutcome>> AddAsync(IReadOnlyList<IncomingReport> reports, CancellationToken cancellationToken = default);

    /// <inheritdoc/>
    public abstract ValueTask DisposeAsync();

    /// <summary>
    /// Returns the SQL that adds up <paramref name="column"/> without failing on overflow. The
    /// result may be an integer, a decimal or a floating-point number; the store saturates it at
    /// <see cref="long.MaxValue"/>.
    /// </summary>
    protected virtual string Sum(string column) => $"SUM({column})";

    /// <inheritdoc/>
    public async Task<bool> ContainsAsync(ReportKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM reports WHERE organization_key = @organization AND report_id = @reportId";
        AddParameter(command, "organization", key.Organization);
        AddParameter(command, "reportId", key.ReportId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    /// <inheritdoc/>
    public async Task<ReportSummary> SummarizeAsync(ReportFilter filter, SummaryGrouping? grouping, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var connection = await OpenConnectionAsync(cancellationToken);

        var totalsSql = $"SELECT {Sum("successful_sessions")}, {Sum("failed_sessions")}, COUNT(DISTINCT report_row) FROM policies" + WhereClause(filter);
        var totalsRow = (await QueryCountsAsync(connection, totalsSql, filter, hasSuccesses: true, cancellationToken)).Single();
        var totals = new SummaryCounts(totalsRow.SuccessfulSessions, totalsRow.FailedSessions, totalsRow.Reports);
        if (grouping is null)
        {
            return new ReportSummary(filter, null, totals, []);
        }

        var (keyExpression, table, hasSuccesses) = grouping.Value switch
        {
            SummaryGrouping.Day => ($"start_time / {SecondsPerDay}", "policies", true),
            SummaryGrouping.Org => ("organization", "policies", true),
            SummaryGrouping.Policy => ("CASE WHEN policy_mode IS NULL THEN policy_type ELSE policy_type || '/' || policy_mode END", "policies", true),
            SummaryGrouping.Result => ("result_type", "failure_details", false),
            SummaryGrouping.Mx => ("COALESCE(receiving_mx_hostname, '')", "failure_details", false),
            SummaryGrouping.Ip => ("COALESCE(sending_mta_ip, '')", "failure_details", false),
            _ => throw new ArgumentOutOfRangeException(nameof(grouping), grouping, "Unknown grouping."),
        };
        var sessions = hasSuccesses
            ? $"{Sum("successful_sessions")}, {Sum("failed_sessions")}"
            : $"NULL, {Sum("failed_session_count")}";
        var sql = $"SELECT {keyExpression}, {sessions}, COUNT(DISTINCT report_row) FROM {table}{WhereClause(filter)} GROUP BY 1";

        var rows = await QueryCountsAsync(connection, sql, filter, hasSuccesses, cancellationToken, withKey: true);
        var ordered = grouping == SummaryGrouping.Day
            ? rows.OrderBy(r => r.Key, StringComparer.Ordinal)
            : rows.OrderByDescending(r => r.FailedSessions).ThenBy(r => r.Key, StringComparer.Ordinal);
        var reconciliation = hasSuccesses ? null : await ReconcileFailureDetailsAsync(connection, filter, cancellationToken);
        return new ReportSummary(filter, grouping, totals, ordered.ToList(), reconciliation);
    }

    // Per policy, compares total-failure-session-count with the sum of its failure details, so
    // that a breakdown by failure details adds up to the failed sessions of the selection.
    private async Task<FailureDetailReconciliation> ReconcileFailureDetailsAsync(DbConnection connection, ReportFilter filter, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {Sum("CASE WHEN failed_sessions > detail_sessions THEN failed_sessions - detail_sessions ELSE 0 END")},
                   {Sum("CASE WHEN detail_sessions > failed_sessions THEN detail_sessions - failed_sessions ELSE 0 END")}
            FROM policies
            """ + WhereClause(filter);
        AddFilterParameters(command, filter);

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new FailureDetailReconciliation(ToInt64(reader.GetValue(0)), ToInt64(reader.GetValue(1)));
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<MxHostSessions>> SummarizeMxHostsAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT mx_host, {Sum("successful_sessions")}, {Sum("failed_sessions")} FROM policies"
            + WhereClause(filter) + " GROUP BY mx_host";
        AddFilterParameters(command, filter);

        var result = new List<MxHostSessions>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var mxHosts = reader.GetString(0).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            result.Add(new MxHostSessions(mxHosts, ToInt64(reader.GetValue(1)), ToInt64(reader.GetValue(2))));
        }

        return result;
    }

    /// <inheritdoc/>
    public async Task<string?> GetLatestPolicyModeAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT policy_mode FROM policies" + WhereClause(filter)
            + " AND policy_type = 'sts' AND policy_mode IS NOT NULL ORDER BY start_time DESC LIMIT 1";
        AddFilterParameters(command, filter);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <inheritdoc/>
    public async Task<StoreIntegrity> CheckIntegrityAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*),
                   SUM(CASE WHEN COALESCE(p.n, 0) <> r.policy_count OR COALESCE(f.n, 0) <> r.failure_detail_count THEN 1 ELSE 0 END)
            FROM reports r
            LEFT JOIN (SELECT report_row, COUNT(*) AS n FROM policies GROUP BY report_row) p ON p.report_row = r.id
            LEFT JOIN (SELECT report_row, COUNT(*) AS n FROM failure_details GROUP BY report_row) f ON f.report_row = r.id
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new StoreIntegrity(ToInt64(reader.GetValue(0)), ToInt64(reader.GetValue(1)));
    }

    /// <summary>
    /// Returns whether the stored report with the key of <paramref name="rows"/> has the same date
    /// range, policy and failure-detail counts and session totals, which distinguishes a second delivery
    /// from a different report that reuses a report-id.
    /// </summary>
    private protected async Task<bool> HasSameContentAsync(DbConnection connection, DbTransaction transaction, ReportRows rows, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            SELECT r.start_time, r.end_time, r.policy_count, r.failure_detail_count,
                   (SELECT {Sum("successful_sessions")} FROM policies WHERE report_row = r.id),
                   (SELECT {Sum("failed_sessions")} FROM policies WHERE report_row = r.id),
                   (SELECT {Sum("failed_session_count")} FROM failure_details WHERE report_row = r.id)
            FROM reports r WHERE r.organization_key = @organization AND r.report_id = @reportId
            """;
        AddParameter(command, "organization", rows.Key.Organization);
        AddParameter(command, "reportId", rows.Key.ReportId);

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return false;
        }

        long[] stored = [.. Enumerable.Range(0, 7).Select(i => ToInt64(reader.GetValue(i)))];
        long[] incoming =
        [
            rows.StartTime,
            rows.EndTime,
            rows.Policies.Count,
            rows.FailureDetailCount,
            Saturated(rows.Policies.Select(p => p.SuccessfulSessions)),
            Saturated(rows.Policies.Select(p => p.FailedSessions)),
            Saturated(rows.Policies.SelectMany(p => p.FailureDetails).Select(d => d.FailedSessionCount)),
        ];
        return stored.AsSpan().SequenceEqual(incoming);
    }

    /// <summary>Adds a named parameter to <paramref name="command"/>.</summary>
    protected static DbParameter AddParameter(DbCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static string WhereClause(ReportFilter filter)
    {
        var where = new StringBuilder(" WHERE 1 = 1");
        if (filter.Domain is not null)
        {
            where.Append(" AND policy_domain = @domain");
        }

        if (filter.Since is not null)
        {
            where.Append(" AND start_time >= @since");
        }

        if (filter.Until is not null)
        {
            where.Append(" AND start_time < @until");
        }

        return where.ToString();
    }

    private static void AddFilterParameters(DbCommand command, ReportFilter filter)
    {
        if (filter.Domain is not null)
        {
            AddParameter(command, "domain", filter.NormalizedDomain);
        }

        if (filter.Since is { } since)
        {
            AddParameter(command, "since", since.ToUnixTimeSeconds());
        }

        if (filter.Until is { } until)
        {
            AddParameter(command, "until", until.ToUnixTimeSeconds());
        }
    }

    private static async Task<List<SummaryRow>> QueryCountsAsync(
        DbConnection connection,
        string sql,
        ReportFilter filter,
        bool hasSuccesses,
        CancellationToken cancellationToken,
        bool withKey = false)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        AddFilterParameters(command, filter);

        var rows = new List<SummaryRow>();
        var first = withKey ? 1 : 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = withKey ? KeyText(reader.GetValue(0)) : string.Empty;
            long? successful = hasSuccesses ? ToInt64(reader.GetValue(first)) : null;
            rows.Add(new SummaryRow(key, successful, ToInt64(reader.GetValue(first + 1)), ToInt64(reader.GetValue(first + 2))));
        }

        return rows;
    }

    private static string KeyText(object value) => value switch
    {
        string text => text,
        DBNull => string.Empty,
        _ => DateOnly.FromDateTime(DateTime.UnixEpoch.AddDays(Convert.ToInt64(value, CultureInfo.InvariantCulture)))
            .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static long Saturated(IEnumerable<long> values)
    {
        long sum = 0;
        foreach (var value in values)
        {
            sum = sum > long.MaxValue - value ? long.MaxValue : sum + value;
        }

        return sum;
    }

    private static long ToInt64(object value) => value switch
    {
        DBNull => 0,
        double real when real >= long.MaxValue => long.MaxValue,
        double real => (long)Math.Round(real),
        decimal number when number >= long.MaxValue => long.MaxValue,
        decimal number => (long)number,
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };
}
