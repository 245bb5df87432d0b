using System.Text.Json;
using System.Text.Json.Serialization;

namespace MtaSts.Reports;

/// <summary>
/// An SMTP TLS report (RFC 8460 §4.4): what one sending organisation saw when it delivered mail
/// to a policy domain during a date range.
/// </summary>
/// <remarks>
/// <see cref="TlsReportParser"/> builds the normalised form: every field has its RFC 8460 §4.4
/// spelling and type, whatever the sender wrote. <see cref="TlsReportJson"/> writes it back.
/// </remarks>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc8460#section-4.4"/>
public sealed class TlsReport
{
    /// <summary>The organisation responsible for the report (<c>organization-name</c>).</summary>
    [JsonPropertyName("organization-name")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OrganizationName { get; init; }

    /// <summary>The time range the report covers (<c>date-range</c>).</summary>
    [JsonPropertyName("date-range")]
    public required DateRange DateRange { get; init; }

    /// <summary>The e-mail address of the party responsible for the report (<c>contact-info</c>).</summary>
    [JsonPropertyName("contact-info")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ContactInfo { get; init; }

    /// <summary>The sender's unique identifier of the report (<c>report-id</c>).</summary>
    [JsonPropertyName("report-id")]
    public required string ReportId { get; init; }

    /// <summary>One entry per policy the sender applied (<c>policies</c>).</summary>
    [JsonPropertyName("policies")]
    public required IReadOnlyList<PolicyResult> Policies { get; init; }

    /// <summary>Fields that RFC 8460 §4.4 does not define, kept as the sender wrote them.</summary>
    /// <remarks>Settable, not init-only, because System.Text.Json 10 rejects init-only extension data on types with required members or a primary constructor.</remarks>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>
/// The time range of a report (<c>date-range</c>), normally one full UTC day (RFC 8460 §4.1).
/// </summary>
/// <param name="Start">The start of the range (<c>start-datetime</c>).</param>
/// <param name="End">The end of the range (<c>end-datetime</c>).</param>
public sealed record DateRange(
    [property: JsonPropertyName("start-datetime")][property: JsonConverter(typeof(Rfc3339DateTimeConverter))] DateTimeOffset Start,
    [property: JsonPropertyName("end-datetime")][property: JsonConverter(typeof(Rfc3339DateTimeConverter))] DateTimeOffset End)
{
    /// <summary>Fields that RFC 8460 §4.4 does not define, kept as the sender wrote them.</summary>
    /// <remarks>Settable, not init-only, because System.Text.Json 10 rejects init-only extension data on types with required members or a primary constructor.</remarks>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
