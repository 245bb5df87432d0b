using System.CommandLine;
using MtaSts.Cli.Output;

namespace MtaSts.Cli;

/// <summary>Options that every command shares, so they read and behave the same everywhere.</summary>
internal static class CommonOptions
{
    /// <summary><c>--lang en|es</c>: the language of the output; the default comes from the culture (LANG).</summary>
    public static Option<string> Language()
    {
        var option = new Option<string>("--lang")
        {
            Description = Text.Get("Option.Lang"),
            Recursive = true,
            HelpName = "en|es",
        };
        option.Validators.Add(result =>
        {
            var value = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (!Output.Language.Supported.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                result.AddError(Text.Get("Error.BadLang", value));
            }
        });
        return option;
    }

    /// <summary><c>--json</c>: print machine-readable JSON instead of text.</summary>
    public static Option<bool> Json() => new("--json") { Description = Text.Get("Option.Json") };
}
