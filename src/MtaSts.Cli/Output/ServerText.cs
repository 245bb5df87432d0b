namespace MtaSts.Cli.Output;

/// <summary>The messages of <c>mtasts serve</c> and <c>mtasts domains</c>, from <c>Resources/ServerStrings.resx</c> and its Spanish twin.</summary>
internal static class ServerText
{
    private static readonly MessageCatalog s_catalog = new("ServerStrings");

    /// <summary>Returns the message <paramref name="key"/> in the current UI culture, formatted with <paramref name="args"/>.</summary>
    public static string Get(string key, params object?[] args) => s_catalog.Get(key, args);

    /// <summary>Returns the message of a setting that stops <c>mtasts serve</c>, in the current UI culture.</summary>
    public static string Describe(MtaSts.Server.Hosting.SettingProblem problem) => s_catalog.Get("Setting." + problem.Code, [.. problem.Arguments]);
}
