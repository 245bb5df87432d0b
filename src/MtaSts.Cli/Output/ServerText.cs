using System.Globalization;
using System.Resources;

namespace MtaSts.Cli.Output;

/// <summary>The messages of <c>mtasts serve</c> and <c>mtasts domains</c>, from <c>Resources/ServerStrings.resx</c> and its Spanish twin.</summary>
internal static class ServerText
{
    private static readonly ResourceManager s_strings = new("MtaSts.Cli.Resources.ServerStrings", typeof(ServerText).Assembly);

    /// <summary>Returns the message <paramref name="key"/> in the current UI culture, formatted with <paramref name="args"/>.</summary>
    public static string Get(string key, params object?[] args)
    {
        var template = s_strings.GetString(key, CultureInfo.CurrentUICulture)
            ?? throw new InvalidOperationException($"Missing server CLI message '{key}'.");
        return args.Length == 0 ? template : string.Format(CultureInfo.CurrentCulture, template, args);
    }
}
