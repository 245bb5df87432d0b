using System.Data.Common;
using MtaSts.Storage.Migrations;
using Npgsql;
using NpgsqlTypes;

namespace MtaSts.Storage.Postgres;

/// <summary>
/// A report store in a PostgreSQL database. A batch inserts its reports with one array-valued
/// statement and copies their policies and failure details with binary COPY, in one transaction.
/// </summary>
public sealed class PostgresReportStore : DbReportStore
{
    // An arbitrary constant that names the advisory lock held while the schema migrates.
    private const long MigrationLockKey = 0x6d7461737473;

    private readonly NpgsqlDataSource _dataSource;

    private PostgresReportStore(NpgsqlDataSource dataSource, string location)
    {
        _dataSource = dataSource;
        Location = location;
    }

    /// <inheritdoc/>
    public override string Location { get; }

    /// <summary>Returns whether <paramref name="location"/> names a PostgreSQL database rather than a file.</summary>
    /// <remarks>A <c>postgres://</c> or <c>postgresql://</c> URL, or a key/value connection string with a <c>Host</c>.</remarks>
    public static bool IsPostgresLocation(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || location.Contains("host=", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Converts a <c>postgres://user@host:port/database</c> URL or a connection string to a connection string.</summary>
    /// <exception cref="FormatException">The URL is not valid.</exception>
    public static NpgsqlConnectionStringBuilder ParseLocation(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (!location.Contains("://", StringComparison.Ordinal))
        {
            return new NpgsqlConnectionStringBuilder(location);
        }

        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException($"'{location}' is not a valid PostgreSQL URL. Write it as postgres://user@host:port/database.");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        return builder;
    }

    /// <summary>Returns whether <paramref name="location"/> contains a password, which the
    /// documentation says to keep in <c>PGPASSWORD</c> or <c>~/.pgpass</c> instead.</summary>
    public static bool ContainsPassword(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        try
        {
            return !string.IsNullOrEmpty(ParseLocation(location).Password);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Connects to the database at <paramref name="location"/> and brings its schema up to date.</summary>
    /// <param name="location">A <c>postgres://</c> URL or an Npgsql connection string. A missing password is
    /// taken from <c>PGPASSWORD</c> or the <c>.pgpass</c> file, as libpq does.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <exception cref="ReportStoreException">The location is invalid, or the server cannot be used.</exception>
    public static Task<PostgresReportStore> OpenAsync(string location, CancellationToken cancellationToken = default)
    {
        return OpenAsync(location, create: true, cancellationToken);
    }

    /// <summary>Connects to the database at <paramref name="location"/> and brings its schema up to date.</summary>
    /// <param name="location">A <c>postgres://</c> URL or an Npgsql connection string. A missing password is
    /// taken from <c>PGPASSWORD</c> or the <c>.pgpass</c> file, as libpq does.</param>
    /// <param name="create">Whether to create the store's tables in a database that has none.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <exception cref="ReportStoreException">The location is invalid, the server cannot be used, or
    /// the database has no store and <paramref name="create"/> is <see langword="false"/>.</exception>
    public static async Task<PostgresReportStore> OpenAsync(string location, bool create, CancellationToken cancellationToken = default)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = ParseLocation(location);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new ReportStoreException(ReportStoreError.InvalidLocation, "PostgreSQL", e.Message, e);
        }

        var description = Describe(builder);
        var dataSource = NpgsqlDataSource.Create(builder);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            if (!create && !await HasSchemaAsync(connection, cancellationToken))
            {
                throw new ReportStoreException(ReportStoreError.NotFound, description);
            }

            await SchemaMigrator.MigrateAsync(connection, "Postgres", $"SELECT pg_advisory_xact_lock({MigrationLockKey})", cancellationToken);
        }
        catch (NpgsqlException e)
        {
            await dataSource.DisposeAsync();
            throw Classify(e, description);
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }

        return new PostgresReportStore(dataSource, description);
    }

    /// <summary>Returns <paramref name="location"/> as a <c>postgresql://user@host:port/database</c> URL without the password.</summary>
    /// <exception cref="FormatException">The URL is not valid.</exception>
    public static string Describe(string location) => Describe(ParseLocation(location));

    private static string Describe(NpgsqlConnectionStringBuilder builder) =>
        $"postgresql://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";

    private static async Task<bool> HasSchemaAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT to_regclass('schema_version') IS NOT NULL";
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    private static ReportStoreException Classify(NpgsqlException exception, string description)
    {
        if (exception is PostgresException server)
        {
            // SQLSTATE class 28 is "invalid authorization specification"; 3D000 is "invalid catalog name".
            var error = server.SqlState switch
            {
                "28P01" or "28000" => ReportStoreError.AuthenticationFailed,
                "3D000" => ReportStoreError.DatabaseNotFound,
                _ => ReportStoreError.ServerError,
            };
            return new ReportStoreException(error, description, server.SqlState, exception);
        }

        switch (exception.InnerException)
        {
            case System.Net.Sockets.SocketException socket:
                return new ReportStoreException(ReportStoreError.ConnectionFailed, description, socket.SocketErrorCode.ToString(), exception);
            case TimeoutException:
                return new ReportStoreException(ReportStoreError.ConnectionFailed, description, "TimedOut", exception);
        }

        // NOTE: Npgsql 10 reports a missing password only by its message text, with no SQLSTATE.
        if (exception.Message.Contains("password", StringComparison.OrdinalIgnoreCase))
        {
            return new ReportStoreException(ReportStoreError.AuthenticationFailed, description, "NoPassword", exception);
        }

        return new ReportStoreException(ReportStoreError.ConnectionFailed, description, null, exception);
    }

    /// <inheritdoc/>
    public override async Task<IReadOnlyList<StoreOutcome>> AddAsync(IReadOnlyList<IncomingReport> reports, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var outcomes = new StoreOutcome[reports.Count];
        var rows = new ReportRows[reports.Count];
        Parallel.For(0, reports.Count, i => rows[i] = ReportRows.Create(reports[i]));

        // A report delivered twice within one batch: the first copy is stored, the others are duplicates.
        var firstIndex = new Dictionary<ReportKey, int>();
        var candidates = new List<int>(rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            if (firstIndex.TryAdd(rows[i].Key, i))
            {
                candidates.Add(i);
            }
            else
            {
                outcomes[i] = StoreOutcome.Duplicate;
            }
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var stored = await InsertReportsAsync(connection, transaction, rows, candidates, cancellationToken);
        foreach (var i in candidates)
        {
            outcomes[i] = stored.ContainsKey(rows[i].Key) ? StoreOutcome.Stored : StoreOutcome.Duplicate;
        }

        await CopyPoliciesAsync(connection, rows, candidates, stored, cancellationToken);
        await CopyFailureDetailsAsync(connection, rows, candidates, stored, cancellationToken);

        // NOTE: one query per duplicate; re-importing a large archive pays one round trip per report.
        for (var i = 0; i < rows.Length; i++)
        {
            if (outcomes[i] == StoreOutcome.Duplicate && !await HasSameContentAsync(connection, transaction, rows[i], cancellationToken))
            {
                outcomes[i] = StoreOutcome.DuplicateWithDifferentContent;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return outcomes;
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
    }

    /// <inheritdoc/>
    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        return await _dataSource.OpenConnectionAsync(cancellationToken);
    }

    private static async Task<Dictionary<ReportKey, long>> InsertReportsAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        ReportRows[] rows,
        List<int> candidates,
        CancellationToken cancellationToken)
    {
        var count = candidates.Count;
        var organizationKeys = new string[count];
        var reportIds = new string[count];
        var organizationNames = new string?[count];
        var contactInfos = new string?[count];
        var startTimes = new long[count];
        var endTimes = new long[count];
        var sources = new string[count];
        var receivedAts = new long[count];
        var policyCounts = new int[count];
        var failureDetailCounts = new int[count];
        var rawGzips = new byte[]?[count];
        var diagnostics = new string[count];
        var normalizedJsons = new string?[count];
        for (var n = 0; n < count; n++)
        {
            var row = rows[candidates[n]];
            organizationKeys[n] = row.Key.Organization;
            reportIds[n] = row.Key.ReportId;
            organizationNames[n] = row.Incoming.Report.OrganizationName;
            contactInfos[n] = row.Incoming.Report.ContactInfo;
            startTimes[n] = row.StartTime;
            endTimes[n] = row.EndTime;
            sources[n] = row.Incoming.Source;
            receivedAts[n] = row.Incoming.ReceivedAt.ToUnixTimeSeconds();
            policyCounts[n] = row.Policies.Count;
            failureDetailCounts[n] = row.FailureDetailCount;
            rawGzips[n] = row.RawGzip;
            diagnostics[n] = row.DiagnosticsJson;
            normalizedJsons[n] = row.Incoming.NormalizedJson;
        }

        await using var command = new NpgsqlCommand(
            """
            INSERT INTO reports (organization_key, report_id, organization_name, contact_info, start_time, end_time,
                                 source, received_at, policy_count, failure_detail_count, raw_gzip, diagnostics, normalized_json)
            SELECT * FROM unnest(@organizationKeys, @reportIds, @organizationNames, @contactInfos, @startTimes, @endTimes,
                                 @sources, @receivedAts, @policyCounts, @failureDetailCounts, @rawGzips, @diagnostics, @normalizedJsons)
            ON CONFLICT (organization_key, report_id) DO NOTHING
            RETURNING id, organization_key, report_id
            """,
            connection,
            transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]>("organizationKeys", organizationKeys));
        command.Parameters.Add(new NpgsqlParameter<string[]>("reportIds", reportIds));
        command.Parameters.Add(new NpgsqlParameter<string?[]>("organizationNames", organizationNames));
        command.Parameters.Add(new NpgsqlParameter<string?[]>("contactInfos", contactInfos));
        command.Parameters.Add(new NpgsqlParameter<long[]>("startTimes", startTimes));
        command.Parameters.Add(new NpgsqlParameter<long[]>("endTimes", endTimes));
        command.Parameters.Add(new NpgsqlParameter<string[]>("sources", sources));
        command.Parameters.Add(new NpgsqlParameter<long[]>("receivedAts", receivedAts));
        command.Parameters.Add(new NpgsqlParameter<int[]>("policyCounts", policyCounts));
        command.Parameters.Add(new NpgsqlParameter<int[]>("failureDetailCounts", failureDetailCounts));
        command.Parameters.Add(new NpgsqlParameter<byte[]?[]>("rawGzips", rawGzips) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        command.Parameters.Add(new NpgsqlParameter<string[]>("diagnostics", diagnostics));
        command.Parameters.Add(new NpgsqlParameter<string?[]>("normalizedJsons", normalizedJsons));

        var stored = new Dictionary<ReportKey, long>(count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            stored.Add(new ReportKey(reader.GetString(1), reader.GetString(2)), reader.GetInt64(0));
        }

        return stored;
    }

    private static async Task CopyPoliciesAsync(
        NpgsqlConnection connection,
        ReportRows[] rows,
        List<int> candidates,
        Dictionary<ReportKey, long> stored,
        CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            """
            COPY policies (report_row, ordinal, organization, start_time, policy_type, policy_domain, policy_mode,
                           policy_string, mx_host, successful_sessions, failed_sessions, detail_sessions) FROM STDIN (FORMAT BINARY)
            """,
            cancellationToken);
        foreach (var i in candidates)
        {
            var row = rows[i];
            if (!stored.TryGetValue(row.Key, out var reportRow))
            {
                continue;
            }

            foreach (var policy in row.Policies)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(reportRow, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(policy.Ordinal, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(row.Key.Organization, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(row.StartTime, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(policy.PolicyType, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(policy.PolicyDomain, NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(importer, policy.PolicyMode, cancellationToken);
                await importer.WriteAsync(policy.PolicyString, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(policy.MxHost, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(policy.SuccessfulSessions, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(policy.FailedSessions, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(policy.DetailSessions, NpgsqlDbType.Bigint, cancellationToken);
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task CopyFailureDetailsAsync(
        NpgsqlConnection connection,
        ReportRows[] rows,
        List<int> candidates,
        Dictionary<ReportKey, long> stored,
        CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            """
            COPY failure_details (report_row, policy_ordinal, ordinal, organization, start_time, policy_domain, result_type,
                                  sending_mta_ip, receiving_mx_hostname, receiving_mx_helo, receiving_ip,
                                  failed_session_count, additional_information, failure_reason_code) FROM STDIN (FORMAT BINARY)
            """,
            cancellationToken);
        foreach (var i in candidates)
        {
            var row = rows[i];
            if (!stored.TryGetValue(row.Key, out var reportRow))
            {
                continue;
            }

            foreach (var policy in row.Policies)
            {
                for (var j = 0; j < policy.FailureDetails.Count; j++)
                {
                    var detail = policy.FailureDetails[j];
                    await importer.StartRowAsync(cancellationToken);
                    await importer.WriteAsync(reportRow, NpgsqlDbType.Bigint, cancellationToken);
                    await importer.WriteAsync(policy.Ordinal, NpgsqlDbType.Integer, cancellationToken);
                    await importer.WriteAsync(j, NpgsqlDbType.Integer, cancellationToken);
                    await importer.WriteAsync(row.Key.Organization, NpgsqlDbType.Text, cancellationToken);
                    await importer.WriteAsync(row.StartTime, NpgsqlDbType.Bigint, cancellationToken);
                    await importer.WriteAsync(policy.PolicyDomain, NpgsqlDbType.Text, cancellationToken);
                    await importer.WriteAsync(detail.ResultType, NpgsqlDbType.Text, cancellationToken);
                    await WriteNullableAsync(importer, detail.SendingMtaIp, cancellationToken);
                    await WriteNullableAsync(importer, ReportRows.NormalizeHost(detail.ReceivingMxHostname), cancellationToken);
                    await WriteNullableAsync(importer, detail.ReceivingMxHelo, cancellationToken);
                    await WriteNullableAsync(importer, detail.ReceivingIp, cancellationToken);
                    await importer.WriteAsync(detail.FailedSessionCount, NpgsqlDbType.Bigint, cancellationToken);
                    await WriteNullableAsync(importer, detail.AdditionalInformation, cancellationToken);
                    await WriteNullableAsync(importer, detail.FailureReasonCode, cancellationToken);
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await importer.WriteNullAsync(cancellationToken);
        }
        else
        {
            await importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
        }
    }
}
