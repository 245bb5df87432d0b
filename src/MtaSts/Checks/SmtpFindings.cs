using System.Security.Authentication;
using MtaSts.Discovery;

namespace MtaSts.Checks;

/// <summary>Turns SMTP probes and TLSA lookups of MX hosts into findings.</summary>
internal static class SmtpFindings
{
    public static void AddProbe(FindingList findings, SmtpProbeResult probe, int port, int warningDays, TimeSpan timeout)
    {
        var subject = $"{probe.MxHost} [{probe.Address}]";
        var address = probe.Address.ToString();
        switch (probe.Status)
        {
            case SmtpProbeStatus.ConnectFailed:
                findings.Add(FindingCodes.SmtpConnectFailed, FindingSeverity.Error, subject, "RFC 8461 §5", ("mx", probe.MxHost), ("address", address), ("port", port), ("socket_error", probe.SocketError ?? System.Net.Sockets.SocketError.SocketError), ("error", probe.Error));
                return;
            case SmtpProbeStatus.Timeout:
                findings.Add(FindingCodes.SmtpTimeout, FindingSeverity.Error, subject, "RFC 8461 §5", ("mx", probe.MxHost), ("address", address), ("step", probe.FailedStep), ("seconds", PolicyFindings.FormatSeconds(timeout)));
                return;
            case SmtpProbeStatus.BannerRejected:
                findings.Add(FindingCodes.SmtpBannerRejected, FindingSeverity.Error, subject, "RFC 5321 §4.2", ("mx", probe.MxHost), ("address", address), ("reply", probe.Banner));
                return;
            case SmtpProbeStatus.EhloRejected:
                findings.Add(FindingCodes.SmtpEhloRejected, FindingSeverity.Error, subject, "RFC 5321 §4.1.1.1", ("mx", probe.MxHost), ("address", address), ("reply", probe.Ehlo));
                return;
            case SmtpProbeStatus.StartTlsNotOffered:
                var extensions = probe.Ehlo is null ? "-" : string.Join(", ", probe.Ehlo.Lines.Skip(1));
                findings.Add(FindingCodes.StartTlsMissing, FindingSeverity.Error, subject, "RFC 8461 §5", ("mx", probe.MxHost), ("address", address), ("extensions", extensions.Length == 0 ? "-" : extensions));
                return;
            case SmtpProbeStatus.StartTlsRejected:
                findings.Add(FindingCodes.StartTlsRejected, FindingSeverity.Error, subject, "RFC 3207 §4", ("mx", probe.MxHost), ("address", address), ("reply", probe.StartTls));
                return;
            case SmtpProbeStatus.TlsFailed:
                if (probe.Certificate is { } rejected)
                {
                    CertificateFindings.Add(findings, rejected, subject, warningDays);
                }

                findings.Add(FindingCodes.SmtpTlsFailed, FindingSeverity.Error, subject, "RFC 8461 §5", ("mx", probe.MxHost), ("address", address), ("error", probe.Error));
                return;
            case SmtpProbeStatus.ProtocolError:
                findings.Add(FindingCodes.SmtpProtocolError, FindingSeverity.Error, subject, "RFC 5321 §4.2", ("mx", probe.MxHost), ("address", address), ("step", probe.FailedStep), ("error", probe.Error));
                return;
        }

        var tls = PolicyFindings.FormatProtocol(probe.TlsProtocol);

        // RFC 8461 §7.2: MTA-STS senders support TLS 1.2 or later, so an MX that offers only
        // older versions fails under mode: enforce with senders that no longer enable them.
        if (probe.TlsProtocol is { } protocol && protocol < SslProtocols.Tls12)
        {
            findings.Add(FindingCodes.SmtpTlsVersionOld, FindingSeverity.Error, subject, "RFC 8461 §7.2", ("mx", probe.MxHost), ("address", address), ("tls", tls));
        }
        else
        {
            findings.Add(FindingCodes.SmtpTlsOk, FindingSeverity.Ok, subject, "RFC 8461 §5", ("mx", probe.MxHost), ("address", address), ("tls", tls), ("cipher", probe.CipherSuite), ("elapsed_ms", (long)probe.Elapsed.TotalMilliseconds));
        }

        if (probe.Certificate is { } certificate)
        {
            CertificateFindings.Add(findings, certificate, subject, warningDays);
        }
    }

    /// <summary>Adds the informational DANE finding when the MX host publishes TLSA records (RFC 7672 §2.2).</summary>
    public static void AddTlsa(FindingList findings, string mxHost, DnsLookupResult<DnsTlsaRecord> lookup)
    {
        if (lookup.Status != DnsLookupStatus.Success)
        {
            return;
        }

        var records = string.Join("; ", lookup.Records.Select(r => $"{r.Usage} {r.Selector} {r.MatchingType} {Shorten(r.Data)}"));
        var code = lookup.IsAuthenticated ? FindingCodes.DaneTlsaFound : FindingCodes.DaneTlsaUnvalidated;
        findings.Add(code, FindingSeverity.Info, lookup.Name, "RFC 7672 §2.2", ("mx", mxHost), ("name", lookup.Name), ("count", lookup.Records.Count), ("records", records));
    }

    private static string Shorten(string hex) => hex.Length > 16 ? hex[..16] + "…" : hex;
}
