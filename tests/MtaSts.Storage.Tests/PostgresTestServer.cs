using Xunit;

namespace MtaSts.Storage.Tests;

/// <summary>
/// The PostgreSQL server the tests use, named by <c>MTASTS_TEST_POSTGRES</c> (an Npgsql connection
/// string; <c>.ci/install-storage.sh</c> starts one on loopback and writes it).
/// </summary>
internal static class PostgresTestServer
{
    public const string Variable = "MTASTS_TEST_POSTGRES";

    public static string? ConnectionStringOrNull => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static string ConnectionString => ConnectionStringOrNull
        ?? throw new InvalidOperationException($"{Variable} is not set. Run .ci/install-storage.sh and source the file it writes.");

    /// <summary>Skips the running <c>[SkippableFact]</c> test when no server is configured, except under CI.</summary>
    public static void SkipUnlessConfigured() => Skip.If(SkipReason() is not null, SkipReason());

    /// <summary>Returns why the PostgreSQL tests skip, or <see langword="null"/> when they run.</summary>
    /// <remarks>Under CI (<c>CI=true</c>) they never skip, so a missing server fails them.</remarks>
    public static string? SkipReason()
    {
        if (ConnectionStringOrNull is not null || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return $"{Variable} is not set; run .ci/install-storage.sh to test against PostgreSQL.";
    }
}
