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
    public static Command Create()
    {
        var defaults = new ReadinessOptions();
        var domain = new Argument<string>("DOMAIN") { Description = StoreText.Get("Readiness.DomainArgument") };
        var store = StoreOptions.Store();
        var days = new Option<int>("--days")
        {
            Description = StoreText.Get("Readiness.Days", defaults.Days),
            HelpName = "N",
            DefaultValueFactory = _ => defaults.Days,
        };
        var minimumDays = new Option<int>("--min-days")
        {
            Description = StoreText.Get("Readiness.MinDays", defaults.MinimumReportDays),
            HelpName = "N",
            DefaultValueFactory = _ => defaults.MinimumReportDays,
        };
        var minimumReporters = new Option<int>("--min-reporters")
        {
            Description = StoreText.Get("Readiness.MinReporters", defaults.MinimumReporters),
            HelpName = "N",
            DefaultValueFactory = _ => defaults.MinimumReporters,
        };
        var maximumFailureRate = new Option<double>("--max-failure-rate")
        {
            Description = StoreText.Get("Readiness.MaxFailureRate", defaults.MaximumFailureRate * 100),
            HelpName = "PERCENT",
            DefaultValueFactory = _ => defaults.MaximumFailureRate * 100,
        };
        var json = CommonOptions.Json();

        var command = new Command("readiness", StoreText.Get("Readiness.Description"))
        {
            domain, store, days, minimumDays, minimumReporters, maximumFailureRate, json,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = new ReadinessOptions
            {
                Days = result.GetValue(days),
                MinimumReportDays = result.GetValue(minimumDays),
                MinimumReporters = result.GetValue(minimumReporters),
                MaximumFailureRate = result.GetValue(maximumFailureRate) / 100,
            };
            Validate(options);

            await using var reports = await StoreOptions.OpenAsync(result.GetValue(store), cancellationToken);
            var readiness = await ReadinessEvaluator.EvaluateAsync(reports, result.GetRequiredValue(domain), options, cancellationToken: cancellationToken);
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

    private static void Validate(ReadinessOptions options)
    {
        if (options.Days < 1)
        {
            throw new CommandException(StoreText.Get("Error.Days", options.Days));
        }

        if (options.MinimumReportDays < 0 || options.MinimumReportDays > options.Days)
        {
            throw new CommandException(StoreText.Get("Error.MinDays", options.MinimumReportDays, options.Days));
        }

        if (options.MinimumReporters < 0)
        {
            throw new CommandException(StoreText.Get("Error.MinReporters", options.MinimumReporters));
        }

        if (options.MaximumFailureRate is < 0 or > 1 || double.IsNaN(options.MaximumFailureRate))
        {
            throw new CommandException(StoreText.Get("Error.MaxFailureRate", options.MaximumFailureRate * 100));
        }
    }
}
