using Microsoft.Data.Sqlite;
using MtaSts.Server.Sqlite;

namespace MtaSts.Server.Domains;

/// <summary>A domain catalog in a SQLite file; its schema is <c>DomainSchema.sql</c> beside this file.</summary>
public sealed class SqliteDomainCatalog : DomainCatalog
{
    private const string Columns = "name, policy, policy_id, created_at, updated_at, retired_at, removable_at, cached_until";

    private const string BumpVersion = "UPDATE server_catalog_version SET version = version + 1 WHERE id = 1;";

    private readonly SqliteFile _file;

    private SqliteDomainCatalog(SqliteFile file, TimeProvider timeProvider)
        : base(timeProvider)
    {
        _file = file;
    }

    /// <inheritdoc />
    public override string Location => _file.Path;

    /// <summary>
    /// Opens the catalog in the SQLite file at <paramref name="path"/>, creating its tables if needed,
    /// and the file too unless <paramref name="create"/> is <see langword="false"/>.
    /// </summary>
    /// <exception cref="SqliteException">The file is missing (without <paramref name="create"/>) or is not a SQLite database.</exception>
    public static async Task<SqliteDomainCatalog> OpenAsync(string path, TimeProvider timeProvider, bool create = true, CancellationToken cancellationToken = default)
    {
        var file = await SqliteFile.OpenAsync(path, "MtaSts.Server.Domains.DomainSchema.sql", create, cancellationToken);
        await AddCachedUntilColumnAsync(file, cancellationToken);
        return new SqliteDomainCatalog(file, timeProvider);
    }

    // Catalogs created before cached_until existed lack the column; SQLite has no ADD COLUMN IF NOT EXISTS.
    private static async Task AddCachedUntilColumnAsync(SqliteFile file, CancellationToken cancellationToken)
    {
        await using var connection = await file.ConnectAsync(cancellationToken);
        await using var check = connection.CreateCommand();
        check.CommandText = "SELECT COUNT(*) FROM pragma_table_info('server_domains') WHERE name = 'cached_until';";
        if ((long)(await check.ExecuteScalarAsync(cancellationToken) ?? 0L) > 0)
        {
            return;
        }

        await using var alter = connection.CreateCommand();
        alter.CommandText = "ALTER TABLE server_domains ADD COLUMN cached_until INTEGER;";
        try
        {
            await alter.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException e) when (e.Message.Contains("duplicate column", StringComparison.Ordinal))
        {
            // Another process added it between the check and the ALTER.
        }
    }

    /// <inheritdoc />
    public override async Task<long> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _file.ConnectAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM server_catalog_version WHERE id = 1;";
        return (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<ManagedDomain>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _file.ConnectAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM server_domains ORDER BY name;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var domains = new List<ManagedDomain>();
        while (await reader.ReadAsync(cancellationToken))
        {
            domains.Add(ReadDomain(reader));
        }

        return domains;
    }

    /// <inheritdoc />
    public override async Task<ManagedDomain?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await _file.ConnectAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM server_domains WHERE name = $name;";
        command.Parameters.AddWithValue("$name", name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadDomain(reader) : null;
    }

    /// <inheritdoc />
    protected override async Task<bool> InsertAsync(ManagedDomain domain, CancellationToken cancellationToken)
    {
        var sql = $"INSERT INTO server_domains ({Columns}) VALUES ($name, $policy, $policy_id, $created_at, $updated_at, $retired_at, $removable_at, $cached_until) ON CONFLICT (name) DO NOTHING;";
        return await WriteAsync(sql, domain, null, cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task<bool> ReplaceAsync(ManagedDomain domain, string expectedPolicyId, CancellationToken cancellationToken)
    {
        const string Sql = """
            UPDATE server_domains
            SET policy = $policy, policy_id = $policy_id, updated_at = $updated_at,
                retired_at = $retired_at, removable_at = $removable_at, cached_until = $cached_until
            WHERE name = $name AND policy_id = $expected_policy_id;
            """;
        return await WriteAsync(Sql, domain, expectedPolicyId, cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await _file.ConnectAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM server_domains WHERE name = $name; " + BumpVersion;
        command.Parameters.AddWithValue("$name", name);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<bool> WriteAsync(string sql, ManagedDomain domain, string? expectedPolicyId, CancellationToken cancellationToken)
    {
        await using var connection = await _file.ConnectAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$name", domain.Name);
        command.Parameters.AddWithValue("$policy", domain.Policy.Write());
        command.Parameters.AddWithValue("$policy_id", domain.PolicyId);
        command.Parameters.AddWithValue("$created_at", domain.CreatedAt.ToUnixTimeSeconds());
        command.Parameters.AddWithValue("$updated_at", domain.UpdatedAt.ToUnixTimeSeconds());
        command.Parameters.AddWithValue("$retired_at", (object?)domain.RetiredAt?.ToUnixTimeSeconds() ?? DBNull.Value);
        command.Parameters.AddWithValue("$removable_at", (object?)domain.RemovableAt?.ToUnixTimeSeconds() ?? DBNull.Value);
        command.Parameters.AddWithValue("$cached_until", (object?)domain.ReplacedPoliciesCachedUntil?.ToUnixTimeSeconds() ?? DBNull.Value);
        if (expectedPolicyId is not null)
        {
            command.Parameters.AddWithValue("$expected_policy_id", expectedPolicyId);
        }

        var changed = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        if (changed)
        {
            await using var bump = connection.CreateCommand();
            bump.Transaction = transaction;
            bump.CommandText = BumpVersion;
            await bump.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return changed;
    }
}
