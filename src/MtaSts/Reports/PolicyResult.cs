using System.Text.Json;
using System.Text.Json.Serialization;

namespace MtaSts.Reports;

/// <summary>
/// The results for one applied policy (an entry of <c>policies</c>, RFC 8460 §4.4): the policy,
/// the session counts and the failure details.
/// </summary>
public sealed class PolicyResult
{
    /// <summary>The policy the sender applied (<c>policy</c>).</summary>
    [JsonPropertyName("policy")]
    public required ReportedPolicy Policy { get; init; }

    /// <summary>The successful and failed session counts (<c>summary</c>).</summary>
    [JsonPropertyName("summary")]
    public required SessionSummary Summary { get; init; }

    /// <summary>One row per kind of failure (<c>failure-details</c>); empty when every session succeeded.</summary>
    [JsonPropertyName("failure-details")]
    public IReadOnlyList<FailureDetail> FailureDetails { get; init; } = [];

    /// <summary>Fields that RFC 8460 §4.4 does not define, kept as the sender wrote them.</summary>
    /// <remarks>Settable, not init-only, because System.Text.Json 10 rejects init-only extension data on types with required members or a primary constructor.</remarks>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
