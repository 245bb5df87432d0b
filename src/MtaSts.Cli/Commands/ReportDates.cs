using System.Globalization;
using MtaSts.Cli.Output;

namespace MtaSts.Cli.Commands;

/// <summary>Parses the <c>--since</c> and <c>--until</c> values of the report store commands.</summary>
internal static class ReportDates
{
    // Stored report times are Unix seconds; the upper bound keeps "the day after" computable.
    private static readonly DateTimeOffset s_earliest = DateTimeOffset.UnixEpoch;
    private static readonly DateTimeOffset s_latest = new(3000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Parses a UTC date (<c>2026-11-01</c>) or an RFC 3339 date-time. A date given to
    /// <c>--until</c> includes that whole day, so the range ends at the next midnight (UTC). A date
    /// and time with an offset is converted to UTC.
    /// </summary>
    public static DateTimeOffset? Parse(string? value, string option, bool isEnd)
    {
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var midnight = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var start = Bounded(midnight, value, option);
            return isEnd ? start.AddDays(1) : start;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return Bounded(instant.ToUniversalTime(), value, option);
        }

        throw new CommandException(StoreText.Get("Error.Date", value, option));
    }

    private static DateTimeOffset Bounded(DateTimeOffset instant, string value, string option)
    {
        if (instant < s_earliest || instant >= s_latest)
        {
            throw new CommandException(StoreText.Get("Error.DateRange", value, option));
        }

        return instant;
    }
}
