using Microsoft.Extensions.Options;
using MtaSts.Records;
using MtaSts.Server.Hosting;

namespace MtaSts.Server.Domains;

/// <summary>One DNS record the owner of a managed domain must publish.</summary>
/// <param name="Name">The owner name, such as <c>_mta-sts.example.com</c>.</param>
/// <param name="Type">The record type: TXT, or CNAME for the policy host.</param>
/// <param name="Value">The record data; for a TXT record without the quotes.</param>
public sealed record DnsRecordInstruction(string Name, string Type, string Value);

/// <summary>Lists the DNS records that make senders find a managed domain's policy and report address on this server.</summary>
public sealed class DnsInstructions(IOptions<ServerOptions> options)
{
    private readonly ServerOptions _options = options.Value;

    /// <summary>
    /// Returns the <c>_mta-sts</c> TXT record with the current policy id, the <c>mta-sts</c> host
    /// pointing at this server, and the <c>_smtp._tls</c> TXT record with this server's report URIs.
    /// </summary>
    public IReadOnlyList<DnsRecordInstruction> For(ManagedDomain domain)
    {
        ArgumentNullException.ThrowIfNull(domain);

        // RFC 8461 §3.1: the TXT record at _mta-sts.<domain> announces the policy id.
        var records = new List<DnsRecordInstruction>
        {
            new("_mta-sts." + domain.Name, "TXT", StsRecord.Create(domain.PolicyId).ToString()),
        };

        // RFC 8461 §3.2: the policy is fetched from https://mta-sts.<domain>/; without a public host
        // name the owner points the name at this server's addresses themselves.
        records.Add(_options.PublicHost is { Length: > 0 } publicHost
            ? new DnsRecordInstruction(domain.PolicyHost, "CNAME", publicHost.TrimEnd('.') + ".")
            : new DnsRecordInstruction(domain.PolicyHost, "A/AAAA", "the addresses of this server"));

        // RFC 8460 §3: the TXT record at _smtp._tls.<domain> names where reports go.
        var reportUris = _options.ReportUris.Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri : null).OfType<Uri>().ToList();
        if (reportUris.Count > 0)
        {
            records.Add(new DnsRecordInstruction("_smtp._tls." + domain.Name, "TXT", TlsRptRecord.Create(reportUris).ToString()));
        }

        return records;
    }
}
