using MtaSts.Discovery;
using MtaSts.Policies;

namespace MtaSts.Checks;

/// <summary>Chooses the one-line verdict of a check from its findings.</summary>
internal static class Verdicts
{
    public static Finding Decide(string domain, IReadOnlyList<Finding> findings, DnsLookupResult<DnsMxRecord> mxLookup, StsPolicy? policy, bool isDraft)
    {
        if (mxLookup.Records.Any(r => r.IsNullMx))
        {
            return Verdict(FindingCodes.VerdictNoMail, FindingSeverity.Info, domain, null);
        }

        // Errors about the record or the policy make senders ignore MTA-STS altogether.
        var recordName = "_mta-sts." + domain;
        var ignoredBecause = findings.FirstOrDefault(f =>
            f.Severity == FindingSeverity.Error && (f.Section == FindingSection.Policy || f.Subject == recordName));
        if (ignoredBecause is not null || policy is null)
        {
            return Verdict(FindingCodes.VerdictPolicyIgnored, FindingSeverity.Error, domain, ignoredBecause ?? findings.FirstOrDefault(f => f.Severity == FindingSeverity.Error));
        }

        if (policy.Mode == PolicyMode.None)
        {
            return Verdict(FindingCodes.VerdictModeNone, FindingSeverity.Warning, domain, null);
        }

        var failure = findings.FirstOrDefault(f => f.Severity == FindingSeverity.Error);
        if (failure is not null)
        {
            return Verdict(FindingCodes.VerdictDeliveryFails, FindingSeverity.Error, domain, failure);
        }

        if (isDraft)
        {
            return Verdict(FindingCodes.VerdictDraftReady, FindingSeverity.Ok, domain, null);
        }

        return policy.Mode == PolicyMode.Testing
            ? Verdict(FindingCodes.VerdictReadyTesting, FindingSeverity.Ok, domain, null)
            : Verdict(FindingCodes.VerdictReady, FindingSeverity.Ok, domain, null);
    }

    private static Finding Verdict(string code, FindingSeverity severity, string domain, Finding? cause) =>
        new(code, severity, FindingSection.Policy, domain)
        {
            Values = new Dictionary<string, string>(StringComparer.Ordinal) { ["domain"] = domain },
            Cause = cause,
        };
}
