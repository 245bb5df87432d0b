using System.Text.Json;
using System.Text.Json.Serialization;

namespace MtaSts.Reports;

/// <summary>Writes a <see cref="TlsReport"/> as RFC 8460 §4.4 JSON, with the RFC field names.</summary>
/// <remarks>
/// The output is the normalised report: <c>mx-host</c> and <c>policy-string</c> are always arrays,
/// counts are numbers, date-times have a zone, empty optional fields are left out, and extension
/// data is written back as the sender sent it.
/// </remarks>
public static class TlsReportJson
{
    /// <summary>Serialises <paramref name="report"/> to a JSON string.</summary>
    /// <param name="report">The report.</param>
    /// <param name="indented">Whether to indent the JSON for people to read.</param>
    public static string Serialize(TlsReport report, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        var context = indented ? TlsReportJsonContext.Indented : TlsReportJsonContext.Default;
        return JsonSerializer.Serialize(report, context.TlsReport);
    }

    /// <summary>Writes <paramref name="report"/> as one JSON object, to embed it in a larger document.</summary>
    /// <param name="writer">The writer, positioned where a value may start.</param>
    /// <param name="report">The report.</param>
    public static void Write(Utf8JsonWriter writer, TlsReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        JsonSerializer.Serialize(writer, report, TlsReportJsonContext.Default.TlsReport);
    }
}

/// <summary>The source-generated serialisation metadata of the report model.</summary>
[JsonSourceGenerationOptions]
[JsonSerializable(typeof(TlsReport))]
internal sealed partial class TlsReportJsonContext : JsonSerializerContext
{
    /// <summary>The same metadata with indented output.</summary>
    public static TlsReportJsonContext Indented { get; } = new(new JsonSerializerOptions { WriteIndented = true });
}
