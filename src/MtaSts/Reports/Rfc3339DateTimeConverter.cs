using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MtaSts.Reports;

/// <summary>
/// Reads and writes date-times in the RFC 3339 §5.6 form that RFC 8460 §4.4 requires, writing UTC
/// as <c>Z</c> (<c>2016-04-01T00:00:00Z</c>) and leaving out a fraction of zero.
/// </summary>
internal sealed class Rfc3339DateTimeConverter : JsonConverter<DateTimeOffset>
{
    public static string Format(DateTimeOffset value)
    {
        return value.Offset == TimeSpan.Zero
            ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
            : value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
    }

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        return reader.GetDateTimeOffset();
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        writer.WriteStringValue(Format(value));
    }
}
