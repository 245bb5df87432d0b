using System.CommandLine;
using Microsoft.Extensions.Options;
using MtaSts.Cli.Output;
using MtaSts.Server.Domains;
using MtaSts.Server.Hosting;

namespace MtaSts.Cli.Commands;

/// <summary>
/// <c>mtasts domains show DOMAIN [--public-host HOST] [--rua URI…] [--check-dns]</c>: the policy,
/// dates and DNS records to publish, and with <c>--check-dns</c> how DNS compares.
/// </summary>
internal static class DomainsShowCommand
{
    public static Command Create()
    {
        var domain = DomainsCommand.DomainArgument();
        var publicHost = new Option<string>("--public-host") { Description = ServerText.Get("Domains.PublicHost"), HelpName = "HOST" };
        var rua = new Option<string[]>("--rua") { Description = ServerText.Get("Domains.Rua"), AllowMultipleArgumentsPerToken = true, HelpName = "URI" };
        var checkDns = new Option<bool>("--check-dns") { Description = ServerText.Get("Domains.CheckDns") };
        var dnsServers = new Option<string[]>("--dns-server") { Description = ServerText.Get("Domains.DnsServer"), HelpName = "IP[:PORT]" };
        var store = DomainsCommand.StoreOption();
        var json = CommonOptions.Json();
        var command = new Command("show", ServerText.Get("DomainsShow.Description")) { domain, publicHost, rua, checkDns, dnsServers, store, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var name = DomainsCommand.ToDomain(result.GetRequiredValue(domain));
            var options = DomainsCommand.LoadOptions(result.GetValue(store));
            if (result.GetValue(publicHost) is { } publicHostValue)
            {
                options.PublicHost = publicHostValue;
            }

            if (result.GetValue(rua) is { Length: > 0 } ruaValues)
            {
                options.ReportUris = [.. ruaValues];
            }

            if (result.GetValue(dnsServers) is { Length: > 0 } dnsServerValues)
            {
                options.Dns.Servers = [.. dnsServerValues];
            }

            var catalog = await DomainsCommand.OpenCatalogAsync(options, create: false, cancellationToken);
            var managed = await catalog.FindAsync(name, cancellationToken)
                ?? throw new CommandException(ServerText.Get("Domains.Error.NotFound", name), ExitCodes.Failed);
            var records = Instructions(managed, options);
            var statuses = result.GetValue(checkDns)
                ? await CheckDnsAsync(managed, records, options.Dns, cancellationToken)
                : null;

            if (result.GetValue(json))
            {
                JsonOutput.Write(writer => DomainsCommand.WriteJson(writer, managed, records, statuses));
                return ExitCodes.Ok;
            }

            var screen = Screen.ForStandardOutput();
            Render(screen, managed, records);
            if (statuses is null)
            {
                screen.Blank();
                screen.Paragraph(ServerText.Get("Domains.CheckHint", managed.Name));
                return ExitCodes.Ok;
            }

            screen.Blank();
            screen.Subheading(ServerText.Get("Domains.DnsHeading"));
            foreach (var status in statuses)
            {
                var mark = status.Match switch
                {
                    DnsMatch.Matches => Mark.Ok,
                    DnsMatch.LookupFailed => Mark.Warning,
                    DnsMatch.NotChecked => Mark.Info,
                    _ => Mark.Error,
                };
                var live = status.Live.Count == 0 ? "" : string.Join(" | ", status.Live);
                screen.Status(mark, ServerText.Get("Domains.Dns." + status.Match, status.Expected.Name), live.Length == 0 ? null : live);
            }

            return statuses.All(s => s.Match is DnsMatch.Matches or DnsMatch.NotChecked) ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static async Task<IReadOnlyList<DnsRecordStatus>> CheckDnsAsync(
        ManagedDomain domain,
        IReadOnlyList<DnsRecordInstruction> records,
        DnsOptions dns,
        CancellationToken cancellationToken)
    {
        MtaSts.Discovery.IDnsResolver resolver;
        try
        {
            resolver = DnsRecordCheck.CreateResolver(dns.Servers, TimeSpan.FromSeconds(dns.TimeoutSeconds));
        }
        catch (FormatException)
        {
            throw new CommandException(ServerText.Get("Domains.Error.BadDnsServer", string.Join(", ", dns.Servers)));
        }

        return await new DnsRecordCheck(resolver).CheckAsync(domain, records, cancellationToken);
    }

    /// <summary>Returns the DNS records for <paramref name="domain"/> with the public host name and report URIs of <paramref name="options"/>, as the API does.</summary>
    public static IReadOnlyList<DnsRecordInstruction> Instructions(ManagedDomain domain, ServerOptions options) =>
        new DnsInstructions(Options.Create(options)).For(domain);

    /// <summary>Prints the domain's state, policy, dates and DNS records.</summary>
    public static void Render(Screen screen, ManagedDomain domain, IReadOnlyList<DnsRecordInstruction> records)
    {
        screen.Heading(domain.Name);
        screen.Field(ServerText.Get("Domains.Field.State"), DomainsCommand.StateName(domain.State));
        screen.Field(ServerText.Get("Domains.Field.PolicyId"), domain.PolicyId);
        PolicyView.Render(screen, domain.Policy);
        screen.Field(ServerText.Get("Domains.Field.Created"), DomainsCommand.FormatDate(domain.CreatedAt));
        screen.Field(ServerText.Get("Domains.Field.Updated"), DomainsCommand.FormatDate(domain.UpdatedAt));
        if (domain.RetiredAt is { } retiredAt)
        {
            screen.Field(ServerText.Get("Domains.Field.Retired"), DomainsCommand.FormatDate(retiredAt));
        }

        if (domain.RemovableAt is { } removableAt)
        {
            screen.Field(ServerText.Get("Domains.Field.Removable"), DomainsCommand.FormatDate(removableAt));
        }

        screen.Blank();
        screen.Subheading(ServerText.Get("Domains.PublishHeading"));
        foreach (var record in records)
        {
            var value = record.Type == "TXT" ? $"\"{record.Value}\"" : record.Type == "A/AAAA" ? ServerText.Get("Domains.PointAtServer") : record.Value;
            screen.Paragraph($"{record.Name}.  IN {record.Type} {value}", 1);
        }

    }
}
