namespace MtaSts.Cli.Output;

/// <summary>The command's own messages, from <c>Resources/Strings.resx</c> and its Spanish twin.</summary>
internal static class Text
{
    private static readonly MessageCatalog s_catalog = new("Strings");

    /// <summary>Returns the message <paramref name="key"/> in the current UI culture, formatted with <paramref name="args"/>.</summary>
    public static string Get(string key, params object?[] args) => s_catalog.Get(key, args);
}
