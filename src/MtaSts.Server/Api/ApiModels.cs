using System.Text.Json;
using System.Text.Json.Serialization;
using MtaSts.Server.Domains;
using MtaSts.Server.Intake;

namespace MtaSts.Server.Api;

/// <summary>A policy as the API reads and writes it.</summary>
/// <param name="Mode">testing, enforce or none.</param>
/// <param name="Mx">The MX patterns, such as <c>mx1.example.com</c> or <c>*.mail.example.com</c>.</param>
/// <param name="MaxAge">How long senders may cache the policy, in seconds.</param>
public sealed record PolicyModel(string Mode, IReadOnlyList<string> Mx, long MaxAge);

/// <summary>The request body of <c>POST /api/domains</c>.</summary>
/// <param name="Name">The policy domain, such as <c>example.com</c>.</param>
/// <param name="Policy">The first policy; <c>mode: testing</c> is the safe start.</param>
public sealed record AddDomainRequest(string Name, PolicyModel Policy);

/// <summary>A managed domain as the API returns it.</summary>
public sealed record DomainModel(
    string Name,
    string State,
    string PolicyId,
    PolicyModel Policy,
    string PolicyText,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? RetiredAt,
    DateTimeOffset? RemovableAt,
    IReadOnlyList<DnsRecordInstruction> DnsRecords)
{
    /// <summary>Creates the model of <paramref name="domain"/> with the DNS records to publish.</summary>
    public static DomainModel From(ManagedDomain domain, DnsInstructions dns)
    {
        var policy = new PolicyModel(domain.Policy.Mode.ToString().ToLowerInvariant(), [.. domain.Policy.MxPatterns.Select(p => p.Value)], domain.Policy.MaxAge);
        return new DomainModel(
            domain.Name,
            domain.State.ToString().ToLowerInvariant(),
            domain.PolicyId,
            policy,
            domain.Policy.Write(),
            domain.CreatedAt,
            domain.UpdatedAt,
            domain.RetiredAt,
            domain.RemovableAt,
            dns.For(domain));
    }
}

/// <summary>One record to publish with what is live in DNS, as the API returns it.</summary>
/// <param name="Name">The owner name.</param>
/// <param name="Type">TXT, CNAME or A/AAAA.</param>
/// <param name="Expected">The value to publish.</param>
/// <param name="Match">matches, differs, missing, lookupFailed or notChecked.</param>
/// <param name="Live">The values found in DNS.</param>
public sealed record DnsRecordStatusModel(string Name, string Type, string Expected, string Match, IReadOnlyList<string> Live)
{
    /// <summary>Creates the model of <paramref name="status"/>.</summary>
    public static DnsRecordStatusModel From(DnsRecordStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var match = JsonNamingPolicy.CamelCase.ConvertName(status.Match.ToString());
        return new DnsRecordStatusModel(status.Expected.Name, status.Expected.Type, status.Expected.Value, match, status.Live);
    }
}

/// <summary>The source-generated JSON contract of the API.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PolicyModel))]
[JsonSerializable(typeof(AddDomainRequest))]
[JsonSerializable(typeof(DomainModel))]
[JsonSerializable(typeof(IReadOnlyList<DomainModel>))]
[JsonSerializable(typeof(IntakeSummary))]
[JsonSerializable(typeof(IReadOnlyList<DnsRecordStatusModel>))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
