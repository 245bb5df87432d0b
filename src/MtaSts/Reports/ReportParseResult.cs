using MtaSts.Diagnostics;

namespace MtaSts.Reports;

/// <summary>The outcome of <see cref="TlsReportParser.Parse"/>: the report, if usable, and every diagnostic.</summary>
public sealed class ReportParseResult
{
    /// <summary>The normalised report, or <see langword="null"/> when a diagnostic is an error.</summary>
    public TlsReport? Report { get; init; }

    /// <summary>The findings about the input, in the order the parser met them.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Whether the input was a usable report.</summary>
    public bool Succeeded => Report is not null;
}
