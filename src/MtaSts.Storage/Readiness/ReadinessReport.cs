using System.Globalization;

namespace MtaSts.Storage.Readiness;

/// <summary>The verdict on moving a domain to MTA-STS <c>enforce</c>, with the evidence behind it.</summary>
/// <param name="Domain">The policy domain judged.</param>
/// <param name="Since">The start of the window.</param>
/// <param name="Until">The end of the window (exclusive).</param>
/// <param name="Mode">The mode of the newest reported <c>sts</c> policy, or <see langword="null"/> when none was reported.</param>
/// <param name="Verdict">The advice.</param>
/// <param name="Totals">Sessions and reports in the window.</param>
/// <param name="Checks">Every check, in a fixed order, passed or not.</param>
public sealed record ReadinessReport(
    string Domain,
    DateTimeOffset Since,
    DateTimeOffset Until,
    string? Mode,
    ReadinessVerdict Verdict,
    SummaryCounts Totals,
    IReadOnlyList<ReadinessCheck> Checks)
{
    /// <summary>
    /// Formats the verdict as one sentence in <paramref name="culture"/>. When the window has no
    /// report about the domain, the sentence states that instead of asking for more evidence.
    /// </summary>
    public string DescribeVerdict(CultureInfo? culture = null) => Totals.Reports == 0 && Verdict == ReadinessVerdict.InsufficientEvidence
        ? ReadinessCheck.Format("VERDICT-NoReports", culture, [Domain])
        : ReadinessCheck.Format("VERDICT-" + Verdict, culture, [Domain]);
}
