namespace MtaSts.Reports;

/// <summary>A plain-language explanation of a <c>result-type</c> for a domain owner.</summary>
/// <param name="ResultType">The result type, as the report gives it.</param>
/// <param name="Summary">What happened, in one or two sentences.</param>
/// <param name="Advice">What the domain owner should do about it.</param>
/// <param name="IsKnown">Whether the result type is one of RFC 8460 §4.3; otherwise the text is a generic fallback.</param>
public sealed record ResultTypeExplanation(string ResultType, string Summary, string Advice, bool IsKnown);
