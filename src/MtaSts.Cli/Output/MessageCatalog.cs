using System.Globalization;
using System.Resources;

namespace MtaSts.Cli.Output;

/// <summary>
/// One <c>.resx</c> catalog of the command's messages (English, with a Spanish <c>.es.resx</c>
/// twin), read in the current UI culture. Each area keeps its own catalog.
/// </summary>
internal sealed class MessageCatalog(string name)
{
    private readonly ResourceManager _strings = new($"MtaSts.Cli.Resources.{name}", typeof(MessageCatalog).Assembly);

    /// <summary>Returns the message <paramref name="key"/> in the current UI culture, formatted with <paramref name="args"/>.</summary>
    public string Get(string key, params object?[] args)
    {
        var template = _strings.GetString(key, CultureInfo.CurrentUICulture)
            ?? throw new InvalidOperationException($"Missing CLI message '{key}'.");
        return args.Length == 0 ? template : string.Format(CultureInfo.CurrentCulture, template, args);
    }
}
