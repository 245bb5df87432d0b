using System.Globalization;
using System.Resources;

namespace MtaSts.Storage.Readiness;

/// <summary>One reason of a readiness verdict: a stable code, whether it passed and the values involved.</summary>
/// <param name="Code">Stable identifier such as <c>READINESS-FAILURE-RATE</c>.</param>
/// <param name="Passed">Whether the evidence met the threshold.</param>
/// <param name="Arguments">The values shown in the message, in the order of its placeholders.</param>
public sealed record ReadinessCheck(string Code, bool Passed, IReadOnlyList<string> Arguments)
{
    private static readonly ResourceManager s_messages = new("MtaSts.Storage.Resources.ReadinessMessages", typeof(ReadinessCheck).Assembly);

    /// <summary>Formats the message of this check in <paramref name="culture"/> (the current UI culture when <see langword="null"/>).</summary>
    public string Describe(CultureInfo? culture = null) => Format(Code + (Passed ? ".Pass" : ".Fail"), culture, Arguments);

    /// <summary>Formats the message <paramref name="key"/> of the readiness catalog.</summary>
    internal static string Format(string key, CultureInfo? culture, IReadOnlyList<string> arguments)
    {
        var effective = culture ?? CultureInfo.CurrentUICulture;
        var template = s_messages.GetString(key, effective) ?? key;
        return string.Format(effective, template, arguments.Cast<object>().ToArray());
    }
}
