using System.Globalization;

namespace MtaSts.Cli.Output;

/// <summary>Turns a number of seconds into words a person reads at a glance ("7 days").</summary>
internal static class Durations
{
    private static readonly (long Seconds, string Unit)[] s_units =
    [
        (86400, "Days"),
        (3600, "Hours"),
        (60, "Minutes"),
        (1, "Seconds"),
    ];

    /// <summary>
    /// Describes <paramref name="seconds"/> in the largest unit that fits. A value that is not a
    /// whole number of that unit is marked as approximate, so 86401 reads "about 1 day", not "1 day".
    /// </summary>
    public static string Describe(long seconds)
    {
        var (size, unit) = s_units.First(u => seconds >= u.Seconds || u.Seconds == 1);
        var exact = seconds % size == 0;
        var value = Math.Round((double)seconds / size, 1);
        var key = value == 1 ? $"Duration.{unit}.One" : $"Duration.{unit}";
        var text = Text.Get(key, value.ToString("0.#", CultureInfo.CurrentCulture));
        return exact ? text : Text.Get("Duration.About", text);
    }
}
