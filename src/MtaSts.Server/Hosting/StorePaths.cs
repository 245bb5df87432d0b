namespace MtaSts.Server.Hosting;

/// <summary>Where <c>mtasts serve</c> and <c>mtasts domains</c> keep their data when no store is named.</summary>
public static class StorePaths
{
    /// <summary>
    /// <c>mtasts/reports.db</c> under the user's local application data folder (<c>~/.local/share</c>
    /// on Linux), the same file as the report store of <c>mtasts reports</c>.
    /// </summary>
    public static string DefaultPath => MtaSts.Storage.ReportStore.DefaultPath;

    /// <summary>Returns the SQLite path for a <c>--store</c> value.</summary>
    /// <exception cref="NotSupportedException">The value names a PostgreSQL database.</exception>
    public static string Resolve(string? store)
    {
        if (string.IsNullOrWhiteSpace(store))
        {
            return DefaultPath;
        }

        // TODO: keep the managed domains in PostgreSQL too; reports already go there through MtaSts.Storage.
        if (store.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || store.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || store.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException("Managed domains cannot be kept in PostgreSQL yet.");
        }

        return store;
    }
}
