using System.Globalization;

namespace MtaSts.Cli.Output;

/// <summary>Formats the times of the report store commands' JSON output.</summary>
internal static class UtcTimes
{
    /// <summary>Formats <paramref name="time"/> as an RFC 3339 UTC date-time to the second, such as <c>2026-11-01T00:00:00Z</c>.</summary>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
