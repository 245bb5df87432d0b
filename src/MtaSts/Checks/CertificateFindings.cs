using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using MtaSts.Discovery;

namespace MtaSts.Checks;

/// <summary>Turns a certificate verdict into findings, each naming the exact reason a sender rejects it.</summary>
internal static class CertificateFindings
{
    public static void Add(FindingList findings, CertificateCheck certificate, string subject, int warningDays)
    {
        var notAfter = FormatDate(certificate.NotAfter);
        var names = certificate.DnsNames.Count == 0 ? "-" : string.Join(", ", certificate.DnsNames);
        var rfc = findings.Section == FindingSection.Policy ? "RFC 8461 §3.3" : "RFC 8461 §4.2";
        var failed = false;

        if (certificate.IsExpired)
        {
            findings.Add(FindingCodes.CertificateExpired, FindingSeverity.Error, subject, rfc, ("host", certificate.HostName), ("not_after", notAfter), ("days", -certificate.DaysLeft));
            failed = true;
        }

        if (certificate.IsNotYetValid)
        {
            var notBefore = FormatDate(certificate.NotBefore);
            findings.Add(FindingCodes.CertificateNotYetValid, FindingSeverity.Error, subject, rfc, ("host", certificate.HostName), ("not_before", notBefore));
            failed = true;
        }

        if (!certificate.IsTrusted)
        {
            findings.Add(FindingCodes.CertificateUntrusted, FindingSeverity.Error, subject, rfc, ("host", certificate.HostName), ("issuer", certificate.Issuer), ("chain_status", FormatFlags(certificate.ChainStatus)), ("error", string.Join("; ", certificate.ChainErrors)));
            failed = true;
        }

        if (!certificate.NameMatches)
        {
            findings.Add(FindingCodes.CertificateNameMismatch, FindingSeverity.Error, subject, rfc, ("host", certificate.HostName), ("names", names));
            failed = true;
        }

        if (failed)
        {
            return;
        }

        if (certificate.DaysLeft < warningDays)
        {
            findings.Add(FindingCodes.CertificateExpiresSoon, FindingSeverity.Warning, subject, rfc, ("host", certificate.HostName), ("not_after", notAfter), ("days", certificate.DaysLeft), ("limit", warningDays));
            return;
        }

        findings.Add(FindingCodes.CertificateOk, FindingSeverity.Ok, subject, rfc, ("host", certificate.HostName), ("names", names), ("issuer", certificate.Issuer), ("not_after", notAfter), ("days", certificate.DaysLeft));
    }

    // RFC 3339 in UTC, such as 2026-12-24T21:18:00Z.
    private static string FormatDate(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // The flag names, such as "PartialChain, UntrustedRoot"; the catalog turns each into words.
    private static string FormatFlags(X509ChainStatusFlags flags) => flags == X509ChainStatusFlags.NoError
        ? "Unknown"
        : string.Join(", ", Enum.GetValues<X509ChainStatusFlags>().Where(f => f != X509ChainStatusFlags.NoError && flags.HasFlag(f)));
}
