using System.Globalization;
using MtaSts.Discovery;
using MtaSts.Policies;

namespace MtaSts.Checks;

/// <summary>Chooses the one-line verdict of a check from its findings.</summary>
internal static class Verdicts
{
    public static Finding Decide(string domain, IReadOnlyList<Finding> findings, DnsLookupResult<DnsMxRecord> mxLookup, StsPolicy? policy, bool isDraft, bool probedSmtp)
    {
        if (mxLookup.Records.Any(r => r.IsNullMx))
        {
            return Verdict(FindingCodes.VerdictNoMail, FindingSeverity.Info, domain, null, findings);
        }

        // A domain that does not exist explains every other failure, so it is named first.
        // Errors about the record or the policy make senders ignore MTA-STS altogether.
        var recordName = "_mta-sts." + domain;
        var ignoredBecause = findings.FirstOrDefault(f => f.Code == FindingCodes.DomainNotFound)
            ?? findings.FirstOrDefault(f => f.Severity == FindingSeverity.Error && (f.Section == FindingSection.Policy || f.Subject == recordName));
        if (ignoredBecause is not null || policy is null)
        {
            return Verdict(FindingCodes.VerdictPolicyIgnored, FindingSeverity.Error, domain, ignoredBecause ?? findings.FirstOrDefault(f => f.Severity == FindingSeverity.Error), findings);
        }

        if (policy.Mode == PolicyMode.None)
        {
            return Verdict(FindingCodes.VerdictModeNone, FindingSeverity.Warning, domain, null, findings);
        }

        var failure = findings.FirstOrDefault(f => f.Severity == FindingSeverity.Error);
        if (failure is not null)
        {
            return Verdict(FindingCodes.VerdictDeliveryFails, FindingSeverity.Error, domain, failure, findings);
        }

        // Without the SMTP probes nothing is known about STARTTLS or the MX certificates, so the
        // verdict must not claim readiness.
        if (!probedSmtp)
        {
            var verdict = Verdict(FindingCodes.VerdictMxNotTested, FindingSeverity.Info, domain, null, findings);
            return verdict with { Values = new Dictionary<string, string>(verdict.Values, StringComparer.Ordinal) { ["mode"] = ModeName(policy.Mode) } };
        }

        if (isDraft)
        {
            return Verdict(FindingCodes.VerdictDraftReady, FindingSeverity.Ok, domain, null, findings);
        }

        return policy.Mode == PolicyMode.Testing
            ? Verdict(FindingCodes.VerdictReadyTesting, FindingSeverity.Ok, domain, null, findings)
            : Verdict(FindingCodes.VerdictReady, FindingSeverity.Ok, domain, null, findings);
    }

    private static string ModeName(PolicyMode mode) => mode switch
    {
        PolicyMode.Enforce => "enforce",
        PolicyMode.Testing => "testing",
        _ => "none",
    };

    private static Finding Verdict(string code, FindingSeverity severity, string domain, Finding? cause, IReadOnlyList<Finding> findings)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["domain"] = domain };
        if (cause is not null)
        {
            var otherErrors = findings.Count(f => f.Severity == FindingSeverity.Error && !ReferenceEquals(f, cause));
            values["more_errors"] = otherErrors.ToString(CultureInfo.InvariantCulture);
        }

        return new(code, severity, FindingSection.Policy, domain)
        {
            Values = values,
            Cause = cause,
        };
    }
}
