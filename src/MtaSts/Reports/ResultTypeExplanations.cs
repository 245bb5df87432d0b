using System.Globalization;
using System.Resources;

namespace MtaSts.Reports;

/// <summary>
/// Explains each <c>result-type</c> of RFC 8460 §4.3 in English and Spanish, from
/// <c>Resources/ResultTypeExplanations.resx</c> and its <c>.es.resx</c> twin.
/// </summary>
public static class ResultTypeExplanations
{
    private const string UnknownKey = "unknown-result-type";

    private static readonly ResourceManager s_resources =
        new("MtaSts.Resources.ResultTypeExplanations", typeof(ResultTypeExplanations).Assembly);

    /// <summary>Returns the explanation of <paramref name="resultType"/>, or a generic one for a type RFC 8460 §4.3 does not list.</summary>
    /// <param name="resultType">The result type as the report gives it, compared exactly.</param>
    /// <param name="culture">The language; <see langword="null"/> means the current UI culture.</param>
    public static ResultTypeExplanation Get(string resultType, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(resultType);
        culture ??= CultureInfo.CurrentUICulture;

        if (ResultTypes.IsKnown(resultType))
        {
            return new ResultTypeExplanation(
                resultType,
                Lookup(resultType + ".Summary", culture),
                Lookup(resultType + ".Advice", culture),
                IsKnown: true);
        }

        var summary = string.Format(culture, Lookup(UnknownKey + ".Summary", culture), resultType);
        return new ResultTypeExplanation(resultType, summary, Lookup(UnknownKey + ".Advice", culture), IsKnown: false);
    }

    private static string Lookup(string key, CultureInfo culture)
    {
        return s_resources.GetString(key, culture)
            ?? throw new InvalidOperationException($"The resource {key} is missing from ResultTypeExplanations.resx.");
    }
}
