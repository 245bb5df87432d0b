namespace MtaSts.Storage;

/// <summary>What a store did with one report of a batch.</summary>
public enum StoreOutcome
{
    /// <summary>The report is new and now stored.</summary>
    Stored,

    /// <summary>A report with the same <see cref="ReportKey"/> is already stored; nothing was added.</summary>
    Duplicate,
}
