using System.Globalization;
using System.Resources;
using System.Text;
using MtaSts.Diagnostics;

namespace MtaSts.Checks;

/// <summary>
/// Looks up finding messages and advice in the <c>CheckMessages</c> catalog: the resource
/// <c>CODE</c> is the message and <c>CODE.Advice</c> the advice, each a template with
/// <c>{name}</c> placeholders filled from <see cref="Finding.Values"/>.
/// </summary>
public static class FindingText
{
    private static readonly ResourceManager s_catalog = new("MtaSts.Resources.CheckMessages", typeof(FindingText).Assembly);

    /// <summary>Formats the message of <paramref name="finding"/>.</summary>
    /// <remarks>A finding that carries a parser diagnostic uses the diagnostic's own message.</remarks>
    public static string GetMessage(Finding finding, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var template = Lookup(finding.Code, culture);
        if (template is null && finding.Diagnostic is not null)
        {
            return DiagnosticText.Format(finding.Diagnostic, culture);
        }

        if (template is null)
        {
            return finding.Code;
        }

        return Fill(template, GetDisplayValues(finding, culture));
    }

    /// <summary>Formats the advice of <paramref name="finding"/>, or returns <see langword="null"/> when it has none.</summary>
    /// <remarks>
    /// A finding with a <c>wildcard</c> value uses <c>CODE.Advice.Wildcard</c> when the catalog has
    /// it, so the advice suggests a wildcard pattern only where one fits.
    /// </remarks>
    public static string? GetAdvice(Finding finding, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var template = finding.Values.ContainsKey("wildcard") ? Lookup(finding.Code + ".Advice.Wildcard", culture) : null;
        template ??= Lookup(finding.Code + ".Advice", culture);
        return template is null ? null : Fill(template, GetDisplayValues(finding, culture));
    }

    /// <summary>Returns the template stored under <paramref name="key"/>, or <see langword="null"/>.</summary>
    public static string? Lookup(string key, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        return s_catalog.GetString(key, culture ?? CultureInfo.CurrentUICulture);
    }

    // The values as a reader sees them: stable tokens such as a DNS status or an SMTP step become
    // words of the output language (catalog key "Value.<name>.<token>"), and a verdict gets its
    // cause as {reason} and the count of other errors as {more}.
    private static Dictionary<string, string> GetDisplayValues(Finding finding, CultureInfo? culture)
    {
        var values = new Dictionary<string, string>(finding.Values.Count + 2, StringComparer.Ordinal);
        foreach (var (name, value) in finding.Values)
        {
            values[name] = ToWords(name, value, culture);
        }

        if (finding.Cause is not null)
        {
            values["reason"] = ToClause(GetMessage(finding.Cause, culture));
            var more = int.TryParse(finding.GetValue("more_errors"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;
            var moreTemplate = more switch
            {
                0 => string.Empty,
                1 => Lookup("Verdict.MoreOne", culture) ?? string.Empty,
                _ => Lookup("Verdict.MoreMany", culture) ?? string.Empty,
            };
            values["more"] = moreTemplate.Replace("{count}", count.ToString(culture ?? CultureInfo.CurrentUICulture), StringComparison.Ordinal);
        }

        return values;
    }

    // A value may list several tokens separated by ", ", such as the chain status flags.
    private static string ToWords(string name, string value, CultureInfo? culture)
    {
        var parts = value.Split(", ");
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = Lookup($"Value.{name}.{parts[i]}", culture) ?? parts[i];
        }

        return string.Join(", ", parts);
    }

    // Lowercases a leading capital so "The policy …" reads as "the policy …" after a colon, but
    // leaves acronyms such as "TLS" alone.
    private static string ToClause(string sentence)
    {
        var clause = sentence.TrimEnd('.');
        if (clause.Length > 1 && char.IsUpper(clause[0]) && char.IsLower(clause[1]))
        {
            clause = char.ToLowerInvariant(clause[0]) + clause[1..];
        }

        return clause;
    }

    /// <summary>Replaces each <c>{name}</c> in <paramref name="template"/> with its value; unknown names stay as written.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var builder = new StringBuilder(template.Length + 32);
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                builder.Append(template, position, template.Length - position);
                break;
            }

            builder.Append(template, position, open - position);
            var name = template[(open + 1)..close];
            builder.Append(values.TryGetValue(name, out var value) ? value : template[open..(close + 1)]);
            position = close + 1;
        }

        return builder.ToString();
    }
}
