using System.Globalization;
using MtaSts.Diagnostics;
using MtaSts.Reports;

namespace MtaSts.Cli.Output;

/// <summary>One input of <c>reports show</c>: what was read from it, or why it could not be read.</summary>
internal sealed record ShownInput(string Source, ReportReadResult? Result, string? ReadError)
{
    public bool Succeeded => Result?.Succeeded == true;

    /// <summary>The one-line reason a report or input failed: its first error diagnostic.</summary>
    public static string FirstError(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.FirstOrDefault(d => d.Severity == Severity.Error)?.Describe(CultureInfo.CurrentUICulture)
        ?? Text.Get("ReportsShow.UnknownError");
}
