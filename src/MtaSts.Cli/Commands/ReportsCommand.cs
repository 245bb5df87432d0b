using System.CommandLine;
using MtaSts.Cli.Output;

namespace MtaSts.Cli.Commands;

/// <summary><c>mtasts reports</c>: read and explain SMTP TLS reports (RFC 8460).</summary>
internal static class ReportsCommand
{
    public static Command Create() => new("reports", Text.Get("Reports.Description"))
    {
        ReportsShowCommand.Create(),
        ReportsImportCommand.Create(),
        ReportsSummaryCommand.Create(),
        ReportsReadinessCommand.Create(),
    };
}
