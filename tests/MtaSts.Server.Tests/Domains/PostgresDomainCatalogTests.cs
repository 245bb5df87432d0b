using MtaSts.Policies;
using MtaSts.Server.Domains;
using MtaSts.Server.Tests.Support;
using Npgsql;
using Xunit;

namespace MtaSts.Server.Tests.Domains;

/// <summary>
/// The PostgreSQL catalog against the server that <c>.ci/install-storage.sh</c> starts on loopback
/// and names in <c>MTASTS_TEST_POSTGRES</c>; each test class instance works in a schema of its own.
/// </summary>
public sealed class PostgresDomainCatalogTests : IAsyncLifetime
{
    private static readonly DateTimeOffset s_start = new(2026, 12, 4, 20, 19, 5, TimeSpan.Zero);

    private static readonly StsPolicy s_testing = StsPolicy.Create(PolicyMode.Testing, [MxPattern.Parse("mx1.example.com")], 86400);

    private readonly ManualTimeProvider _clock = new(s_start);
    private readonly string _schema = "mtasts_server_test_" + Guid.NewGuid().ToString("N");
    private string? _connectionString;
    private PostgresDomainCatalog? _catalog;

    public async Task InitializeAsync()
    {
        var baseConnection = Environment.GetEnvironmentVariable("MTASTS_TEST_POSTGRES");
        if (string.IsNullOrEmpty(baseConnection))
        {
            return;
        }

        await using (var connection = new NpgsqlConnection(baseConnection))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {_schema}", connection);
            await create.ExecuteNonQueryAsync();
        }

        _connectionString = new NpgsqlConnectionStringBuilder(baseConnection) { SearchPath = _schema }.ConnectionString;
        _catalog = await PostgresDomainCatalog.OpenAsync(_connectionString, _clock);
    }

    public async Task DisposeAsync()
    {
        if (_catalog is null)
        {
            return;
        }

        await _catalog.DisposeAsync();
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("MTASTS_TEST_POSTGRES"));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA {_schema} CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }

    [SkippableFact]
    public async Task Lifecycle_FollowsSameRules()
    {
        var catalog = RequireCatalog();

        var added = await catalog.AddAsync("example.com", s_testing);
        var duplicate = await Assert.ThrowsAsync<DomainCatalogException>(() => catalog.AddAsync("example.com", s_testing));
        var promoted = await catalog.PromoteAsync("example.com");
        _clock.Now = s_start.AddHours(1);
        var retired = await catalog.RetireAsync("example.com");
        var early = await Assert.ThrowsAsync<DomainCatalogException>(() => catalog.RemoveAsync("example.com"));
        _clock.Now = retired.RemovableAt!.Value;
        await catalog.RemoveAsync("example.com");

        Assert.Equal("20261204T201905", added.PolicyId);
        Assert.Equal(DomainCatalogError.AlreadyExists, duplicate.Error);
        Assert.Equal("20261204T201905x2", promoted.PolicyId);
        Assert.Equal(PolicyMode.Enforce, promoted.Policy.Mode);
        Assert.Equal(PolicyMode.None, retired.Policy.Mode);
        Assert.Equal(s_start.AddHours(1).AddSeconds(86400), retired.RemovableAt);
        Assert.Equal(DomainCatalogError.RetirementNotOver, early.Error);
        Assert.Empty(await catalog.ListAsync());
    }

    [SkippableFact]
    public async Task Policy_RoundTripsThroughDatabase()
    {
        var catalog = RequireCatalog();
        var policy = StsPolicy.Create(PolicyMode.Testing, [MxPattern.Parse("mx1.example.com"), MxPattern.Parse("*.mail.example.com")], 604800);

        await catalog.AddAsync("example.com", policy);
        var found = await catalog.FindAsync("example.com");

        Assert.NotNull(found);
        Assert.Equal(policy.Write(), found.Policy.Write());
        Assert.Equal(s_start, found.CreatedAt);
    }

    [SkippableFact]
    public async Task Version_SeenByOtherInstance()
    {
        var catalog = RequireCatalog();
        await using var other = await PostgresDomainCatalog.OpenAsync(_connectionString!, _clock);
        var before = await other.GetVersionAsync();

        await catalog.AddAsync("example.com", s_testing);

        Assert.True(await other.GetVersionAsync() > before);
        Assert.Equal("example.com", Assert.Single(await other.ListAsync()).Name);
    }

    private PostgresDomainCatalog RequireCatalog()
    {
        if (_catalog is not null)
        {
            return _catalog;
        }

        const string Message = "MTASTS_TEST_POSTGRES is not set; source .ci/install-storage.sh to start PostgreSQL on loopback.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(Message);
        }

        Skip.If(true, Message);
        return null!;
    }
}
