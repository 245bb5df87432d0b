using System.Text.Json;
using System.Text.Json.Serialization;

namespace MtaSts.Reports;

/// <summary>The session counts for one applied policy (<c>summary</c>, RFC 8460 §4.2).</summary>
public sealed class SessionSummary
{
    /// <summary>Sessions that negotiated policy-compliant TLS (<c>total-successful-session-count</c>).</summary>
    [JsonPropertyName("total-successful-session-count")]
    public long TotalSuccessfulSessionCount { get; init; }

    /// <summary>Sessions that failed to negotiate TLS (<c>total-failure-session-count</c>).</summary>
    [JsonPropertyName("total-failure-session-count")]
    public long TotalFailureSessionCount { get; init; }

    /// <summary>Fields that RFC 8460 §4.4 does not define, kept as the sender wrote them.</summary>
    /// <remarks>Settable, not init-only, because System.Text.Json 10 rejects init-only extension data on types with required members or a primary constructor.</remarks>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
