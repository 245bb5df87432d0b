using System.Globalization;
using MtaSts.Diagnostics;
using MtaSts.Discovery;

namespace MtaSts.Checks;

/// <summary>Collects the findings of one section and one subject with a short way to add each.</summary>
internal sealed class FindingList(FindingSection section)
{
    private readonly List<Finding> _findings = [];

    public IReadOnlyList<Finding> Items => _findings;

    public FindingSection Section { get; } = section;

    public bool HasErrors => _findings.Any(f => f.Severity == FindingSeverity.Error);

    public Finding Add(string code, FindingSeverity severity, string subject, string? rfc, params (string Name, object? Value)[] values)
    {
        var finding = new Finding(code, severity, Section, subject)
        {
            Rfc = rfc,
            Values = values
                .Where(v => v.Value is not null)
                .ToDictionary(v => v.Name, v => Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? string.Empty, StringComparer.Ordinal),
        };
        _findings.Add(finding);
        return finding;
    }

    public void AddRange(IEnumerable<Finding> findings) => _findings.AddRange(findings);

    /// <summary>Adds parser diagnostics as findings that keep their codes.</summary>
    /// <param name="diagnostics">The parser's diagnostics.</param>
    /// <param name="subject">The record name or policy URL they are about.</param>
    /// <param name="maxSeverity">The highest severity a finding gets, for records that cannot stop delivery.</param>
    public void AddDiagnostics(IEnumerable<Diagnostic> diagnostics, string subject, FindingSeverity maxSeverity = FindingSeverity.Error)
    {
        foreach (var diagnostic in diagnostics)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            if (diagnostic.Subject is not null)
            {
                values["field"] = diagnostic.Subject;
            }

            if (diagnostic.Line is { } line)
            {
                values["line"] = line.ToString(CultureInfo.InvariantCulture);
            }

            for (var i = 0; i < diagnostic.Arguments.Count; i++)
            {
                values[i.ToString(CultureInfo.InvariantCulture)] = diagnostic.Arguments[i];
            }

            var severity = ToSeverity(diagnostic.Severity);
            _findings.Add(new Finding(diagnostic.Code, severity > maxSeverity ? maxSeverity : severity, Section, subject)
            {
                Rfc = diagnostic.Rfc,
                Values = values,
                Diagnostic = diagnostic,
            });
        }
    }

    /// <summary>Adds the finding for a failed lookup; NXDOMAIN and NODATA are the caller's to judge.</summary>
    public void AddLookupFailure<T>(DnsLookupResult<T> lookup, string type, FindingSeverity severity = FindingSeverity.Error)
    {
        var code = lookup.Status switch
        {
            DnsLookupStatus.ServerFailure => FindingCodes.LookupServerFailure,
            DnsLookupStatus.Timeout => FindingCodes.LookupTimeout,
            _ => FindingCodes.LookupFailed,
        };
        Add(code, severity, lookup.Name, null, ("name", lookup.Name), ("type", type), ("status", lookup.Status), ("error", lookup.Error));
    }

    private static FindingSeverity ToSeverity(Severity severity) => severity switch
    {
        Severity.Error => FindingSeverity.Error,
        Severity.Warning => FindingSeverity.Warning,
        _ => FindingSeverity.Info,
    };
}
