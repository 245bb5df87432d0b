using System.Globalization;
using MtaSts.Cli.Output;

namespace MtaSts.Cli.Commands;

/// <summary>
/// Parses the numeric options of the report store commands. The options are read as strings so
/// that a bad value gets one message naming the option and the accepted range, rather than a
/// System.CommandLine type error. Numbers are read in the invariant culture whatever the language.
/// </summary>
internal static class NumberOptions
{
    /// <summary>Parses a whole number from <paramref name="minimum"/> to <paramref name="maximum"/>, or returns <paramref name="fallback"/> when <paramref name="value"/> is <see langword="null"/>.</summary>
    public static int ParseInteger(string? value, string option, int fallback, int minimum, int maximum)
    {
        if (value is null)
        {
            return fallback;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum && number <= maximum)
        {
            return number;
        }

        throw new CommandException(StoreText.Get("Error.Integer", option, value, minimum, maximum));
    }

    /// <summary>Parses a percentage from 0 to 100 with an optional decimal dot, or returns <paramref name="fallback"/> when <paramref name="value"/> is <see langword="null"/>.</summary>
    public static double ParsePercent(string? value, string option, double fallback)
    {
        if (value is null)
        {
            return fallback;
        }

        // "0,5" is a decimal in many languages and a thousands group in English, so it is rejected
        // in every language rather than read two ways.
        if (value.Contains(',', StringComparison.Ordinal))
        {
            throw new CommandException(StoreText.Get("Error.DecimalComma", option, value, value.Replace(',', '.')));
        }

        if (double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) && number is >= 0 and <= 100)
        {
            return number;
        }

        throw new CommandException(StoreText.Get("Error.Percent", option, value));
    }
}
