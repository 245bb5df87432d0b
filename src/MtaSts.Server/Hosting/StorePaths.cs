namespace MtaSts.Server.Hosting;

/// <summary>Where <c>mtasts serve</c> and <c>mtasts domains</c> keep their data when no store is named.</summary>
public static class StorePaths
{
    /// <summary>
    /// <c>mtasts/reports.db</c> under the user's local application data folder (<c>~/.local/share</c>
    /// on Linux), the same file as the report store of <c>mtasts reports</c>.
    /// </summary>
    public static string DefaultPath => MtaSts.Storage.ReportStore.DefaultPath;
}
