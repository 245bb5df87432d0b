namespace MtaSts.Cli.Output;

/// <summary>The messages of the report store commands, from <c>Resources/StoreStrings.resx</c> and its Spanish twin.</summary>
internal static class StoreText
{
    private static readonly MessageCatalog s_catalog = new("StoreStrings");

    /// <summary>Returns the message <paramref name="key"/> in the current UI culture, formatted with <paramref name="args"/>.</summary>
    public static string Get(string key, params object?[] args) => s_catalog.Get(key, args);
}
