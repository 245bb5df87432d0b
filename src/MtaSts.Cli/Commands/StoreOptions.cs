using System.CommandLine;
using System.Data.Common;
using MtaSts.Cli.Output;
using MtaSts.Storage;

namespace MtaSts.Cli.Commands;

/// <summary><c>--store</c>, shared by every command that reads or writes stored reports.</summary>
internal static class StoreOptions
{
    /// <summary>The environment variable that names the store when <c>--store</c> is not given.</summary>
    public const string Variable = "MTASTS_STORE";

    /// <summary><c>--store FILE|URL</c>: a SQLite file, or a PostgreSQL URL or connection string.</summary>
    public static Option<string> Store() => new("--store")
    {
        Description = StoreText.Get("Option.Store", Variable, ReportStore.DefaultPath),
        HelpName = "FILE|URL",
    };

    /// <summary>Returns the store named by <paramref name="option"/>, else by <c>MTASTS_STORE</c>, else <see langword="null"/> for the default file.</summary>
    public static string? Resolve(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return option;
        }

        return Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;
    }

    /// <summary>Opens the store, turning a wrong value or an unreachable database into one message that names it.</summary>
    public static async Task<IReportStore> OpenAsync(string? option, CancellationToken cancellationToken)
    {
        var location = Resolve(option);
        var shown = location ?? ReportStore.DefaultPath;
        try
        {
            return await ReportStore.OpenAsync(location, cancellationToken);
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or FormatException or ArgumentException or InvalidOperationException)
        {
            // The connection string may hold a password, so a PostgreSQL store is named without it.
            var name = Storage.Postgres.PostgresReportStore.IsPostgresLocation(shown) ? StoreText.Get("Store.Postgres") : shown;
            throw new CommandException(StoreText.Get("Error.StoreOpenFailed", name, e.Message));
        }
    }
}
