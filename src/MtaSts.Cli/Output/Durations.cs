using System.Globalization;

namespace MtaSts.Cli.Output;

/// <summary>Turns a number of seconds into words a person reads at a glance ("7 days").</summary>
internal static class Durations
{
    public static string Describe(long seconds)
    {
        var (value, unit) = seconds switch
        {
            >= 86400 when seconds % 86400 == 0 || seconds >= 2 * 86400 => (seconds / 86400.0, "Days"),
            >= 3600 => (seconds / 3600.0, "Hours"),
            >= 60 => (seconds / 60.0, "Minutes"),
            _ => (seconds, "Seconds"),
        };
        var rounded = Math.Round(value, 1);
        var key = rounded == 1 ? $"Duration.{unit}.One" : $"Duration.{unit}";
        return Text.Get(key, rounded.ToString("0.#", CultureInfo.CurrentCulture));
    }
}
