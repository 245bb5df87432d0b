namespace MtaSts.Reports;

/// <summary>The <c>result-type</c> values of RFC 8460 §4.3.</summary>
/// <remarks>RFC 8460 §4.3 expects the list to grow, so reports may carry values not listed here.</remarks>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc8460#section-4.3"/>
public static class ResultTypes
{
    /// <summary>The receiving MX did not offer STARTTLS (RFC 8460 §4.3.1).</summary>
    public const string StartTlsNotSupported = "starttls-not-supported";

    /// <summary>The certificate does not match the MX host name or the policy (RFC 8460 §4.3.1).</summary>
    public const string CertificateHostMismatch = "certificate-host-mismatch";

    /// <summary>The certificate has expired (RFC 8460 §4.3.1).</summary>
    public const string CertificateExpired = "certificate-expired";

    /// <summary>The certificate chain is not trusted, for example an unknown CA (RFC 8460 §4.3.1).</summary>
    public const string CertificateNotTrusted = "certificate-not-trusted";

    /// <summary>A TLS failure that fits no other result type (RFC 8460 §4.3.1, §4.3.3).</summary>
    public const string ValidationFailure = "validation-failure";

    /// <summary>None of the TLSA records of a DANE policy is valid (RFC 8460 §4.3.2.1).</summary>
    public const string TlsaInvalid = "tlsa-invalid";

    /// <summary>The resolver returned no DNSSEC-valid records (RFC 8460 §4.3.2.1).</summary>
    public const string DnssecInvalid = "dnssec-invalid";

    /// <summary>The sender requires DANE but found no DNSSEC-valid TLSA records (RFC 8460 §4.3.2.1).</summary>
    public const string DaneRequired = "dane-required";

    /// <summary>The sender could not fetch the MTA-STS policy (RFC 8460 §4.3.2.2).</summary>
    public const string StsPolicyFetchError = "sts-policy-fetch-error";

    /// <summary>The MTA-STS policy is not valid (RFC 8460 §4.3.2.2).</summary>
    public const string StsPolicyInvalid = "sts-policy-invalid";

    /// <summary>The certificate of the MTA-STS policy host failed PKIX validation (RFC 8460 §4.3.2.2).</summary>
    public const string StsWebPkiInvalid = "sts-webpki-invalid";

    /// <summary>Every result type of RFC 8460 §4.3, in the order of the RFC.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        StartTlsNotSupported,
        CertificateHostMismatch,
        CertificateExpired,
        CertificateNotTrusted,
        ValidationFailure,
        TlsaInvalid,
        DnssecInvalid,
        DaneRequired,
        StsPolicyFetchError,
        StsPolicyInvalid,
        StsWebPkiInvalid,
    ];

    /// <summary>Returns whether <paramref name="resultType"/> is one of RFC 8460 §4.3, compared exactly.</summary>
    public static bool IsKnown(string resultType)
    {
        ArgumentNullException.ThrowIfNull(resultType);
        return resultType switch
        {
            StartTlsNotSupported or CertificateHostMismatch or CertificateExpired or CertificateNotTrusted
                or ValidationFailure or TlsaInvalid or DnssecInvalid or DaneRequired
                or StsPolicyFetchError or StsPolicyInvalid or StsWebPkiInvalid => true,
            _ => false,
        };
    }
}
