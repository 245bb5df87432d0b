using System.Globalization;
using System.Resources;

namespace MtaSts.Cli.Output;

/// <summary>The messages of the report store commands, from <c>Resources/StoreStrings.resx</c> and its Spanish twin.</summary>
internal static class StoreText
{
    private static readonly ResourceManager s_strings = new("MtaSts.Cli.Resources.StoreStrings", typeof(StoreText).Assembly);

    /// <summary>Returns the message <paramref name="key"/> in the current UI culture, formatted with <paramref name="args"/>.</summary>
    public static string Get(string key, params object?[] args)
    {
        var template = s_strings.GetString(key, CultureInfo.CurrentUICulture)
            ?? throw new InvalidOperationException($"Missing CLI message '{key}'.");
        return args.Length == 0 ? template : string.Format(CultureInfo.CurrentCulture, template, args);
    }
}
