namespace MtaSts.Server.Hosting;

/// <summary>Where <c>mtasts serve</c> and <c>mtasts domains</c> keep their data when no store is named.</summary>
public static class StorePaths
{
    /// <summary>
    /// <c>mtasts/reports.db</c> under the user's local application data folder (<c>~/.local/share</c>
    /// on Linux), the same file as the report store of <c>mtasts reports</c>.
    /// </summary>
    public static string DefaultPath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "mtasts", "reports.db");

    /// <summary>Returns the SQLite path for a <c>--store</c> value.</summary>
    /// <exception cref="NotSupportedException">The value names a PostgreSQL database.</exception>
    public static string Resolve(string? store)
    {
        if (string.IsNullOrWhiteSpace(store))
        {
            return DefaultPath;
        }

        // TODO: open PostgreSQL stores through MtaSts.Storage once it is in this branch.
        if (store.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || store.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || store.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException("PostgreSQL stores are not supported by mtasts serve yet; give a SQLite file path.");
        }

        return store;
    }
}
