using System.CommandLine;
using MtaSts.Cli.Output;

namespace MtaSts.Cli.Commands;

/// <summary><c>mtasts domains list</c>: the managed domains with state, policy id and max_age.</summary>
internal static class DomainsListCommand
{
    public static Command Create()
    {
        var store = DomainsCommand.StoreOption();
        var json = CommonOptions.Json();
        var command = new Command("list", ServerText.Get("DomainsList.Description")) { store, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = DomainsCommand.LoadOptions(result.GetValue(store));
            var catalog = await DomainsCommand.OpenCatalogAsync(options, create: false, cancellationToken);
            var domains = await catalog.ListAsync(cancellationToken);
            if (result.GetValue(json))
            {
                JsonOutput.Write(writer =>
                {
                    writer.WriteStartArray();
                    foreach (var domain in domains)
                    {
                        DomainsCommand.WriteJson(writer, domain, DomainsShowCommand.Instructions(domain, options));
                    }

                    writer.WriteEndArray();
                });
                return ExitCodes.Ok;
            }

            var screen = Screen.ForStandardOutput();
            if (domains.Count == 0)
            {
                screen.Paragraph(ServerText.Get("Domains.Empty"));
                return ExitCodes.Ok;
            }

            screen.Table(
                [
                    ServerText.Get("Domains.Header.Domain"),
                    ServerText.Get("Domains.Header.State"),
                    ServerText.Get("Domains.Header.PolicyId"),
                    ServerText.Get("Domains.Header.MaxAge"),
                    ServerText.Get("Domains.Header.Updated"),
                ],
                [.. domains.Select(d => (IReadOnlyList<string>)
                [
                    d.Name,
                    DomainsCommand.StateName(d.State),
                    d.PolicyId,
                    Durations.Describe(d.Policy.MaxAge),
                    DomainsCommand.FormatDate(d.UpdatedAt),
                ])]);
            screen.Field(ServerText.Get("Domains.Field.Store"), catalog.Location);
            return ExitCodes.Ok;
        });
        return command;
    }
}
