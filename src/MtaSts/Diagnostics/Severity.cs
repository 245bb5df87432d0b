namespace MtaSts.Diagnostics;

/// <summary>How much a diagnostic matters to a sender applying the record, policy or report.</summary>
public enum Severity
{
    /// <summary>Worth knowing; senders are not affected.</summary>
    Info,

    /// <summary>Tolerated by senders, but against the RFC or likely to cause trouble.</summary>
    Warning,

    /// <summary>Senders reject or ignore the input, or part of it.</summary>
    Error,
}
