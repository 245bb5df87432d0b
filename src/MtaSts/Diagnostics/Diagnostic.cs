using System.Globalization;

namespace MtaSts.Diagnostics;

/// <summary>
/// A finding about a record, policy or report: a stable code, a severity, where it sits and
/// the RFC rule it concerns. Diagnostics are values; parsers return them instead of throwing.
/// </summary>
/// <param name="Code">Stable identifier such as <c>STS-POLICY-MAX-AGE-RANGE</c>; tools may depend on it.</param>
/// <param name="Severity">How much the finding matters.</param>
/// <param name="Rfc">The rule concerned, such as <c>RFC 8461 §3.2</c>.</param>
/// <param name="Subject">The field, key or JSON path involved, or <see langword="null"/>.</param>
/// <param name="Line">The 1-based line number in the input, when the input has lines.</param>
/// <param name="Arguments">The values shown in the message, in the order of its placeholders.</param>
public sealed record Diagnostic(
    string Code,
    Severity Severity,
    string Rfc,
    string? Subject = null,
    int? Line = null,
    IReadOnlyList<string>? Arguments = null)
{
    /// <summary>The values shown in the message; never <see langword="null"/>.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = Arguments ?? [];

    /// <summary>Formats the message for this diagnostic in the given language.</summary>
    /// <param name="culture">The language; <see langword="null"/> means the current UI culture.</param>
    public string Describe(CultureInfo? culture = null) => DiagnosticText.Format(this, culture);

    /// <inheritdoc/>
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()} {Code}: {Describe(CultureInfo.InvariantCulture)}";
}
