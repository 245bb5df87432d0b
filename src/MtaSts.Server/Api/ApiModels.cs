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

/// <summary>The source-generated JSON contract of the API.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PolicyModel))]
[JsonSerializable(typeof(AddDomainRequest))]
[JsonSerializable(typeof(DomainModel))]
[JsonSerializable(typeof(IReadOnlyList<DomainModel>))]
[JsonSerializable(typeof(IntakeSummary))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
