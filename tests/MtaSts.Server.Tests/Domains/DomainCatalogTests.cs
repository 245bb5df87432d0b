using MtaSts.Policies;
using MtaSts.Server.Domains;
using MtaSts.Server.Tests.Support;
using Xunit;

namespace MtaSts.Server.Tests.Domains;

public sealed class DomainCatalogTests : IDisposable
{
    private static readonly DateTimeOffset s_start = new(2026, 12, 4, 20, 19, 5, TimeSpan.Zero);

    private static readonly StsPolicy s_testing =
        StsPolicy.Create(PolicyMode.Testing, [MxPattern.Parse("mx1.example.com"), MxPattern.Parse("*.mail.example.com")], 604800);

    private readonly ManualTimeProvider _clock = new(s_start);
    private readonly string _folder = Directory.CreateTempSubdirectory("mtasts-catalog-test-").FullName;

    public static TheoryData<string> Backends => ["memory", "sqlite"];

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Add_GivesTimestampPolicyId(string backend)
    {
        var catalog = await OpenAsync(backend);

        var domain = await catalog.AddAsync("example.com", s_testing);

        Assert.Equal("20261204T201905", domain.PolicyId);
        Assert.Equal(RolloutState.Testing, domain.State);
        Assert.Equal(s_testing.Write(), (await catalog.FindAsync("example.com"))!.Policy.Write());
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Add_RejectsExistingDomain(string backend)
    {
        var catalog = await OpenAsync(backend);
        await catalog.AddAsync("example.com", s_testing);

        var error = await Assert.ThrowsAsync<DomainCatalogException>(() => catalog.AddAsync("example.com", s_testing));

        Assert.Equal(DomainCatalogError.AlreadyExists, error.Error);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task SetPolicy_SameContentKeepsId(string backend)
    {
        var catalog = await OpenAsync(backend);
        var added = await catalog.AddAsync("example.com", s_testing);
        _clock.Now = s_start.AddMinutes(5);

        var same = StsPolicy.Create(PolicyMode.Testing, [MxPattern.Parse("mx1.example.com"), MxPattern.Parse("*.mail.example.com")], 604800);
        var updated = await catalog.SetPolicyAsync("example.com", same);

        Assert.Equal(added.PolicyId, updated.PolicyId);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task SetPolicy_NewContentGetsNewId(string backend)
    {
        var catalog = await OpenAsync(backend);
        var added = await catalog.AddAsync("example.com", s_testing);

        // Within the same second: the id still changes.
        var changed = StsPolicy.Create(PolicyMode.Testing, [MxPattern.Parse("mx2.example.com")], 604800);
        var first = await catalog.SetPolicyAsync("example.com", changed);
        var second = await catalog.SetPolicyAsync("example.com", s_testing);

        Assert.Equal("20261204T201905x2", first.PolicyId);
        Assert.Equal("20261204T201905x3", second.PolicyId);
        Assert.NotEqual(added.PolicyId, first.PolicyId);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Promote_MovesTestingToEnforce(string backend)
    {
        var catalog = await OpenAsync(backend);
        await catalog.AddAsync("example.com", s_testing);
        _clock.Now = s_start.AddDays(14);

        var promoted = await catalog.PromoteAsync("example.com");

        Assert.Equal(PolicyMode.Enforce, promoted.Policy.Mode);
        Assert.Equal(RolloutState.Enforce, promoted.State);
        Assert.Equal("20261218T201905", promoted.PolicyId);
        Assert.Equal(s_testing.MxPatterns, promoted.Policy.MxPatterns);
        Assert.Equal(s_testing.MaxAge, promoted.Policy.MaxAge);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Promote_RejectsEnforcedDomain(string backend)
    {
        var catalog = await OpenAsync(backend);
        await catalog.AddAsync("example.com", s_testing);
        await catalog.PromoteAsync("example.com");

        var error = await Assert.ThrowsAsync<DomainCatalogException>(() => catalog.PromoteAsync("example.com"));

        Assert.Equal(DomainCatalogError.NotInTesting, error.Error);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Retire_PublishesNoneUntilMaxAge(string backend)
    {
        var catalog = await OpenAsync(backend);
        await catalog.AddAsync("example.com", s_testing);
        _clock.Now = s_start.AddDays(1);

        var retired = await catalog.RetireAsync("example.com");

        Assert.Equal(PolicyMode.None, retired.Policy.Mode);
        Assert.Equal(RolloutState.Retired, retired.State);
        Assert.Equal(s_start.AddDays(1), retired.RetiredAt);
        Assert.Equal(s_start.AddDays(1).AddSeconds(604800), retired.RemovableAt);
    }

    private const long Year = 365 * 86400L;

    // Each case adds a year-long policy at s_start, makes the change one hour later and retires
    // two hours after s_start; the value is the expected RemovableAt in seconds after s_start.
    public static TheoryData<string, string, long> RetireAfterChanges => new()
    {
        // Lowering max_age leaves the year-long policy in caches for a year after its replacement.
        { "memory", "set-policy", 3600 + Year },
        { "sqlite", "set-policy", 3600 + Year },

        // Promote keeps max_age, so the enforce policy served until retirement sets the date.
        { "memory", "promote", 7200 + Year },
        { "sqlite", "promote", 7200 + Year },
        { "memory", "none", 7200 + Year },
        { "sqlite", "none", 7200 + Year },
    };

    [Theory]
    [MemberData(nameof(RetireAfterChanges))]
    public async Task Retire_WaitsForEveryCachedVersion(string backend, string change, long expectedSeconds)
    {
        var catalog = await OpenAsync(backend);
        await catalog.AddAsync("example.com", StsPolicy.Create(PolicyMode.Testing, [MxPattern.Parse("mx1.example.com")], Year));
        _clock.Now = s_start.AddHours(1);
        if (change == "set-policy")
        {
            await catalog.SetPolicyAsync("example.com", StsPolicy.Create(PolicyMode.Testing, [MxPattern.Parse("mx1.example.com")], 86400));
        }
        else if (change == "promote")
        {
            await catalog.PromoteAsync("example.com");
        }

        _clock.Now = s_start.AddHours(2);
        var retired = await catalog.RetireAsync("example.com");
        var stored = await catalog.FindAsync("example.com");

        Assert.Equal(s_start.AddSeconds(expectedSeconds), retired.RemovableAt);
        Assert.Equal(s_start.AddSeconds(expectedSeconds), stored!.RemovableAt);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Retire_KeepsCacheTimeAcrossRetirement(string backend)
    {
        var catalog = await OpenAsync(backend);
        var yearLong = StsPolicy.Create(PolicyMode.Testing, [MxPattern.Parse("mx1.example.com")], Year);
        var dayLong = StsPolicy.Create(PolicyMode.Testing, [MxPattern.Parse("mx1.example.com")], 86400);
        await catalog.AddAsync("example.com", yearLong);
        await catalog.RetireAsync("example.com");
        _clock.Now = s_start.AddDays(2);

        // Back into use with a one-day policy, then retired again: the year-long mode none policy
        // served until now may still be cached.
        await catalog.SetPolicyAsync("example.com", dayLong);
        _clock.Now = s_start.AddDays(3);
        var retired = await catalog.RetireAsync("example.com");

        Assert.Equal(s_start.AddDays(2).AddSeconds(Year), retired.RemovableAt);
    }

    [Fact]
    public async Task Sqlite_AddsCachedUntilToOldCatalog()
    {
        var path = Path.Combine(_folder, "old.db");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE server_domains (
                    name TEXT PRIMARY KEY, policy TEXT NOT NULL, policy_id TEXT NOT NULL,
                    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
                    retired_at INTEGER, removable_at INTEGER) STRICT;
                """;
            await command.ExecuteNonQueryAsync();
        }

        var catalog = await SqliteDomainCatalog.OpenAsync(path, _clock);
        await catalog.AddAsync("example.com", s_testing);
        _clock.Now = s_start.AddHours(1);
        var updated = await catalog.PromoteAsync("example.com");

        Assert.Equal(s_start.AddHours(1).AddSeconds(604800), updated.ReplacedPoliciesCachedUntil);
        Assert.Equal(updated.ReplacedPoliciesCachedUntil, (await catalog.FindAsync("example.com"))!.ReplacedPoliciesCachedUntil);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Remove_WaitsForRetirementEnd(string backend)
    {
        var catalog = await OpenAsync(backend);
        await catalog.AddAsync("example.com", s_testing);
        var retired = await catalog.RetireAsync("example.com");

        _clock.Now = retired.RemovableAt!.Value.AddSeconds(-1);
        var early = await Assert.ThrowsAsync<DomainCatalogException>(() => catalog.RemoveAsync("example.com"));
        _clock.Now = retired.RemovableAt.Value;
        await catalog.RemoveAsync("example.com");

        Assert.Equal(DomainCatalogError.RetirementNotOver, early.Error);
        Assert.Equal(retired.RemovableAt, early.RemovableAt);
        Assert.Null(await catalog.FindAsync("example.com"));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Remove_RejectsDomainInUse(string backend)
    {
        var catalog = await OpenAsync(backend);
        await catalog.AddAsync("example.com", s_testing);

        var error = await Assert.ThrowsAsync<DomainCatalogException>(() => catalog.RemoveAsync("example.com"));

        Assert.Equal(DomainCatalogError.NotRetired, error.Error);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Change_RejectsUnknownDomain(string backend)
    {
        var catalog = await OpenAsync(backend);

        var error = await Assert.ThrowsAsync<DomainCatalogException>(() => catalog.PromoteAsync("unknown.test"));

        Assert.Equal(DomainCatalogError.NotFound, error.Error);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Version_GrowsWithEachChange(string backend)
    {
        var catalog = await OpenAsync(backend);
        var initial = await catalog.GetVersionAsync();

        await catalog.AddAsync("example.com", s_testing);
        var afterAdd = await catalog.GetVersionAsync();
        await catalog.PromoteAsync("example.com");
        var afterPromote = await catalog.GetVersionAsync();

        Assert.True(afterAdd > initial, $"{afterAdd} > {initial}");
        Assert.True(afterPromote > afterAdd, $"{afterPromote} > {afterAdd}");
    }

    [Fact]
    public async Task Sqlite_SharedBetweenInstances()
    {
        var path = Path.Combine(_folder, "shared.db");
        var writer = await SqliteDomainCatalog.OpenAsync(path, _clock);
        var reader = await SqliteDomainCatalog.OpenAsync(path, _clock);
        var before = await reader.GetVersionAsync();

        await writer.AddAsync("example.com", s_testing);

        Assert.NotEqual(before, await reader.GetVersionAsync());
        Assert.Equal("example.com", Assert.Single(await reader.ListAsync()).Name);
    }

    [Theory]
    [InlineData("20261204T201905", null, "20261204T201905")]
    [InlineData("20261204T201905", "20261204T201904", "20261204T201905")]
    [InlineData("20261204T201905", "20261204T201905", "20261204T201905x2")]
    [InlineData("20261204T201905", "20261204T201905x9", "20261204T201905x10")]
    public void NextPolicyId_DiffersFromPrevious(string expectedStamp, string? previous, string expected)
    {
        var now = new DateTimeOffset(2026, 12, 4, 20, 19, 5, TimeSpan.Zero);

        var id = DomainCatalog.NextPolicyId(now, previous);

        Assert.StartsWith(expectedStamp, id, StringComparison.Ordinal);
        Assert.Equal(expected, id);
    }

    [Theory]
    [InlineData("Example.COM.", "example.com")]
    [InlineData("ejemplo-ñandú.es", "xn--ejemplo-and-8db4j.es")]
    [InlineData("localhost", null)]
    [InlineData("192.0.2.1", null)]
    [InlineData("", null)]
    [InlineData("bad_label!.example", null)]
    public void DomainName_Normalizes(string value, string? expected)
    {
        Assert.Equal(expected, DomainName.TryNormalize(value));
    }

    private async Task<IDomainCatalog> OpenAsync(string backend) => backend == "memory"
        ? new InMemoryDomainCatalog(_clock)
        : await SqliteDomainCatalog.OpenAsync(Path.Combine(_folder, "catalog.db"), _clock);
}
