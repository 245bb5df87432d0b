using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using MtaSts.Cli.Output;
using MtaSts.Server.Domains;
using MtaSts.Server.Hosting;

namespace MtaSts.Cli.Commands;

/// <summary>
/// <c>mtasts domains add|list|show|set-policy|promote|retire|remove</c>: the managed domains
/// that <c>mtasts serve</c> hosts, in the same store.
/// </summary>
internal static class DomainsCommand
{
    // SQLite result codes: the file cannot be opened (missing without create), and the file is not a database.
    private const int SqliteCantOpen = 14;
    private const int SqliteNotADatabase = 26;

    public static Command Create()
    {
        return new Command("domains", ServerText.Get("Domains.Description"))
        {
            DomainsAddCommand.CreateAdd(),
            DomainsListCommand.Create(),
            DomainsShowCommand.Create(),
            DomainsAddCommand.CreateSetPolicy(),
            DomainsLifecycleCommands.CreatePromote(),
            DomainsLifecycleCommands.CreateRetire(),
            DomainsLifecycleCommands.CreateRemove(),
        };
    }

    /// <summary><c>--store PATH</c>: the SQLite file shared with <c>mtasts serve</c>.</summary>
    public static Option<string> StoreOption() => new("--store")
    {
        Description = ServerText.Get("Domains.Store"),
        HelpName = "PATH",
    };

    /// <summary>The <c>DOMAIN</c> argument.</summary>
    public static Argument<string> DomainArgument() => new("DOMAIN") { Description = ServerText.Get("Domains.Domain") };

    /// <summary>Returns <paramref name="value"/> as a policy domain, or fails with a message naming it.</summary>
    public static string ToDomain(string value) =>
        DomainName.TryNormalize(value) ?? throw new CommandException(ServerText.Get("Domains.Error.BadDomain", value));

    /// <summary>
    /// Loads the <c>Server</c> settings from the same sources as <c>mtasts serve</c>
    /// (see <see cref="ServerConfiguration"/>), with <paramref name="store"/> from <c>--store</c> over them.
    /// </summary>
    public static ServerOptions LoadOptions(string? store)
    {
        if (store is not null && string.IsNullOrWhiteSpace(store))
        {
            throw new CommandException(ServerText.Get("Config.Error.EmptyStore"));
        }

        string[] args = store is null ? [] : [$"--{ServerOptions.SectionName}:Store={store}"];
        try
        {
            var configuration = ServerConfiguration.Build(args);
            return configuration.GetSection(ServerOptions.SectionName).Get<ServerOptions>() ?? new ServerOptions();
        }
        catch (Exception e) when (ServeConfigurationErrors.IsConfigurationError(e))
        {
            throw new CommandException(ServeConfigurationErrors.Describe(e));
        }
    }

    /// <summary>
    /// Opens the catalog of <see cref="ServerOptions.Store"/>; only <paramref name="create"/> lets a
    /// missing SQLite file and its folder be created.
    /// </summary>
    public static async Task<IDomainCatalog> OpenCatalogAsync(ServerOptions options, bool create, CancellationToken cancellationToken)
    {
        var location = options.Store ?? StorePaths.DefaultPath;
        try
        {
            return create
                ? await DomainCatalogs.OpenAsync(options.Store, TimeProvider.System, cancellationToken)
                : await DomainCatalogs.OpenExistingAsync(options.Store, TimeProvider.System, cancellationToken);
        }
        catch (Microsoft.Data.Sqlite.SqliteException e) when (e.SqliteErrorCode == SqliteCantOpen && !create)
        {
            throw new CommandException(ServerText.Get("Domains.Error.StoreNotFound", location));
        }
        catch (Microsoft.Data.Sqlite.SqliteException e) when (e.SqliteErrorCode == SqliteNotADatabase)
        {
            throw new CommandException(ServerText.Get("Domains.Error.StoreNotSqlite", location));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException or System.Data.Common.DbException)
        {
            var name = MtaSts.Storage.Postgres.PostgresReportStore.IsPostgresLocation(location) ? "PostgreSQL" : location;
            throw new CommandException(ServerText.Get("Domains.Error.StoreOpenFailed", name, e.Message.TrimEnd().TrimEnd('.')));
        }
    }

    /// <summary>Runs a catalog change, turning a lifecycle rule it breaks into a one-line message.</summary>
    public static async Task<T> ChangeAsync<T>(Func<Task<T>> change)
    {
        try
        {
            return await change();
        }
        catch (DomainCatalogException e)
        {
            var removable = e.RemovableAt is { } at ? FormatDate(at) : "";
            throw new CommandException(ServerText.Get("Domains.Error." + e.Error, e.Domain, removable), ExitCodes.Failed);
        }
    }

    public static string FormatDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string StateName(RolloutState state) => ServerText.Get("State." + state);

    /// <summary>Writes <paramref name="domain"/> as a JSON object with its policy, dates and DNS records.</summary>
    public static void WriteJson(Utf8JsonWriter writer, ManagedDomain domain, IReadOnlyList<DnsRecordInstruction> records, IReadOnlyList<DnsRecordStatus>? statuses = null)
    {
        writer.WriteStartObject();
        writer.WriteString("name", domain.Name);
        writer.WriteString("state", domain.State.ToString().ToLowerInvariant());
        writer.WriteString("policyId", domain.PolicyId);
        writer.WritePropertyName("policy");
        PolicyJson.Write(writer, domain.Policy);
        writer.WriteString("createdAt", domain.CreatedAt);
        writer.WriteString("updatedAt", domain.UpdatedAt);
        if (domain.RetiredAt is { } retiredAt)
        {
            writer.WriteString("retiredAt", retiredAt);
        }

        if (domain.RemovableAt is { } removableAt)
        {
            writer.WriteString("removableAt", removableAt);
        }

        writer.WriteStartArray("dnsRecords");
        foreach (var record in records)
        {
            writer.WriteStartObject();
            writer.WriteString("name", record.Name);
            writer.WriteString("type", record.Type);
            writer.WriteString("value", record.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (statuses is not null)
        {
            writer.WriteStartArray("dnsCheck");
            foreach (var status in statuses)
            {
                writer.WriteStartObject();
                writer.WriteString("name", status.Expected.Name);
                writer.WriteString("type", status.Expected.Type);
                writer.WriteString("match", JsonNamingPolicy.CamelCase.ConvertName(status.Match.ToString()));
                writer.WriteStartArray("live");
                foreach (var value in status.Live)
                {
                    writer.WriteStringValue(value);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}
