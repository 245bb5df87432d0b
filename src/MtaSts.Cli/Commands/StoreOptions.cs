using System.CommandLine;
using System.Data.Common;
using MtaSts.Cli.Output;
using MtaSts.Server.Hosting;
using MtaSts.Storage;
using MtaSts.Storage.Postgres;

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

    /// <summary>
    /// Returns the store named by <paramref name="option"/>, else by the settings that
    /// <c>mtasts serve</c> reads (<c>MTASTS_STORE</c>, <c>Server__Store</c>, <c>Server:Store</c> in
    /// <c>appsettings.json</c> or <c>/etc/mtasts/appsettings.json</c>), else <see langword="null"/>
    /// for the default file. An empty <c>--store</c> is rejected rather than read as "not given",
    /// while an empty setting counts as unset.
    /// </summary>
    public static string? Resolve(string? option)
    {
        if (option is not null)
        {
            if (string.IsNullOrWhiteSpace(option))
            {
                throw new CommandException(StoreText.Get("Error.StoreEmpty", ReportStore.DefaultPath));
            }

            return option;
        }

        try
        {
            return ServerConfiguration.Build([])["Server:Store"] is { Length: > 0 } configured ? configured : null;
        }
        catch (InvalidDataException e)
        {
            throw new CommandException(StoreText.Get("Error.SettingsInvalid", e.Message.TrimEnd('.')));
        }
    }

    /// <summary>
    /// Opens the store, creating it when <paramref name="create"/> is set, and turns a wrong value
    /// or an unusable database into one message that names the store without its password.
    /// </summary>
    public static async Task<IReportStore> OpenAsync(string? option, bool create, CancellationToken cancellationToken)
    {
        var location = Resolve(option);
        if (option is not null && PostgresReportStore.IsPostgresLocation(option) && PostgresReportStore.ContainsPassword(option))
        {
            Console.Error.WriteLine(StoreText.Get("Warning.StorePassword"));
        }

        try
        {
            return create
                ? await ReportStore.OpenAsync(location, cancellationToken)
                : await ReportStore.OpenExistingAsync(location, cancellationToken);
        }
        catch (ReportStoreException e)
        {
            throw new CommandException(Describe(e));
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or FormatException or ArgumentException or InvalidOperationException)
        {
            var reason = e.Message.TrimEnd().TrimEnd('.');
            throw new CommandException(StoreText.Get("Error.StoreOpenFailed", Name(location), reason));
        }
    }

    private static string Describe(ReportStoreException e) => e.Error switch
    {
        ReportStoreError.NotFound => StoreText.Get("Error.StoreNotFound", e.Location),
        ReportStoreError.FolderNotFound => StoreText.Get("Error.StoreFolderNotFound", e.Location, Path.GetDirectoryName(e.Location)),
        ReportStoreError.NotSqlite => StoreText.Get("Error.StoreNotSqlite", e.Location),
        ReportStoreError.NotReportStore => StoreText.Get("Error.StoreNotReportStore", e.Location),
        ReportStoreError.InvalidLocation when e.Location == "PostgreSQL" => StoreText.Get("Error.StoreInvalidPostgres"),
        ReportStoreError.InvalidLocation => StoreText.Get("Error.StoreInvalidLocation", e.Location),
        ReportStoreError.AuthenticationFailed => StoreText.Get("Error.StoreAuthentication", e.Location),
        ReportStoreError.DatabaseNotFound => StoreText.Get("Error.StoreDatabaseNotFound", e.Location),
        ReportStoreError.ServerError => StoreText.Get("Error.StoreServerError", e.Location, e.Detail),
        _ => StoreText.Get("Error.StoreConnection", e.Location, ConnectionReason(e.Detail)),
    };

    private static string ConnectionReason(string? detail) => detail switch
    {
        "ConnectionRefused" => StoreText.Get("Error.StoreConnection.Refused"),
        "TimedOut" => StoreText.Get("Error.StoreConnection.TimedOut"),
        "HostNotFound" or "TryAgain" or "NoData" => StoreText.Get("Error.StoreConnection.HostNotFound"),
        "NetworkUnreachable" or "HostUnreachable" => StoreText.Get("Error.StoreConnection.Unreachable"),
        _ => StoreText.Get("Error.StoreConnection.Other", detail ?? "-"),
    };

    // The connection string may contain a password, so a PostgreSQL store is named by its URL without it.
    private static string Name(string? location)
    {
        if (location is null)
        {
            return ReportStore.DefaultPath;
        }

        if (!PostgresReportStore.IsPostgresLocation(location))
        {
            return location;
        }

        try
        {
            return PostgresReportStore.Describe(location);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return StoreText.Get("Store.Postgres");
        }
    }
}
