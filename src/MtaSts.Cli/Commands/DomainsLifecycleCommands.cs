using System.CommandLine;
using MtaSts.Cli.Output;
using MtaSts.Server.Domains;

namespace MtaSts.Cli.Commands;

/// <summary><c>mtasts domains promote|retire|remove DOMAIN</c>: the steps of a domain's rollout and retirement.</summary>
internal static class DomainsLifecycleCommands
{
    public static Command CreatePromote() => Create("promote", "DomainsPromote.Description", async (catalog, name, token) =>
    {
        var promoted = await catalog.PromoteAsync(name, token);
        return (promoted, ServerText.Get("Domains.Promoted", promoted.Name, promoted.PolicyId));
    });

    public static Command CreateRetire() => Create("retire", "DomainsRetire.Description", async (catalog, name, token) =>
    {
        var retired = await catalog.RetireAsync(name, token);
        return (retired, ServerText.Get("Domains.Retired", retired.Name, retired.PolicyId, DomainsCommand.FormatDate(retired.RemovableAt!.Value)));
    });

    public static Command CreateRemove() => Create("remove", "DomainsRemove.Description", async (catalog, name, token) =>
    {
        await catalog.RemoveAsync(name, token);
        return (null, ServerText.Get("Domains.Removed", name));
    });

    private static Command Create(
        string name,
        string descriptionKey,
        Func<IDomainCatalog, string, CancellationToken, Task<(ManagedDomain? Domain, string Message)>> change)
    {
        var domain = DomainsCommand.DomainArgument();
        var store = DomainsCommand.StoreOption();
        var json = CommonOptions.Json();
        var command = new Command(name, ServerText.Get(descriptionKey)) { domain, store, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var domainName = DomainsCommand.ToDomain(result.GetRequiredValue(domain));
            var options = DomainsCommand.LoadOptions(result.GetValue(store));
            var catalog = await DomainsCommand.OpenCatalogAsync(options, create: false, cancellationToken);
            var (changed, message) = await DomainsCommand.ChangeAsync(() => change(catalog, domainName, cancellationToken));

            if (result.GetValue(json))
            {
                JsonOutput.Write(writer =>
                {
                    if (changed is null)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("name", domainName);
                        writer.WriteString("state", "removed");
                        writer.WriteEndObject();
                    }
                    else
                    {
                        DomainsCommand.WriteJson(writer, changed, DomainsShowCommand.Instructions(changed, options));
                    }
                });
                return ExitCodes.Ok;
            }

            Screen.ForStandardOutput().Status(Mark.Ok, message);
            return ExitCodes.Ok;
        });
        return command;
    }
}
