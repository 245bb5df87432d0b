namespace MtaSts.Checks;

/// <summary>
/// The stable codes of checker findings. Parser diagnostics of records and policies keep their
/// own codes and are not listed here.
/// </summary>
public static class FindingCodes
{
    /// <summary>The domain has MX records.</summary>
    public const string MxFound = "DNS-MX-OK";

    /// <summary>The domain has no MX record, so senders use the domain itself (implicit MX).</summary>
    public const string MxNone = "DNS-MX-NONE";

    /// <summary>The domain publishes a null MX (RFC 7505) and accepts no mail.</summary>
    public const string MxNull = "DNS-MX-NULL";

    /// <summary>The domain does not exist (NXDOMAIN).</summary>
    public const string DomainNotFound = "DNS-DOMAIN-NXDOMAIN";

    /// <summary>A lookup returned SERVFAIL.</summary>
    public const string LookupServerFailure = "DNS-LOOKUP-SERVFAIL";

    /// <summary>A lookup timed out.</summary>
    public const string LookupTimeout = "DNS-LOOKUP-TIMEOUT";

    /// <summary>A lookup was refused or could not be sent.</summary>
    public const string LookupFailed = "DNS-LOOKUP-FAILED";

    /// <summary>An MX host has no A or AAAA record.</summary>
    public const string MxNoAddress = "DNS-MX-NO-ADDRESS";

    /// <summary>An MX host name is an alias (CNAME), which RFC 2181 §10.3 forbids.</summary>
    public const string MxCname = "DNS-MX-CNAME";

    /// <summary>A name is an alias (CNAME) of another.</summary>
    public const string Cname = "DNS-CNAME";

    /// <summary>A TXT record is published as several character-strings.</summary>
    public const string TxtSplit = "DNS-TXT-SPLIT";

    /// <summary>The <c>_mta-sts</c> record is valid.</summary>
    public const string StsRecordFound = "STS-RECORD-OK";

    /// <summary>There is no <c>_mta-sts</c> TXT record.</summary>
    public const string StsRecordMissing = "STS-RECORD-MISSING";

    /// <summary>The <c>_mta-sts</c> TXT records exist but none is usable.</summary>
    public const string StsRecordUnusable = "STS-RECORD-UNUSABLE";

    /// <summary>The <c>_smtp._tls</c> record is valid.</summary>
    public const string TlsRptFound = "TLSRPT-RECORD-OK";

    /// <summary>There is no <c>_smtp._tls</c> TXT record.</summary>
    public const string TlsRptMissing = "TLSRPT-RECORD-MISSING";

    /// <summary>There is more than one <c>_smtp._tls</c> record starting with <c>v=TLSRPTv1</c>.</summary>
    public const string TlsRptMultiple = "TLSRPT-RECORD-MULTIPLE";

    /// <summary>The <c>_smtp._tls</c> record is not valid.</summary>
    public const string TlsRptInvalid = "TLSRPT-RECORD-INVALID";

    /// <summary>The policy was fetched.</summary>
    public const string FetchOk = "POLICY-FETCH-OK";

    /// <summary>The policy host has no A or AAAA record.</summary>
    public const string PolicyHostNotFound = "POLICY-HOST-NOT-FOUND";

    /// <summary>The policy host's address lookup failed.</summary>
    public const string PolicyHostLookupFailed = "POLICY-HOST-LOOKUP-FAILED";

    /// <summary>No connection to the policy host.</summary>
    public const string FetchConnectFailed = "POLICY-FETCH-CONNECT-FAILED";

    /// <summary>The policy fetch timed out.</summary>
    public const string FetchTimeout = "POLICY-FETCH-TIMEOUT";

    /// <summary>The TLS handshake with the policy host failed.</summary>
    public const string FetchTlsFailed = "POLICY-FETCH-TLS-FAILED";

    /// <summary>The policy URL returned a redirect.</summary>
    public const string FetchRedirect = "POLICY-FETCH-REDIRECT";

    /// <summary>The policy URL returned a status other than 200.</summary>
    public const string FetchStatus = "POLICY-FETCH-STATUS";

    /// <summary>The policy is not served as <c>text/plain</c>.</summary>
    public const string FetchMediaType = "POLICY-FETCH-MEDIA-TYPE";

    /// <summary>The policy is larger than 64 KiB.</summary>
    public const string FetchTooLarge = "POLICY-FETCH-TOO-LARGE";

    /// <summary>The HTTP exchange failed after the handshake.</summary>
    public const string FetchProtocolError = "POLICY-FETCH-PROTOCOL";

    /// <summary>The policy cannot be used.</summary>
    public const string PolicyInvalid = "POLICY-INVALID";

    /// <summary>A draft policy file was checked instead of the published one.</summary>
    public const string PolicyDraft = "POLICY-DRAFT";

    /// <summary>The policy is in <c>mode: enforce</c>.</summary>
    public const string ModeEnforce = "POLICY-MODE-ENFORCE";

    /// <summary>The policy is in <c>mode: testing</c>.</summary>
    public const string ModeTesting = "POLICY-MODE-TESTING";

    /// <summary>The policy is in <c>mode: none</c>.</summary>
    public const string ModeNone = "POLICY-MODE-NONE";

    /// <summary>The <c>max_age</c> is too short to protect between fetches.</summary>
    public const string MaxAgeShort = "POLICY-MAX-AGE-SHORT";

    /// <summary>The <c>max_age</c> is very long while the policy is in testing.</summary>
    public const string MaxAgeLongTesting = "POLICY-MAX-AGE-LONG-TESTING";

    /// <summary>A reminder that the policy id must change with every policy change.</summary>
    public const string IdReminder = "POLICY-ID-REMINDER";

    /// <summary>The certificate is valid.</summary>
    public const string CertificateOk = "CERT-OK";

    /// <summary>The certificate has expired.</summary>
    public const string CertificateExpired = "CERT-EXPIRED";

    /// <summary>The certificate is not valid yet.</summary>
    public const string CertificateNotYetValid = "CERT-NOT-YET-VALID";

    /// <summary>The certificate chain does not reach a trusted root.</summary>
    public const string CertificateUntrusted = "CERT-UNTRUSTED";

    /// <summary>The certificate does not name the host.</summary>
    public const string CertificateNameMismatch = "CERT-NAME-MISMATCH";

    /// <summary>The certificate expires within 14 days.</summary>
    public const string CertificateExpiresSoon = "CERT-EXPIRES-SOON";

    /// <summary>An MX host matches an MX pattern of the policy.</summary>
    public const string MxCovered = "MX-COVERED";

    /// <summary>An MX host matches no MX pattern of the policy.</summary>
    public const string MxNotCovered = "MX-NOT-COVERED";

    /// <summary>An MX host sits more than one label below a wildcard pattern, which covers one label only.</summary>
    public const string MxNotCoveredWildcardDepth = "MX-NOT-COVERED-WILDCARD-DEPTH";

    /// <summary>An MX pattern of the policy matches no MX host.</summary>
    public const string PatternUnused = "MX-PATTERN-UNUSED";

    /// <summary>SMTP probes were turned off.</summary>
    public const string SmtpSkipped = "SMTP-SKIPPED";

    /// <summary>No TCP connection to an MX address.</summary>
    public const string SmtpConnectFailed = "SMTP-CONNECT-FAILED";

    /// <summary>An SMTP step timed out.</summary>
    public const string SmtpTimeout = "SMTP-TIMEOUT";

    /// <summary>The SMTP greeting was not 220.</summary>
    public const string SmtpBannerRejected = "SMTP-BANNER-REJECTED";

    /// <summary>EHLO was rejected.</summary>
    public const string SmtpEhloRejected = "SMTP-EHLO-REJECTED";

    /// <summary>The MX does not offer STARTTLS.</summary>
    public const string StartTlsMissing = "SMTP-STARTTLS-MISSING";

    /// <summary>The MX rejected STARTTLS.</summary>
    public const string StartTlsRejected = "SMTP-STARTTLS-REJECTED";

    /// <summary>The TLS handshake with the MX failed.</summary>
    public const string SmtpTlsFailed = "SMTP-TLS-FAILED";

    /// <summary>The MX broke the SMTP protocol.</summary>
    public const string SmtpProtocolError = "SMTP-PROTOCOL-ERROR";

    /// <summary>STARTTLS and the handshake succeeded.</summary>
    public const string SmtpTlsOk = "SMTP-TLS-OK";

    /// <summary>The MX negotiated a TLS version older than 1.2.</summary>
    public const string SmtpTlsVersionOld = "SMTP-TLS-VERSION-OLD";

    /// <summary>An MX host publishes TLSA records (DANE) and the resolver validated them (AD bit).</summary>
    public const string DaneTlsaFound = "DANE-TLSA-FOUND";

    /// <summary>An MX host publishes TLSA records but the resolver did not validate them.</summary>
    public const string DaneTlsaUnvalidated = "DANE-TLSA-UNVALIDATED";

    /// <summary>Verdict: the policy is in enforce and senders can apply it.</summary>
    public const string VerdictReady = "VERDICT-READY";

    /// <summary>Verdict: the policy is in testing and nothing stops a switch to enforce.</summary>
    public const string VerdictReadyTesting = "VERDICT-READY-TESTING";

    /// <summary>Verdict: the policy is in mode none.</summary>
    public const string VerdictModeNone = "VERDICT-MODE-NONE";

    /// <summary>Verdict: the draft policy fits the live MX hosts.</summary>
    public const string VerdictDraftReady = "VERDICT-DRAFT-READY";

    /// <summary>Verdict: the policy is valid and covers the MX hosts, but the MX hosts were not probed (<c>--no-smtp</c>).</summary>
    public const string VerdictMxNotTested = "VERDICT-MX-NOT-TESTED";

    /// <summary>Verdict: senders ignore the policy.</summary>
    public const string VerdictPolicyIgnored = "VERDICT-POLICY-IGNORED";

    /// <summary>Verdict: senders applying the policy would fail to deliver.</summary>
    public const string VerdictDeliveryFails = "VERDICT-DELIVERY-FAILS";

    /// <summary>Verdict: the domain accepts no mail (null MX).</summary>
    public const string VerdictNoMail = "VERDICT-NO-MAIL";
}
