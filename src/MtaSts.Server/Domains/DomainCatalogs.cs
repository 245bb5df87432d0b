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
    public static async Task<IDomainCatalog> OpenAsync(string? store, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrWhiteSpace(store) && PostgresReportStore.IsPostgresLocation(store))
        {
            return await PostgresDomainCatalog.OpenAsync(store, timeProvider, cancellationToken);
        }

        return await SqliteDomainCatalog.OpenAsync(string.IsNullOrWhiteSpace(store) ? StorePaths.DefaultPath : store, timeProvider, cancellationToken);
    }
}
