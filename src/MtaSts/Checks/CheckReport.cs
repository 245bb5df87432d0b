namespace MtaSts.Checks;

/// <summary>The findings of one deployment check and the one-line verdict.</summary>
/// <param name="Domain">The policy domain, in A-label form.</param>
/// <param name="Findings">Every finding, grouped by section in the order DNS, policy, consistency, SMTP, DANE.</param>
/// <param name="Verdict">The summary finding: ready for enforce, or why not.</param>
/// <param name="Elapsed">How long the check took.</param>
public sealed record CheckReport(string Domain, IReadOnlyList<Finding> Findings, Finding Verdict, TimeSpan Elapsed)
{
    /// <summary>Whether any finding is an error.</summary>
    public bool HasErrors => Findings.Any(f => f.Severity == FindingSeverity.Error);

    /// <summary>The findings with code <paramref name="code"/>.</summary>
    public IEnumerable<Finding> WithCode(string code) => Findings.Where(f => f.Code == code);
}
