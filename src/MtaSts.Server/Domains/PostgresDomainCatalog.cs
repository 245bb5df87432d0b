using System.Reflection;
using MtaSts.Storage.Postgres;
using Npgsql;

namespace MtaSts.Server.Domains;

/// <summary>A domain catalog in PostgreSQL; its schema is <c>DomainSchema.Postgres.sql</c> beside this file.</summary>
public sealed class PostgresDomainCatalog : DomainCatalog, IAsyncDisposable
{
    private const string Columns = "name, policy, policy_id, created_at, updated_at, retired_at, removable_at, cached_until";

    private const string BumpVersion = "UPDATE server_catalog_version SET version = version + 1 WHERE id = 1";

    // Serialises schema creation between servers and commands that start at the same time.
    private const long SchemaLockKey = 0x6d7461737473_0002;

    private readonly NpgsqlDataSource _dataSource;

    private PostgresDomainCatalog(NpgsqlDataSource dataSource, string location, TimeProvider timeProvider)
        : base(timeProvider)
    {
        _dataSource = dataSource;
        Location = location;
    }

    /// <inheritdoc />
    public override string Location { get; }

    /// <summary>Connects to the database at <paramref name="location"/> (a <c>postgres://</c> URL or connection string) and creates the tables if needed.</summary>
    public static async Task<PostgresDomainCatalog> OpenAsync(string location, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        var builder = PostgresReportStore.ParseLocation(location);
        var description = $"postgresql://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
        var dataSource = NpgsqlDataSource.Create(builder);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({SchemaLockKey}); {ReadSchema()}", connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }

        return new PostgresDomainCatalog(dataSource, description, timeProvider);
    }

    /// <inheritdoc />
    public override async Task<long> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand("SELECT version FROM server_catalog_version WHERE id = 1");
        return (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<ManagedDomain>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {Columns} FROM server_domains ORDER BY name");
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
        await using var command = _dataSource.CreateCommand($"SELECT {Columns} FROM server_domains WHERE name = $1");
        command.Parameters.AddWithValue(name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadDomain(reader) : null;
    }

    /// <inheritdoc />
    protected override Task<bool> InsertAsync(ManagedDomain domain, CancellationToken cancellationToken) =>
        WriteAsync($"INSERT INTO server_domains ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (name) DO NOTHING", domain, null, cancellationToken);

    /// <inheritdoc />
    protected override Task<bool> ReplaceAsync(ManagedDomain domain, string expectedPolicyId, CancellationToken cancellationToken) =>
        WriteAsync(
            "UPDATE server_domains SET policy = $2, policy_id = $3, updated_at = $5, retired_at = $6, removable_at = $7, cached_until = $8 WHERE name = $1 AND policy_id = $9",
            domain,
            expectedPolicyId,
            cancellationToken);

    /// <inheritdoc />
    protected override async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var delete = new NpgsqlCommand("DELETE FROM server_domains WHERE name = $1", connection, transaction);
        delete.Parameters.AddWithValue(name);
        await delete.ExecuteNonQueryAsync(cancellationToken);
        await using var bump = new NpgsqlCommand(BumpVersion, connection, transaction);
        await bump.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Closes the connection pool.</summary>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task<bool> WriteAsync(string sql, ManagedDomain domain, string? expectedPolicyId, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue(domain.Name);
        command.Parameters.AddWithValue(domain.Policy.Write());
        command.Parameters.AddWithValue(domain.PolicyId);
        command.Parameters.AddWithValue(domain.CreatedAt.ToUnixTimeSeconds());
        command.Parameters.AddWithValue(domain.UpdatedAt.ToUnixTimeSeconds());
        command.Parameters.AddWithValue((object?)domain.RetiredAt?.ToUnixTimeSeconds() ?? DBNull.Value);
        command.Parameters.AddWithValue((object?)domain.RemovableAt?.ToUnixTimeSeconds() ?? DBNull.Value);
        command.Parameters.AddWithValue((object?)domain.ReplacedPoliciesCachedUntil?.ToUnixTimeSeconds() ?? DBNull.Value);
        if (expectedPolicyId is not null)
        {
            command.Parameters.AddWithValue(expectedPolicyId);
        }

        var changed = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        if (changed)
        {
            await using var bump = new NpgsqlCommand(BumpVersion, connection, transaction);
            await bump.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    private static string ReadSchema()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("MtaSts.Server.Domains.DomainSchema.Postgres.sql")
            ?? throw new InvalidOperationException("Missing embedded schema 'DomainSchema.Postgres.sql'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
