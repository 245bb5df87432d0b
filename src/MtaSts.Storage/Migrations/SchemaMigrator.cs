using System.Data.Common;
using System.Globalization;

namespace MtaSts.Storage.Migrations;

/// <summary>
/// Applies the embedded <c>NNNN_name.sql</c> scripts of one backend in version order, each in the
/// transaction that records it in <c>schema_version</c>.
/// </summary>
internal static class SchemaMigrator
{
    private const string ResourcePrefix = "MtaSts.Storage.Migrations.";

    /// <summary>Returns the scripts of <paramref name="backend"/> ("Sqlite" or "Postgres") by version.</summary>
    public static IReadOnlyList<(int Version, string Sql)> LoadScripts(string backend)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = ResourcePrefix + backend;
        var scripts = new List<(int, string)>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal) || !name.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var fileName = name[(prefix.Length + 1)..];
            var version = int.Parse(fileName.AsSpan(0, fileName.IndexOf('_')), CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            scripts.Add((version, reader.ReadToEnd()));
        }

        scripts.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return scripts;
    }

    /// <summary>Brings the schema behind <paramref name="connection"/> to the newest version.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="backend">The folder of the scripts.</param>
    /// <param name="lockSql">A statement that serialises concurrent migrations inside the transaction, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the migration.</param>
    /// <exception cref="InvalidOperationException">The store was written by a newer version of mtasts.</exception>
    public static async Task MigrateAsync(DbConnection connection, string backend, string? lockSql, CancellationToken cancellationToken)
    {
        var scripts = LoadScripts(backend);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        if (lockSql is not null)
        {
            await ExecuteAsync(connection, transaction, lockSql, cancellationToken);
        }

        await ExecuteAsync(
            connection,
            transaction,
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)",
            cancellationToken);

        await using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        var current = Convert.ToInt32(await select.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);

        var newest = scripts.Count == 0 ? 0 : scripts[^1].Version;
        if (current > newest)
        {
            throw new InvalidOperationException(
                $"The store has schema version {current}, newer than version {newest} that this mtasts supports. Upgrade mtasts to use this store.");
        }

        foreach (var (version, sql) in scripts)
        {
            if (version <= current)
            {
                continue;
            }

            await ExecuteAsync(connection, transaction, sql, cancellationToken);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES (@version, @appliedAt)";
            AddParameter(record, "version", version);
            AddParameter(record, "appliedAt", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
