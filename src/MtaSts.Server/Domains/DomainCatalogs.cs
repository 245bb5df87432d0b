using MtaSts.Server.Hosting;
using MtaSts.Storage.Postgres;

namespace MtaSts.Server.Domains;

/// <summary>Opens the domain catalog that a <c>--store</c> value names, beside the report store.</summary>
public static class DomainCatalogs
{
    /// <summary>
    /// Opens the catalog at <paramref name="store"/>: PostgreSQL for a <c>postgres://</c> URL or a
    /// connection string with <c>Host=</c>, else a SQLite file; <see langword="null"/> for <see cref="StorePaths.DefaultPath"/>.
    /// </summary>
    public static Task<IDomainCatalog> OpenAsync(string? store, TimeProvider timeProvider, CancellationToken cancellationToken = default) =>
        OpenCoreAsync(store, timeProvider, create: true, cancellationToken);

    /// <summary>
    /// Opens the catalog at <paramref name="store"/> as <see cref="OpenAsync"/> does, but never creates
    /// a SQLite file or its folder, for commands that only read.
    /// </summary>
    /// <exception cref="Microsoft.Data.Sqlite.SqliteException">
    /// The SQLite file is missing (error code 14, SQLITE_CANTOPEN) or is not a SQLite database (26, SQLITE_NOTADB).
    /// </exception>
    public static Task<IDomainCatalog> OpenExistingAsync(string? store, TimeProvider timeProvider, CancellationToken cancellationToken = default) =>
        OpenCoreAsync(store, timeProvider, create: false, cancellationToken);

    private static async Task<IDomainCatalog> OpenCoreAsync(string? store, TimeProvider timeProvider, bool create, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(store) && PostgresReportStore.IsPostgresLocation(store))
        {
            return await PostgresDomainCatalog.OpenAsync(store, timeProvider, cancellationToken);
        }

        var path = string.IsNullOrWhiteSpace(store) ? StorePaths.DefaultPath : store;
        return await SqliteDomainCatalog.OpenAsync(path, timeProvider, create, cancellationToken);
    }
}
