using System.Globalization;
using System.Resources;

namespace MtaSts.Diagnostics;

/// <summary>
/// Looks up the localized message of a diagnostic code. Each area of the library keeps its
/// messages in its own <c>.resx</c> file (English neutral, Spanish in <c>.es.resx</c>), keyed by code.
/// </summary>
public static class DiagnosticText
{
    private static readonly ResourceManager[] s_catalogs =
    [
        new("MtaSts.Resources.RecordMessages", typeof(DiagnosticText).Assembly),
        new("MtaSts.Resources.PolicyMessages", typeof(DiagnosticText).Assembly),
        new("MtaSts.Resources.ReportMessages", typeof(DiagnosticText).Assembly),
        new("MtaSts.Resources.ReportDecodingMessages", typeof(DiagnosticText).Assembly),
    ];

    /// <summary>Formats the message of <paramref name="diagnostic"/> in <paramref name="culture"/>.</summary>
    /// <remarks>A code with no message falls back to the code and its arguments, so nothing is lost.</remarks>
    public static string Format(Diagnostic diagnostic, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var template = Lookup(diagnostic.Code, culture);
        if (template is null)
        {
            return diagnostic.Arguments.Count == 0
                ? diagnostic.Code
                : $"{diagnostic.Code}: {string.Join(", ", diagnostic.Arguments)}";
        }

        var arguments = diagnostic.Arguments.Cast<object>().ToArray();
        return string.Format(culture ?? CultureInfo.CurrentUICulture, template, arguments);
    }

    /// <summary>Returns the message template for <paramref name="key"/>, or <see langword="null"/>.</summary>
    public static string? Lookup(string key, CultureInfo? culture = null)
    {
        foreach (var catalog in s_catalogs)
        {
            try
            {
                var text = catalog.GetString(key, culture ?? CultureInfo.CurrentUICulture);
                if (text is not null)
                {
                    return text;
                }
            }
            catch (MissingManifestResourceException)
            {
                // An area without a catalog yet: try the next one.
            }
        }

        return null;
    }
}
