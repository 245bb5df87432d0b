namespace MtaSts.Storage.Readiness;

/// <summary>The thresholds of the readiness verdict; each default is documented in <c>docs/reports.md</c>.</summary>
public sealed record ReadinessOptions
{
    /// <summary>The number of whole UTC days before today that the evidence covers. Default 14.</summary>
    public int Days { get; init; } = 14;

    /// <summary>The minimum number of distinct UTC days with reports in the window. Default 7.</summary>
    public int MinimumReportDays { get; init; } = 7;

    /// <summary>The minimum number of distinct reporting organisations in the window. Default 2.</summary>
    public int MinimumReporters { get; init; } = 2;

    /// <summary>The maximum share of failed sessions, from 0 to 1. Default 0.01 (1 %).</summary>
    public double MaximumFailureRate { get; init; } = 0.01;
}
