using System.Globalization;
using MtaSts.Diagnostics;

namespace MtaSts.Checks;

/// <summary>
/// One result of a deployment check: a stable code, a severity, the host, record or URL it is
/// about, the values involved, and a message and advice in English or Spanish.
/// </summary>
/// <param name="Code">Stable identifier such as <c>POLICY-FETCH-REDIRECT</c>; see <see cref="FindingCodes"/>.</param>
/// <param name="Severity">How much the finding matters.</param>
/// <param name="Section">The part of the deployment concerned.</param>
/// <param name="Subject">The host name, DNS name, URL or address concerned.</param>
public sealed record Finding(string Code, FindingSeverity Severity, FindingSection Section, string Subject)
{
    /// <summary>The values involved, by name; the message and advice templates refer to them as <c>{name}</c>.</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();

    /// <summary>The rule concerned, such as <c>RFC 8461 §3.3</c>, or <see langword="null"/>.</summary>
    public string? Rfc { get; init; }

    /// <summary>For a verdict, the finding that decided it; its message fills <c>{reason}</c>.</summary>
    public Finding? Cause { get; init; }

    /// <summary>The parser diagnostic this finding carries, when it comes from parsing a record or policy.</summary>
    public Diagnostic? Diagnostic { get; init; }

    /// <summary>Formats the message in <paramref name="culture"/> (the current UI culture when <see langword="null"/>).</summary>
    public string GetMessage(CultureInfo? culture = null) => FindingText.GetMessage(this, culture);

    /// <summary>Formats the advice in <paramref name="culture"/>, or returns <see langword="null"/> when there is nothing to do.</summary>
    public string? GetAdvice(CultureInfo? culture = null) => FindingText.GetAdvice(this, culture);

    /// <summary>Returns the value named <paramref name="name"/>, or <see langword="null"/>.</summary>
    public string? GetValue(string name) => Values.TryGetValue(name, out var value) ? value : null;

    /// <inheritdoc/>
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()} {Code} {Subject}: {GetMessage(CultureInfo.InvariantCulture)}";
}
