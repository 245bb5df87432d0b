using System.Globalization;
using System.Text.Json;
using MtaSts.Storage;
using Spectre.Console;

namespace MtaSts.Cli.Output;

/// <summary>Prints a report summary as a table, JSON or CSV; on a terminal a per-day summary also gets a chart.</summary>
internal static class SummaryView
{
    public static void Render(Screen screen, string location, ReportSummary summary)
    {
        screen.Heading(StoreText.Get("Summary.Heading"));
        screen.Field(StoreText.Get("Import.StoreLabel"), location);
        screen.Field(StoreText.Get("Summary.Selection"), DescribeFilter(summary.Filter));
        screen.Field(StoreText.Get("Summary.Reports"), Number(summary.Totals.Reports));
        screen.Field(StoreText.Get("Summary.Sessions"), StoreText.Get(
            "Summary.SessionsValue",
            Number(summary.Totals.SuccessfulSessions ?? 0),
            Number(summary.Totals.FailedSessions),
            Rate(summary.Totals.SuccessRate)));

        if (summary.Totals.Reports == 0)
        {
            screen.Blank();
            screen.Paragraph(StoreText.Get("Summary.NoRows"));
            return;
        }

        if (summary.Grouping is not { } grouping)
        {
            return;
        }

        screen.Blank();
        string[] headers =
        [
            StoreText.Get("Summary.Group." + grouping),
            StoreText.Get("Summary.Column.Successful"),
            StoreText.Get("Summary.Column.Failed"),
            StoreText.Get("Summary.Column.Rate"),
            StoreText.Get("Summary.Column.Reports"),
        ];
        var rows = summary.Rows
            .Select(r => (IReadOnlyList<string>)[
                r.Key.Length == 0 ? StoreText.Get("Summary.Unknown") : r.Key,
                r.SuccessfulSessions is { } successful ? Number(successful) : "—",
                Number(r.FailedSessions),
                Rate(r.SuccessRate),
                Number(r.Reports)])
            .ToList();
        if (summary.Reconciliation is { } reconciliation)
        {
            AddReconciliationRows(rows, reconciliation);
        }

        if (rows.Count == 0)
        {
            screen.Paragraph(StoreText.Get("Summary.NoFailureDetails"));
            return;
        }

        screen.Table(headers, rows);

        if (screen is TerminalScreen && grouping == SummaryGrouping.Day)
        {
            DrawDailyChart(summary.Rows);
        }
    }

    public static void WriteJson(Utf8JsonWriter writer, string location, ReportSummary summary)
    {
        writer.WriteStartObject();
        writer.WriteString("store", location);
        writer.WriteStartObject("filter");
        WriteNullable(writer, "domain", summary.Filter.Domain);
        WriteNullable(writer, "since", summary.Filter.Since is { } since ? UtcTimes.Format(since) : null);
        WriteNullable(writer, "until", summary.Filter.Until is { } until ? UtcTimes.Format(until) : null);
        writer.WriteEndObject();
        WriteNullable(writer, "by", summary.Grouping?.ToString().ToLowerInvariant());
        writer.WritePropertyName("totals");
        WriteCounts(writer, null, summary.Totals);
        writer.WriteStartArray("rows");
        foreach (var row in summary.Rows)
        {
            WriteCounts(writer, row.Key, row);
        }

        writer.WriteEndArray();
        if (summary.Reconciliation is { } reconciliation)
        {
            writer.WriteStartObject("reconciliation");
            writer.WriteNumber("withoutFailureDetails", reconciliation.WithoutFailureDetails);
            writer.WriteNumber("countedMoreThanOnce", reconciliation.CountedMoreThanOnce);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes one header line, then a <c>total</c> line for the whole selection, then one
    /// <c>group</c> line per row. A breakdown by failure details ends with two <c>reconciliation</c>
    /// lines whose failed sessions make the groups add up to the total. Numbers use the invariant
    /// culture; rates are fractions from 0 to 1.
    /// </summary>
    public static void WriteCsv(TextWriter writer, ReportSummary summary)
    {
        writer.WriteLine("kind,group,successful_sessions,failed_sessions,sessions,success_rate,reports");
        WriteCsvLine(writer, "total", summary.Grouping?.ToString().ToLowerInvariant() ?? string.Empty, summary.Totals);
        foreach (var row in summary.Rows)
        {
            WriteCsvLine(writer, "group", row.Key, row);
        }

        if (summary.Reconciliation is { } reconciliation)
        {
            writer.WriteLine($"reconciliation,without-failure-details,,{reconciliation.WithoutFailureDetails.ToString(CultureInfo.InvariantCulture)},,,");
            writer.WriteLine($"reconciliation,counted-more-than-once,,{(-reconciliation.CountedMoreThanOnce).ToString(CultureInfo.InvariantCulture)},,,");
        }
    }

    // Rows whose failed sessions, added to the groups, give the total: sessions without failure
    // details count in, sessions counted under several result types count out.
    private static void AddReconciliationRows(List<IReadOnlyList<string>> rows, FailureDetailReconciliation reconciliation)
    {
        if (reconciliation.WithoutFailureDetails > 0)
        {
            rows.Add([StoreText.Get("Summary.WithoutFailureDetails"), "—", Number(reconciliation.WithoutFailureDetails), "—", "—"]);
        }

        if (reconciliation.CountedMoreThanOnce > 0)
        {
            rows.Add([StoreText.Get("Summary.CountedMoreThanOnce"), "—", Number(-reconciliation.CountedMoreThanOnce), "—", "—"]);
        }
    }

    private static void WriteCsvLine(TextWriter writer, string kind, string group, SummaryCounts counts)
    {
        string[] cells =
        [
            kind,
            Quote(group),
            counts.SuccessfulSessions?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            counts.FailedSessions.ToString(CultureInfo.InvariantCulture),
            counts.Sessions?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            counts.SuccessRate?.ToString("0.######", CultureInfo.InvariantCulture) ?? string.Empty,
            counts.Reports.ToString(CultureInfo.InvariantCulture),
        ];
        writer.WriteLine(string.Join(',', cells));
    }

    // RFC 4180 §2: a field with a comma, quote or line break is quoted, its quotes doubled.
    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void WriteCounts(Utf8JsonWriter writer, string? key, SummaryCounts counts)
    {
        writer.WriteStartObject();
        if (key is not null)
        {
            writer.WriteString("key", key);
        }

        WriteNullable(writer, "successfulSessions", counts.SuccessfulSessions);
        writer.WriteNumber("failedSessions", counts.FailedSessions);
        WriteNullable(writer, "sessions", counts.Sessions);
        if (counts.SuccessRate is { } rate)
        {
            writer.WriteNumber("successRate", Math.Round(rate, 6));
        }
        else
        {
            writer.WriteNull("successRate");
        }

        writer.WriteNumber("reports", counts.Reports);
        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    // Failures can be a tiny share of the successes, so each gets its own chart and scale;
    // on one scale the failure bars would be empty.
    private static void DrawDailyChart(IReadOnlyList<SummaryRow> days)
    {
        DrawChart(StoreText.Get("Summary.ChartSuccessful"), days.Select(d => (d.Key, d.SuccessfulSessions ?? 0)), Color.Green);
        DrawChart(StoreText.Get("Summary.ChartFailed"), days.Select(d => (d.Key, d.FailedSessions)), Color.Red);
    }

    private static void DrawChart(string label, IEnumerable<(string Day, long Sessions)> days, Color color)
    {
        var chart = new BarChart()
            .Label(Markup.Escape(label))
            .Width(Math.Min(AnsiConsole.Profile.Width, 100))
            .UseValueFormatter(value => Number((long)value));
        foreach (var (day, sessions) in days)
        {
            chart.AddItem(day, sessions, color);
        }

        AnsiConsole.WriteLine();
        AnsiConsole.Write(chart);
    }

    private static string DescribeFilter(ReportFilter filter)
    {
        var domain = filter.Domain ?? StoreText.Get("Summary.AllDomains");
        var since = filter.Since is { } start ? Time(start) : null;
        var until = filter.Until is { } end ? Time(end) : null;
        return (since, until) switch
        {
            (null, null) => StoreText.Get("Summary.SelectionAll", domain),
            (_, null) => StoreText.Get("Summary.SelectionSince", domain, since),
            (null, _) => StoreText.Get("Summary.SelectionUntil", domain, until),
            _ => StoreText.Get("Summary.SelectionValue", domain, since, until),
        };
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    private static string Rate(double? rate) => rate is { } value ? value.ToString("P2", CultureInfo.CurrentCulture) : "—";
}
