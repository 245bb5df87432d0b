using System.CommandLine;
using MtaSts.Cli.Output;
using MtaSts.Storage;

namespace MtaSts.Cli.Commands;

/// <summary>
/// <c>mtasts reports summary</c>: sessions, failures and success rate of the stored reports,
/// with an optional breakdown, as a table (and a chart per day on a terminal), JSON or CSV.
/// </summary>
internal static class ReportsSummaryCommand
{
    private static readonly string[] s_groupings = ["day", "org", "result", "mx", "ip", "policy"];

    public static Command Create()
    {
        var store = StoreOptions.Store();
        var domain = new Option<string>("--domain") { Description = StoreText.Get("Summary.Domain"), HelpName = "DOMAIN" };
        var since = new Option<string>("--since") { Description = StoreText.Get("Summary.Since"), HelpName = "DATE" };
        var until = new Option<string>("--until") { Description = StoreText.Get("Summary.Until"), HelpName = "DATE" };
        var by = new Option<string>("--by") { Description = StoreText.Get("Summary.By"), HelpName = string.Join('|', s_groupings) };
        by.AcceptOnlyFromAmong(s_groupings);
        var json = CommonOptions.Json();
        var csv = new Option<bool>("--csv") { Description = StoreText.Get("Summary.Csv") };

        var command = new Command("summary", StoreText.Get("Summary.Description")) { store, domain, since, until, by, json, csv };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (result.GetValue(json) && result.GetValue(csv))
            {
                throw new CommandException(StoreText.Get("Error.JsonAndCsv"));
            }

            var filter = new ReportFilter(
                result.GetValue(domain) is { } name ? DomainNames.ToPolicyDomain(name) : null,
                ReportDates.Parse(result.GetValue(since), "--since", isEnd: false),
                ReportDates.Parse(result.GetValue(until), "--until", isEnd: true));
            if (filter.Since >= filter.Until)
            {
                throw new CommandException(StoreText.Get("Error.EmptyRange", result.GetValue(since), result.GetValue(until)));
            }

            var grouping = result.GetValue(by) is { } groupName ? Enum.Parse<SummaryGrouping>(groupName, ignoreCase: true) : (SummaryGrouping?)null;
            await using var reports = await StoreOptions.OpenAsync(result.GetValue(store), create: false, cancellationToken);
            var summary = await reports.SummarizeAsync(filter, grouping, cancellationToken);

            if (result.GetValue(json))
            {
                JsonOutput.Write(writer => SummaryView.WriteJson(writer, reports.Location, summary));
            }
            else if (result.GetValue(csv))
            {
                SummaryView.WriteCsv(Console.Out, summary);
            }
            else
            {
                SummaryView.Render(Screen.ForStandardOutput(), reports.Location, summary);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
