namespace MtaSts.Storage;

/// <summary>What a store did with one report of a batch.</summary>
public enum StoreOutcome
{
    /// <summary>The report is new and now stored.</summary>
    Stored,

    /// <summary>A report with the same <see cref="ReportKey"/> and the same content is already stored; nothing was added.</summary>
    Duplicate,

    /// <summary>
    /// A report with the same <see cref="ReportKey"/> but other content (date range, policies or
    /// session counts) is already stored. RFC 8460 §5.3 identifies a report by its report-id, so
    /// the first one stays and nothing was added, but the reporter reused an id.
    /// </summary>
    DuplicateWithDifferentContent,
}
