using System.Globalization;
using System.Resources;

namespace MtaSts.Storage.Readiness;

/// <summary>One reason of a readiness verdict: a stable code, whether it passed and the values involved.</summary>
/// <param name="Code">Stable identifier such as <c>READINESS-FAILURE-RATE</c>.</param>
/// <param name="Passed">Whether the evidence met the threshold.</param>
/// <param name="Values">The named values of the check, in the order of the message's placeholders.</param>
public sealed record ReadinessCheck(string Code, bool Passed, IReadOnlyList<ReadinessValue> Values)
{
    private static readonly ResourceManager s_messages = new("MtaSts.Storage.Resources.ReadinessMessages", typeof(ReadinessCheck).Assembly);

    /// <summary>
    /// Formats the message of this check in <paramref name="culture"/> (the current UI culture when
    /// <see langword="null"/>), with numbers in that culture's format.
    /// </summary>
    public string Describe(CultureInfo? culture = null) =>
        Format(Code + (Passed ? ".Pass" : ".Fail"), culture, Values.Select(v => v.Value is IEnumerable<string> list ? string.Join(", ", list) : v.Value).ToArray());

    /// <summary>Formats the message <paramref name="key"/> of the readiness catalog.</summary>
    internal static string Format(string key, CultureInfo? culture, IReadOnlyList<object> arguments)
    {
        var effective = culture ?? CultureInfo.CurrentUICulture;
        var template = s_messages.GetString(key, effective) ?? key;
        return string.Format(effective, template, arguments.ToArray());
    }
}

/// <summary>A named value of a readiness check, such as <c>failedSessions</c> = 800.</summary>
/// <param name="Name">A stable camel-case name, used as the JSON property name.</param>
/// <param name="Value">A <see cref="long"/>, a <see cref="double"/> (percentages from 0 to 100) or a list of strings.</param>
public sealed record ReadinessValue(string Name, object Value);
