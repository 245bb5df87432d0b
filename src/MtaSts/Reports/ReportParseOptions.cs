namespace MtaSts.Reports;

/// <summary>Limits for <see cref="TlsReportParser"/>, so hostile input cannot exhaust memory or the stack.</summary>
public sealed class ReportParseOptions
{
    /// <summary>The default limits.</summary>
    public static ReportParseOptions Default { get; } = new();

    /// <summary>The maximum nesting depth of JSON objects and arrays. A report needs 5.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>The maximum size of the JSON input, in bytes.</summary>
    public int MaxBytes { get; init; } = 16 * 1024 * 1024;
}
