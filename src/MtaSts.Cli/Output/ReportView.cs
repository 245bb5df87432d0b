using System.Globalization;
using MtaSts.Policies;
using MtaSts.Reports;
using MtaSts.Reports.Decoding;

namespace MtaSts.Cli.Output;

/// <summary>
/// Explains TLS reports to a domain owner who has never seen the JSON: who sent it, for which
/// period, how many sessions used TLS, what each failure means and what the owner should do.
/// </summary>
internal static class ReportView
{
    // Failure rows are listed up to this count per result type; the rest are summed in one line.
    private const int MaxFailureRows = 15;

    public static void Render(Screen screen, ShownInput input, IReadOnlyDictionary<ReadReport, string> duplicates)
    {
        if (input.Result is not { } result)
        {
            screen.Status(Mark.Error, input.ReadError ?? input.Source);
            screen.Blank();
            return;
        }

        if (result.Reports.Count == 0)
        {
            screen.Status(Mark.Error, Text.Get("ReportsShow.InputFailed", input.Source, ShownInput.FirstError(result.Diagnostics)));
            DiagnosticOutput.Render(screen, result.Diagnostics.Where(d => d.Severity != MtaSts.Diagnostics.Severity.Error));
            screen.Blank();
            return;
        }

        foreach (var read in result.Reports)
        {
            // A bare JSON or gzip file is labelled with its own name; only mail parts add a location.
            var source = result.Format == PayloadFormat.Mail && !string.IsNullOrEmpty(read.Label)
                ? $"{input.Source} — {LocalizePart(read.Label)}"
                : input.Source;
            if (read.Report is null)
            {
                screen.Status(Mark.Error, Text.Get("ReportsShow.ReportFailed", source, ShownInput.FirstError(read.Diagnostics)));
                DiagnosticOutput.Render(screen, read.Diagnostics.Skip(1));
                screen.Blank();
                continue;
            }

            if (duplicates.TryGetValue(read, out var firstSource))
            {
                screen.Status(Mark.Info, Text.Get("ReportsShow.Duplicate", source, read.Report.ReportId, firstSource));
                screen.Blank();
                continue;
            }

            RenderReport(screen, source, read);
        }
    }

    private static void RenderReport(Screen screen, string source, ReadReport read)
    {
        var report = read.Report!;
        screen.Heading(Text.Get("Report.Heading", report.OrganizationName ?? Text.Get("Report.UnknownSender")));
        screen.Field(Text.Get("Report.Source"), source);
        screen.Field(Text.Get("Report.Period"), FormatPeriod(report.DateRange));
        screen.Field(Text.Get("Report.Contact"), string.IsNullOrEmpty(report.ContactInfo) ? "—" : report.ContactInfo);
        screen.Field(Text.Get("Report.Id"), report.ReportId);
        screen.Blank();

        for (var i = 0; i < report.Policies.Count; i++)
        {
            RenderPolicy(screen, report.Policies[i], i + 1, report.Policies.Count);
        }

        RenderNotes(screen, read.Diagnostics);
    }

    // Warnings are shown in full. Informational notes (a field the sender left out, say) change
    // nothing for the domain owner, so they are counted in one line; --json lists them all.
    private static void RenderNotes(Screen screen, IReadOnlyList<MtaSts.Diagnostics.Diagnostic> diagnostics)
    {
        if (diagnostics.Count == 0)
        {
            return;
        }

        var important = diagnostics.Where(d => d.Severity != MtaSts.Diagnostics.Severity.Info).ToList();
        var minor = diagnostics.Count - important.Count;
        screen.Subheading(Text.Get("Report.NotesHeading"));
        if (important.Count > 0)
        {
            screen.Paragraph(Text.Get("Report.NotesIntro"));
            DiagnosticOutput.Render(screen, important);
        }

        if (minor > 0)
        {
            screen.Status(Mark.Info, Text.Get("Report.MinorNotes", minor.ToString(CultureInfo.CurrentCulture)));
        }

        screen.Blank();
    }

    private static void RenderPolicy(Screen screen, PolicyResult result, int number, int count)
    {
        var policy = result.Policy;
        var domain = string.IsNullOrEmpty(policy.PolicyDomain) ? Text.Get("Report.UnknownDomain") : policy.PolicyDomain;
        screen.Subheading(Text.Get("Report.PolicyHeading", number, count, domain));
        screen.Field(Text.Get("Report.PolicyType"), DescribePolicyType(policy.PolicyType));

        if (policy.PolicyType == "sts" && policy.PolicyString.Count > 0
            && StsPolicy.TryParse(string.Join("\r\n", policy.PolicyString), out var parsed, out _))
        {
            screen.Field(Text.Get("Report.PolicySeen"), Text.Get(
                "Report.PolicySeenValue",
                PolicyView.ModeName(parsed.Mode),
                string.Join(", ", parsed.MxPatterns.Select(p => p.Value)),
                parsed.MaxAge.ToString(CultureInfo.CurrentCulture),
                Durations.Describe(parsed.MaxAge)));
        }
        else if (policy.PolicyString.Count > 0)
        {
            screen.Field(Text.Get("Report.PolicyString"), string.Join(" | ", policy.PolicyString));
        }

        if (policy.MxHost.Count > 0)
        {
            screen.Field(Text.Get("Report.MxHost"), string.Join(", ", policy.MxHost));
        }

        RenderSessions(screen, result.Summary);
        RenderFailures(screen, result);
        screen.Blank();
    }

    private static void RenderSessions(Screen screen, SessionSummary summary)
    {
        var successful = summary.TotalSuccessfulSessionCount;
        var failed = summary.TotalFailureSessionCount;
        var total = successful + failed;
        var culture = CultureInfo.CurrentCulture;
        if (total == 0)
        {
            screen.Status(Mark.Info, Text.Get("Report.NoSessions"));
            return;
        }

        if (failed == 0)
        {
            screen.Status(Mark.Ok, Text.Get("Report.AllSucceeded", successful.ToString("N0", culture)));
            return;
        }

        // More than 5 % failed sessions is an error mark: enough to lose mail under enforce.
        screen.Status(
            failed * 20 >= total ? Mark.Error : Mark.Warning,
            Text.Get("Report.SomeFailed", successful.ToString("N0", culture), failed.ToString("N0", culture), SuccessRate(successful, total)));
    }

    private static void RenderFailures(Screen screen, PolicyResult result)
    {
        if (result.FailureDetails.Count == 0)
        {
            if (result.Summary.TotalFailureSessionCount > 0)
            {
                screen.Paragraph(Text.Get("Report.FailuresWithoutDetails"), 1);
            }

            return;
        }

        var culture = CultureInfo.CurrentCulture;
        var groups = result.FailureDetails
            .GroupBy(d => d.ResultType, StringComparer.Ordinal)
            .OrderByDescending(g => g.Sum(d => d.FailedSessionCount));
        foreach (var group in groups)
        {
            var explanation = ResultTypeExplanations.Get(group.Key, CultureInfo.CurrentUICulture);
            var sessions = group.Sum(d => d.FailedSessionCount);
            screen.Status(
                Mark.Error,
                Text.Get("Report.FailureGroup", group.Key, sessions.ToString("N0", culture)),
                $"{Text.Get("Report.WhatHappened")} {explanation.Summary}\n{Text.Get("Report.WhatToDo")} {explanation.Advice}");

            var rows = group.OrderByDescending(d => d.FailedSessionCount).ToList();
            screen.Table(
                [Text.Get("Report.Col.SendingMta"), Text.Get("Report.Col.ReceivingMx"), Text.Get("Report.Col.ReceivingIp"), Text.Get("Report.Col.Sessions"), Text.Get("Report.Col.Reason")],
                rows.Take(MaxFailureRows).Select(d => (IReadOnlyList<string>)
                [
                    OrDash(d.SendingMtaIp),
                    OrDash(d.ReceivingMxHostname),
                    OrDash(d.ReceivingIp),
                    d.FailedSessionCount.ToString("N0", culture),
                    OrDash(Join(d.FailureReasonCode, d.AdditionalInformation)),
                ]).ToList());
            if (rows.Count > MaxFailureRows)
            {
                var rest = rows.Skip(MaxFailureRows).Sum(d => d.FailedSessionCount);
                screen.Paragraph(Text.Get("Report.MoreRows", rows.Count - MaxFailureRows, rest.ToString("N0", culture)), 1);
            }
        }
    }

    public static void RenderTotals(Screen screen, IReadOnlyList<ShownInput> inputs, IReadOnlyList<string> skipped, IReadOnlyDictionary<ReadReport, string> duplicates)
    {
        var reports = inputs
            .Where(i => i.Result is not null)
            .SelectMany(i => i.Result!.Reports)
            .Where(r => !duplicates.ContainsKey(r))
            .Select(r => r.Report)
            .OfType<TlsReport>()
            .ToList();
        var successful = reports.Sum(r => r.Policies.Sum(p => p.Summary.TotalSuccessfulSessionCount));
        var failed = reports.Sum(r => r.Policies.Sum(p => p.Summary.TotalFailureSessionCount));
        var failedInputs = inputs.Count(i => !i.Succeeded);
        var culture = CultureInfo.CurrentCulture;

        screen.Heading(Text.Get("Totals.Heading"));
        screen.Field(Text.Get("Totals.Reports"), Text.Get("Totals.ReportsValue", reports.Count.ToString("N0", culture), inputs.Count.ToString("N0", culture)));
        screen.Field(Text.Get("Totals.Sessions"), successful + failed == 0
            ? Text.Get("Totals.NoSessions")
            : Text.Get("Totals.SessionsValue", successful.ToString("N0", culture), failed.ToString("N0", culture), SuccessRate(successful, successful + failed)));
        if (duplicates.Count > 0)
        {
            screen.Status(Mark.Info, Text.Get("Totals.Duplicates", duplicates.Count.ToString("N0", culture)));
        }

        if (failedInputs > 0)
        {
            screen.Status(Mark.Error, Text.Get("Totals.FailedInputs", failedInputs.ToString("N0", culture)));
        }

        if (skipped.Count > 0)
        {
            screen.Status(Mark.Info, Text.Get("Totals.Skipped", skipped.Count.ToString("N0", culture), string.Join(", ", skipped.Select(Path.GetFileName).Take(5))));
        }
    }

    /// <summary>
    /// Formats a success rate with one decimal, or more when one decimal would round a
    /// failure away (2 failures in 4,525 sessions is 99.96 %, not 100.0 %).
    /// </summary>
    public static string SuccessRate(long successful, long total)
    {
        var rate = (double)successful / total;
        for (var decimals = 1; decimals < 4; decimals++)
        {
            var text = rate.ToString("P" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentCulture);
            if (successful == total || Math.Round(rate * 100, decimals) < 100)
            {
                return text;
            }
        }

        return rate.ToString("P4", CultureInfo.CurrentCulture);
    }

    private static string DescribePolicyType(string policyType)
    {
        var key = $"PolicyType.{policyType}";
        return policyType is "sts" or "tlsa" or "no-policy-found"
            ? $"{policyType} — {Text.Get(key)}"
            : Text.Get("PolicyType.Unknown", policyType);
    }

    private static string FormatPeriod(DateRange range)
    {
        var start = range.Start.ToUniversalTime();
        var end = range.End.ToUniversalTime();

        // Senders write the end either as the next midnight or as 23:59:59; both close the same day.
        var inclusiveEnd = end is { Minute: 59, Second: 59 } ? end.AddSeconds(1) : end;
        var seconds = (long)(inclusiveEnd - start).TotalSeconds;
        var length = seconds > 0 ? Durations.Describe(seconds) : Text.Get("Report.PeriodInvalid");
        return Text.Get(
            "Report.PeriodValue",
            start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            end.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            length);
    }

    // The decoder names mail parts "part 2 (media type, file name)"; only the word is translated.
    private static string LocalizePart(string label) =>
        label.StartsWith("part ", StringComparison.Ordinal) ? Text.Get("Report.MailPart", label["part ".Length..]) : label;

    private static string OrDash(string? value) => string.IsNullOrEmpty(value) ? "—" : value;

    private static string? Join(string? first, string? second) =>
        (string.IsNullOrEmpty(first), string.IsNullOrEmpty(second)) switch
        {
            (true, _) => second,
            (_, true) => first,
            _ => $"{first} ({second})",
        };
}
