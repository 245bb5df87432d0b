using MtaSts.Discovery;
using MtaSts.Records;

namespace MtaSts.Checks;

/// <summary>Turns the MX, <c>_mta-sts</c> and <c>_smtp._tls</c> lookups into findings.</summary>
internal static class DnsFindings
{
    /// <summary>Adds the MX findings and returns the MX hosts a sender would deliver to, in preference order.</summary>
    public static IReadOnlyList<string> AddMx(FindingList findings, string domain, DnsLookupResult<DnsMxRecord> lookup)
    {
        if (lookup.Status == DnsLookupStatus.NxDomain)
        {
            findings.Add(FindingCodes.DomainNotFound, FindingSeverity.Error, domain, null, ("domain", domain));
            return [];
        }

        if (lookup.Status == DnsLookupStatus.NoData)
        {
            // RFC 5321 §5.1: with no MX record the domain itself is the implicit MX, so the policy must cover it.
            findings.Add(FindingCodes.MxNone, FindingSeverity.Warning, domain, "RFC 5321 §5.1", ("domain", domain));
            return [domain];
        }

        if (lookup.Status != DnsLookupStatus.Success)
        {
            findings.AddLookupFailure(lookup, "MX");
            return [];
        }

        // RFC 7505 §3: a single MX with preference 0 and exchange "." means the domain accepts no mail.
        if (lookup.Records.Any(r => r.IsNullMx))
        {
            findings.Add(FindingCodes.MxNull, FindingSeverity.Warning, domain, "RFC 7505 §3", ("domain", domain));
            return [];
        }

        AddCname(findings, lookup);
        var hosts = lookup.Records
            .OrderBy(r => r.Preference)
            .Select(r => r.Exchange.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var listed = string.Join(", ", lookup.Records.OrderBy(r => r.Preference).Select(r => $"{r.Preference} {r.Exchange}"));
        findings.Add(FindingCodes.MxFound, FindingSeverity.Ok, domain, null, ("mx", listed), ("count", hosts.Length));
        return hosts;
    }

    /// <summary>Adds the <c>_mta-sts</c> findings and returns the usable record, if any.</summary>
    /// <param name="findings">The DNS section.</param>
    /// <param name="lookup">The TXT lookup of <c>_mta-sts.&lt;domain&gt;</c>.</param>
    /// <param name="isDraft">Whether a draft policy is being checked, so a missing record is expected.</param>
    public static StsRecord? AddStsRecord(FindingList findings, DnsLookupResult<DnsTxtRecord> lookup, bool isDraft)
    {
        var name = lookup.Name;
        if (lookup.IsAbsent)
        {
            // RFC 8461 §3.1: without the record senders never fetch the policy.
            var severity = isDraft ? FindingSeverity.Info : FindingSeverity.Error;
            findings.Add(FindingCodes.StsRecordMissing, severity, name, "RFC 8461 §3.1", ("name", name), ("status", lookup.Status));
            return null;
        }

        if (lookup.Status != DnsLookupStatus.Success)
        {
            findings.AddLookupFailure(lookup, "TXT");
            return null;
        }

        AddCname(findings, lookup);
        AddSplitStrings(findings, lookup);

        var selection = StsRecord.Select(lookup.Records.Select(r => r.Text));
        if (selection.Record is null && !selection.Diagnostics.Any(d => d.Severity == Diagnostics.Severity.Error))
        {
            // No record starts with v=STSv1. One error that lists the records covers it, so the
            // parser's "discarded" and "not found" notes are left out as repeats.
            var texts = string.Join(" | ", lookup.Records.Select(r => r.Text));
            findings.Add(FindingCodes.StsRecordUnusable, FindingSeverity.Error, name, "RFC 8461 §3.1", ("name", name), ("records", texts));
            return null;
        }

        findings.AddDiagnostics(selection.Diagnostics, name);
        if (selection.Record is null)
        {
            return null;
        }

        findings.AddDiagnostics(selection.Record.Diagnostics.Except(selection.Diagnostics), name);
        findings.Add(FindingCodes.StsRecordFound, FindingSeverity.Ok, name, "RFC 8461 §3.1", ("name", name), ("id", selection.Record.Id));
        return selection.Record;
    }

    /// <summary>Adds the <c>_smtp._tls</c> findings (RFC 8460 §3).</summary>
    public static void AddTlsRptRecord(FindingList findings, DnsLookupResult<DnsTxtRecord> lookup)
    {
        var name = lookup.Name;
        if (lookup.IsAbsent)
        {
            findings.Add(FindingCodes.TlsRptMissing, FindingSeverity.Warning, name, "RFC 8460 §3", ("name", name));
            return;
        }

        // RFC 8460 §3: the record only requests reports and never changes delivery, so a fault in
        // it is at most a warning and never decides the verdict.
        if (lookup.Status != DnsLookupStatus.Success)
        {
            findings.AddLookupFailure(lookup, "TXT", FindingSeverity.Warning);
            return;
        }

        AddCname(findings, lookup);
        AddSplitStrings(findings, lookup);

        // RFC 8460 §3: records not starting with v=TLSRPTv1 are discarded; anything but exactly
        // one left means the domain does not implement TLS-RPT.
        var candidates = lookup.Records
            .Select(r => r.Text)
            .Where(t => t.StartsWith("v=TLSRPTv1", StringComparison.Ordinal))
            .ToArray();
        if (candidates.Length == 0)
        {
            var texts = string.Join(" | ", lookup.Records.Select(r => r.Text));
            findings.Add(FindingCodes.TlsRptInvalid, FindingSeverity.Warning, name, "RFC 8460 §3", ("name", name), ("records", texts));
            return;
        }

        if (candidates.Length > 1)
        {
            findings.Add(FindingCodes.TlsRptMultiple, FindingSeverity.Warning, name, "RFC 8460 §3", ("name", name), ("count", candidates.Length));
            return;
        }

        var countBefore = findings.Items.Count;
        TlsRptRecord.TryParse(candidates[0], out var record, out var diagnostics);
        findings.AddDiagnostics(diagnostics, name, FindingSeverity.Warning);
        if (record is null)
        {
            if (findings.Items.Count == countBefore)
            {
                findings.Add(FindingCodes.TlsRptInvalid, FindingSeverity.Warning, name, "RFC 8460 §3", ("name", name), ("records", candidates[0]));
            }

            return;
        }

        findings.Add(FindingCodes.TlsRptFound, FindingSeverity.Ok, name, "RFC 8460 §3", ("name", name), ("rua", string.Join(", ", record.ReportUris)));
    }

    /// <summary>Adds an informational finding when the name is a CNAME, which senders follow.</summary>
    public static void AddCname<T>(FindingList findings, DnsLookupResult<T> lookup)
    {
        if (lookup.CanonicalNames.Count > 0)
        {
            var chain = string.Join(" → ", lookup.CanonicalNames.Prepend(lookup.Name));
            findings.Add(FindingCodes.Cname, FindingSeverity.Info, lookup.Name, null, ("name", lookup.Name), ("chain", chain));
        }
    }

    // RFC 8461 §3.1: a record split into several strings is read as their concatenation; worth
    // seeing because a split inside a field breaks it.
    private static void AddSplitStrings(FindingList findings, DnsLookupResult<DnsTxtRecord> lookup)
    {
        foreach (var record in lookup.Records.Where(r => r.Strings.Count > 1))
        {
            var parts = string.Join(" | ", record.Strings.Select(s => $"\"{s}\""));
            findings.Add(FindingCodes.TxtSplit, FindingSeverity.Info, lookup.Name, "RFC 8461 §3.1", ("name", lookup.Name), ("count", record.Strings.Count), ("strings", parts), ("text", record.Text));
        }
    }
}
