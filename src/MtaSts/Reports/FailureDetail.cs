using System.Text.Json;
using System.Text.Json.Serialization;

namespace MtaSts.Reports;

/// <summary>One kind of failure seen for a policy (an entry of <c>failure-details</c>, RFC 8460 §4.4).</summary>
public sealed class FailureDetail
{
    /// <summary>
    /// What went wrong (<c>result-type</c>): a value of RFC 8460 §4.3 (see <see cref="ResultTypes"/>),
    /// kept verbatim when a sender uses a newer or unknown one.
    /// </summary>
    [JsonPropertyName("result-type")]
    public required string ResultType { get; init; }

    /// <summary>The IP address of the sending MTA (<c>sending-mta-ip</c>).</summary>
    [JsonPropertyName("sending-mta-ip")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SendingMtaIp { get; init; }

    /// <summary>The MX host name the sender connected to (<c>receiving-mx-hostname</c>).</summary>
    [JsonPropertyName("receiving-mx-hostname")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ReceivingMxHostname { get; init; }

    /// <summary>The HELO or EHLO name the receiving MX announced (<c>receiving-mx-helo</c>, optional).</summary>
    [JsonPropertyName("receiving-mx-helo")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ReceivingMxHelo { get; init; }

    /// <summary>The IP address the sender connected to (<c>receiving-ip</c>).</summary>
    [JsonPropertyName("receiving-ip")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ReceivingIp { get; init; }

    /// <summary>The number of sessions that failed this way (<c>failed-session-count</c>).</summary>
    [JsonPropertyName("failed-session-count")]
    public long FailedSessionCount { get; init; }

    /// <summary>
    /// A URI with more information on the failure (<c>additional-information</c>, optional; the RFC
    /// calls its value <c>additional-info-uri</c>). Kept verbatim, even when it is not a valid URI.
    /// </summary>
    [JsonPropertyName("additional-information")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AdditionalInformation { get; init; }

    /// <summary>The TLS error code or message the sender saw (<c>failure-reason-code</c>).</summary>
    [JsonPropertyName("failure-reason-code")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FailureReasonCode { get; init; }

    /// <summary>Fields that RFC 8460 §4.4 does not define, kept as the sender wrote them.</summary>
    /// <remarks>Settable, not init-only, because System.Text.Json 10 rejects init-only extension data on types with required members or a primary constructor.</remarks>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
