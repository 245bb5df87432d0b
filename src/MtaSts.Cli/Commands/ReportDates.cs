using System.Globalization;
using MtaSts.Cli.Output;

namespace MtaSts.Cli.Commands;

/// <summary>Parses the <c>--since</c> and <c>--until</c> values of the report store commands.</summary>
internal static class ReportDates
{
    /// <summary>
    /// Parses a UTC date (<c>2026-11-01</c>) or an RFC 3339 date-time. A date given to
    /// <c>--until</c> includes that whole day, so the range ends at the next midnight (UTC).
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
            return isEnd ? midnight.AddDays(1) : midnight;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant;
        }

        throw new CommandException(StoreText.Get("Error.Date", value, option));
    }
}
