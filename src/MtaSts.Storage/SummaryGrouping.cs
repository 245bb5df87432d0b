namespace MtaSts.Storage;

/// <summary>The breakdown a summary adds to its totals.</summary>
public enum SummaryGrouping
{
    /// <summary>Per UTC day of the report's start.</summary>
    Day,

    /// <summary>Per reporting organisation (the organisation part of <see cref="ReportKey"/>).</summary>
    Org,

    /// <summary>Per failure result-type; failed sessions only.</summary>
    Result,

    /// <summary>Per receiving MX host name of the failure details; failed sessions only.</summary>
    Mx,

    /// <summary>Per sending MTA IP address of the failure details; failed sessions only.</summary>
    Ip,

    /// <summary>Per policy type and, for <c>sts</c>, its mode.</summary>
    Policy,
}
