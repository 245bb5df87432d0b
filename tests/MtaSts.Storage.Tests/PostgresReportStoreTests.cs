using MtaSts.Storage.Postgres;
using Npgsql;
using Xunit;

namespace MtaSts.Storage.Tests;

/// <summary>Runs the store contract on a real PostgreSQL server, one schema per test.</summary>
public sealed class PostgresReportStoreTests : ReportStoreContract
{
    private readonly string _schema = "test_" + Guid.NewGuid().ToString("N");

    protected override async Task<IReportStore> OpenStoreAsync(bool reopen)
    {
        PostgresTestServer.SkipUnlessConfigured();
        var admin = PostgresTestServer.ConnectionString;
        if (!reopen)
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {_schema}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { SearchPath = _schema };
        return await PostgresReportStore.OpenAsync(builder.ConnectionString);
    }

    protected override async Task DeleteStoreAsync()
    {
        if (PostgresTestServer.ConnectionStringOrNull is null)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(PostgresTestServer.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }

    [SkippableFact]
    public void Location_hides_password()
    {
        Assert.DoesNotContain("Password", Store.Location, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("postgresql://", Store.Location, StringComparison.Ordinal);
    }
}
