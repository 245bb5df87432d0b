using System.Security.Cryptography.X509Certificates;

namespace MtaSts.Discovery;

/// <summary>Matches certificate DNS names against host names under RFC 6125 §6.4.</summary>
internal static class HostNameMatcher
{
    /// <summary>Returns the subjectAltName DNS names, or the subject CN when the certificate has no subjectAltName.</summary>
    public static IReadOnlyList<string> GetDnsNames(X509Certificate2 certificate)
    {
        var extension = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        if (extension is not null)
        {
            return extension.EnumerateDnsNames().ToArray();
        }

        // RFC 6125 §6.4.4: the CN is a fallback only when there is no subjectAltName.
        var commonName = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        return string.IsNullOrEmpty(commonName) ? [] : [commonName];
    }

    /// <summary>Whether <paramref name="presentedName"/> matches <paramref name="hostName"/>.</summary>
    /// <remarks>
    /// RFC 8461 §3.3 and RFC 6125 §6.4.3: a wildcard is allowed only as the whole leftmost label
    /// and covers exactly one label, so <c>*.example.com</c> matches <c>mx.example.com</c> but
    /// neither <c>example.com</c> nor <c>a.mx.example.com</c>.
    /// </remarks>
    public static bool Matches(string presentedName, string hostName)
    {
        var presented = presentedName.TrimEnd('.');
        var host = hostName.TrimEnd('.');
        if (!presented.StartsWith("*.", StringComparison.Ordinal))
        {
            return string.Equals(presented, host, StringComparison.OrdinalIgnoreCase);
        }

        var firstDot = host.IndexOf('.', StringComparison.Ordinal);
        if (firstDot <= 0)
        {
            return false;
        }

        return string.Equals(presented[2..], host[(firstDot + 1)..], StringComparison.OrdinalIgnoreCase);
    }
}
