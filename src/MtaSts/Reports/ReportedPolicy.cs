using System.Text.Json;
using System.Text.Json.Serialization;

namespace MtaSts.Reports;

/// <summary>The policy a sender applied when delivering to the policy domain (<c>policy</c>, RFC 8460 §4.4).</summary>
public sealed class ReportedPolicy
{
    /// <summary>
    /// The policy type (<c>policy-type</c>): <c>sts</c>, <c>tlsa</c> or <c>no-policy-found</c> in
    /// RFC 8460, kept verbatim when a sender uses another value.
    /// </summary>
    [JsonPropertyName("policy-type")]
    public required string PolicyType { get; init; }

    /// <summary>
    /// The applied policy, one line or TLSA record per entry (<c>policy-string</c>, RFC 8460 §4.5);
    /// empty when the sender sent none.
    /// </summary>
    [JsonPropertyName("policy-string")]
    public IReadOnlyList<string> PolicyString { get; init; } = [];

    /// <summary>The policy domain (<c>policy-domain</c>), kept as written; RFC 8460 §4.4 requires A-labels for IDNs.</summary>
    [JsonPropertyName("policy-domain")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PolicyDomain { get; init; }

    /// <summary>The MX host patterns of an MTA-STS policy (<c>mx-host</c>); empty when the sender sent none.</summary>
    [JsonPropertyName("mx-host")]
    public IReadOnlyList<string> MxHost { get; init; } = [];

    /// <summary>Fields that RFC 8460 §4.4 does not define, kept as the sender wrote them.</summary>
    /// <remarks>Settable, not init-only, because System.Text.Json 10 rejects init-only extension data on types with required members or a primary constructor.</remarks>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
