using MtaSts.Storage.Postgres;
using MtaSts.Storage.Sqlite;

namespace MtaSts.Storage;

/// <summary>Opens the report store that a <c>--store</c> value names.</summary>
public static class ReportStore
{
    /// <summary>
    /// The SQLite file used when no store is named: <c>mtasts/reports.db</c> under the user's
    /// local application data folder (<c>~/.local/share</c> on Linux).
    /// </summary>
    public static string DefaultPath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "mtasts", "reports.db");

    /// <summary>
    /// Opens the store at <paramref name="location"/>: a PostgreSQL database for a
    /// <c>postgres://</c> URL or a connection string with <c>Host=</c>, else a SQLite file.
    /// </summary>
    /// <param name="location">The store, or <see langword="null"/> for <see cref="DefaultPath"/>.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    public static async Task<IReportStore> OpenAsync(string? location, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(location))
        {
            return await SqliteReportStore.OpenAsync(DefaultPath, cancellationToken);
        }

        if (PostgresReportStore.IsPostgresLocation(location))
        {
            return await PostgresReportStore.OpenAsync(location, cancellationToken);
        }

        return await SqliteReportStore.OpenAsync(location, cancellationToken);
    }
}
