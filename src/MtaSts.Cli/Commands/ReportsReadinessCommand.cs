using System.CommandLine;
using MtaSts.Cli.Output;
using MtaSts.Storage.Readiness;

namespace MtaSts.Cli.Commands;

/// <summary>
/// <c>mtasts reports readiness DOMAIN</c>: whether the stored reports support moving the domain
/// to <c>mode: enforce</c>, with each reason. Exit 0 for Ready or EnforceHealthy, 1 otherwise.
/// </summary>
internal static class ReportsReadinessCommand
{
    // Ten years of daily reports; larger windows only overflow date arithmetic.
    private const int MaximumDays = 3650;

    private const int MaximumReporters = 100_000;

    public static Command Create()
    {
        var defaults = new ReadinessOptions();
        var domain = new Argument<string>("DOMAIN") { Description = StoreText.Get("Readiness.DomainArgument") };
        var store = StoreOptions.Store();
        var days = new Option<string>("--days")
        {
            Description = StoreText.Get("Readiness.Days", defaults.Days, MaximumDays),
            HelpName = "N",
        };
        var minimumDays = new Option<string>("--min-days")
        {
            Description = StoreText.Get("Readiness.MinDays", defaults.MinimumReportDays),
            HelpName = "N",
        };
        var minimumReporters = new Option<string>("--min-reporters")
        {
            Description = StoreText.Get("Readiness.MinReporters", defaults.MinimumReporters),
            HelpName = "N",
        };
        var maximumFailureRate = new Option<string>("--max-failure-rate")
        {
            Description = StoreText.Get("Readiness.MaxFailureRate", defaults.MaximumFailureRate * 100),
            HelpName = "PERCENT",
        };
        var json = CommonOptions.Json();

        var command = new Command("readiness", StoreText.Get("Readiness.Description"))
        {
            domain, store, days, minimumDays, minimumReporters, maximumFailureRate, json,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = ParseOptions(
                result.GetValue(days),
                result.GetValue(minimumDays),
                result.GetValue(minimumReporters),
                result.GetValue(maximumFailureRate));
            var policyDomain = DomainNames.ToPolicyDomain(result.GetRequiredValue(domain));

            await using var reports = await StoreOptions.OpenAsync(result.GetValue(store), create: false, cancellationToken);
            var readiness = await ReadinessEvaluator.EvaluateAsync(reports, policyDomain, options, cancellationToken: cancellationToken);
            if (result.GetValue(json))
            {
                JsonOutput.Write(writer => ReadinessView.WriteJson(writer, readiness));
            }
            else
            {
                ReadinessView.Render(Screen.ForStandardOutput(), reports.Location, readiness);
            }

            return readiness.Verdict is ReadinessVerdict.Ready or ReadinessVerdict.EnforceHealthy ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static ReadinessOptions ParseOptions(string? days, string? minimumDays, string? minimumReporters, string? maximumFailureRate)
    {
        var defaults = new ReadinessOptions();
        var dayCount = NumberOptions.ParseInteger(days, "--days", defaults.Days, 1, MaximumDays);

        // Without --min-days, a window shorter than the default minimum requires every day of it.
        var minimumDayCount = NumberOptions.ParseInteger(minimumDays, "--min-days", Math.Min(defaults.MinimumReportDays, dayCount), 0, MaximumDays);
        if (minimumDayCount > dayCount)
        {
            throw new CommandException(StoreText.Get("Error.MinDays", minimumDays, dayCount));
        }

        return new ReadinessOptions
        {
            Days = dayCount,
            MinimumReportDays = minimumDayCount,
            MinimumReporters = NumberOptions.ParseInteger(minimumReporters, "--min-reporters", defaults.MinimumReporters, 0, MaximumReporters),
            MaximumFailureRate = NumberOptions.ParsePercent(maximumFailureRate, "--max-failure-rate", defaults.MaximumFailureRate * 100) / 100,
        };
    }
}
