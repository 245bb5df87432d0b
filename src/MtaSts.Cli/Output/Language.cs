using System.Globalization;

namespace MtaSts.Cli.Output;

/// <summary>Chooses the language of everything the command prints: <c>--lang</c>, then the culture.</summary>
internal static class Language
{
    public static readonly string[] Supported = ["en", "es"];

    /// <summary>
    /// Finds <c>--lang</c> in the raw arguments before parsing, so that parse errors and help
    /// are already in the chosen language. An unsupported value is left for the parser to report.
    /// </summary>
    public static string? FindRequested(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                break;
            }

            if (arg == "--lang" && i + 1 < args.Count)
            {
                return args[i + 1];
            }

            if (arg.StartsWith("--lang=", StringComparison.Ordinal) || arg.StartsWith("--lang:", StringComparison.Ordinal))
            {
                return arg["--lang=".Length..];
            }
        }

        return null;
    }

    /// <summary>Resolves the language code from the request or, failing that, the UI culture (LANG).</summary>
    public static string Resolve(string? requested)
    {
        if (requested is not null && Supported.Contains(requested, StringComparer.OrdinalIgnoreCase))
        {
            return requested.ToLowerInvariant();
        }

        return CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es" ? "es" : "en";
    }

    /// <summary>Makes <paramref name="language"/> the culture of messages, numbers and dates.</summary>
    public static void Apply(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        CultureInfo.CurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.DefaultThreadCurrentUICulture = culture;
        CultureInfo.DefaultThreadCurrentCulture = culture;
    }
}
