using System.Text.RegularExpressions;
using MtaSts.Storage.Postgres;
using MtaSts.Storage.Sqlite;

namespace MtaSts.Storage;

/// <summary>Opens the report store that a <c>--store</c> value names.</summary>
public static partial class ReportStore
{
    /// <summary>
    /// The SQLite file used when no store is named: <c>mtasts/reports.db</c> under the user's
    /// local application data folder (<c>~/.local/share</c> on Linux).
    /// </summary>
    public static string DefaultPath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "mtasts", "reports.db");

    /// <summary>
    /// Opens the store at <paramref name="location"/>, creating it when missing: a PostgreSQL
    /// database for a <c>postgres://</c> URL or a connection string with <c>Host=</c>, else a
    /// SQLite file. Only the folder of <see cref="DefaultPath"/> is created; the folder of any
    /// other file must exist, so that a mistyped path fails instead of creating folders.
    /// </summary>
    /// <param name="location">The store, or <see langword="null"/> for <see cref="DefaultPath"/>.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <exception cref="ReportStoreException">The location is invalid, or names a file that is not a report store, or a server that cannot be used.</exception>
    public static Task<IReportStore> OpenAsync(string? location, CancellationToken cancellationToken = default)
    {
        return OpenCoreAsync(location, create: true, cancellationToken);
    }

    /// <summary>
    /// Opens the existing store at <paramref name="location"/> without creating anything, for
    /// commands that only read reports.
    /// </summary>
    /// <param name="location">The store, or <see langword="null"/> for <see cref="DefaultPath"/>.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <exception cref="ReportStoreException">The store does not exist (<see cref="ReportStoreError.NotFound"/>), or cannot be opened.</exception>
    public static Task<IReportStore> OpenExistingAsync(string? location, CancellationToken cancellationToken = default)
    {
        return OpenCoreAsync(location, create: false, cancellationToken);
    }

    /// <summary>Returns whether <paramref name="location"/> starts with a URL scheme (<c>name://</c>).</summary>
    public static bool IsUrl(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return UrlScheme().IsMatch(location);
    }

    private static async Task<IReportStore> OpenCoreAsync(string? location, bool create, CancellationToken cancellationToken)
    {
        if (location is null)
        {
            if (create)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(DefaultPath)!);
            }

            return await SqliteReportStore.OpenAsync(DefaultPath, create, cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(location))
        {
            throw new ReportStoreException(ReportStoreError.InvalidLocation, location, "empty location");
        }

        if (PostgresReportStore.IsPostgresLocation(location))
        {
            return await PostgresReportStore.OpenAsync(location, create, cancellationToken);
        }

        if (IsUrl(location))
        {
            throw new ReportStoreException(ReportStoreError.InvalidLocation, location, "unsupported URL scheme");
        }

        return await SqliteReportStore.OpenAsync(location, create, cancellationToken);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*://")]
    private static partial Regex UrlScheme();
}
