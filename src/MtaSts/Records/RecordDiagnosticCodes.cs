namespace MtaSts.Records;

/// <summary>
/// Stable codes of the diagnostics that <see cref="StsRecord"/> and <see cref="TlsRptRecord"/> report.
/// </summary>
public static class RecordDiagnosticCodes
{
    /// <summary>No TXT record at <c>_mta-sts</c> starts with <c>v=STSv1</c>, so the domain has no policy.</summary>
    public const string StsNotFound = "STS-RECORD-NOT-FOUND";

    /// <summary>More than one TXT record starts with <c>v=STSv1</c>, so senders assume there is no policy.</summary>
    public const string StsMultiple = "STS-RECORD-MULTIPLE";

    /// <summary>A TXT record at <c>_mta-sts</c> that does not start with <c>v=STSv1</c> and is discarded.</summary>
    public const string StsDiscarded = "STS-RECORD-DISCARDED";

    /// <summary>Spaces or tabs before <c>v=STSv1</c>.</summary>
    public const string StsLeadingWhitespace = "STS-RECORD-LEADING-WHITESPACE";

    /// <summary>Spaces or tabs after the last field with no <c>;</c> before them.</summary>
    public const string StsTrailingWhitespace = "STS-RECORD-TRAILING-WHITESPACE";

    /// <summary>The record does not start with a <c>v=</c> field.</summary>
    public const string StsVersionMissing = "STS-RECORD-VERSION-MISSING";

    /// <summary>The version is not <c>STSv1</c>.</summary>
    public const string StsVersionInvalid = "STS-RECORD-VERSION-INVALID";

    /// <summary>A second <c>v=</c> field.</summary>
    public const string StsVersionRepeated = "STS-RECORD-VERSION-REPEATED";

    /// <summary>A field value contains <c>v=STSv1</c> again, because two records were joined into one.</summary>
    public const string StsConcatenated = "STS-RECORD-CONCATENATED";

    /// <summary>Two fields separated by a space instead of <c>;</c>.</summary>
    public const string StsMissingSemicolon = "STS-RECORD-MISSING-SEMICOLON";

    /// <summary>Nothing between two <c>;</c>.</summary>
    public const string StsEmptyField = "STS-RECORD-EMPTY-FIELD";

    /// <summary>A field without <c>=</c>.</summary>
    public const string StsFieldNoValue = "STS-RECORD-FIELD-NO-VALUE";

    /// <summary>No <c>id</c> field.</summary>
    public const string StsIdMissing = "STS-RECORD-ID-MISSING";

    /// <summary>A second <c>id</c> field.</summary>
    public const string StsIdDuplicate = "STS-RECORD-ID-DUPLICATE";

    /// <summary>An <c>id</c> field with an empty value.</summary>
    public const string StsIdEmpty = "STS-RECORD-ID-EMPTY";

    /// <summary>An <c>id</c> longer than 32 characters.</summary>
    public const string StsIdTooLong = "STS-RECORD-ID-TOO-LONG";

    /// <summary>An <c>id</c> with a character other than a letter or digit.</summary>
    public const string StsIdInvalidCharacter = "STS-RECORD-ID-INVALID-CHARACTER";

    /// <summary>An <c>id</c> that is an unexpanded template macro such as <c>%serial%</c>.</summary>
    public const string StsIdTemplate = "STS-RECORD-ID-TEMPLATE";

    /// <summary>A valid <c>id</c> that is a documentation placeholder such as <c>yyyymmddTHHMMSS</c>.</summary>
    public const string StsIdPlaceholder = "STS-RECORD-ID-PLACEHOLDER";

    /// <summary>An extension field name outside the RFC grammar.</summary>
    public const string StsExtensionNameInvalid = "STS-RECORD-EXTENSION-NAME-INVALID";

    /// <summary>An extension field value that is empty or has a space, control or non-ASCII character.</summary>
    public const string StsExtensionValueInvalid = "STS-RECORD-EXTENSION-VALUE-INVALID";

    /// <summary>An extension field, kept and ignored by senders.</summary>
    public const string StsExtensionIgnored = "STS-RECORD-EXTENSION-IGNORED";

    /// <summary>Spaces or tabs before <c>v=TLSRPTv1</c>.</summary>
    public const string TlsRptLeadingWhitespace = "TLSRPT-RECORD-LEADING-WHITESPACE";

    /// <summary>Spaces or tabs after the last field with no <c>;</c> before them.</summary>
    public const string TlsRptTrailingWhitespace = "TLSRPT-RECORD-TRAILING-WHITESPACE";

    /// <summary>The record does not start with a <c>v=</c> field.</summary>
    public const string TlsRptVersionMissing = "TLSRPT-RECORD-VERSION-MISSING";

    /// <summary>The version is not <c>TLSRPTv1</c>.</summary>
    public const string TlsRptVersionInvalid = "TLSRPT-RECORD-VERSION-INVALID";

    /// <summary>A second <c>v=</c> field.</summary>
    public const string TlsRptVersionRepeated = "TLSRPT-RECORD-VERSION-REPEATED";

    /// <summary>A field value contains <c>v=TLSRPTv1</c> again, because two records were joined into one.</summary>
    public const string TlsRptConcatenated = "TLSRPT-RECORD-CONCATENATED";

    /// <summary>Two fields separated by a space instead of <c>;</c>.</summary>
    public const string TlsRptMissingSemicolon = "TLSRPT-RECORD-MISSING-SEMICOLON";

    /// <summary>Nothing between two <c>;</c>.</summary>
    public const string TlsRptEmptyField = "TLSRPT-RECORD-EMPTY-FIELD";

    /// <summary>A field without <c>=</c>.</summary>
    public const string TlsRptFieldNoValue = "TLSRPT-RECORD-FIELD-NO-VALUE";

    /// <summary>No <c>rua</c> field.</summary>
    public const string TlsRptRuaMissing = "TLSRPT-RECORD-RUA-MISSING";

    /// <summary>A second <c>rua</c> field.</summary>
    public const string TlsRptRuaDuplicate = "TLSRPT-RECORD-RUA-DUPLICATE";

    /// <summary>An empty URI in the <c>rua</c> list.</summary>
    public const string TlsRptRuaEmpty = "TLSRPT-RECORD-RUA-EMPTY";

    /// <summary>A <c>rua</c> entry that is not a valid absolute URI.</summary>
    public const string TlsRptUriInvalid = "TLSRPT-RECORD-URI-INVALID";

    /// <summary>A <c>rua</c> entry without a scheme, such as a bare e-mail address.</summary>
    public const string TlsRptUriSchemeMissing = "TLSRPT-RECORD-URI-SCHEME-MISSING";

    /// <summary>A <c>rua</c> URI whose scheme is neither <c>mailto</c> nor <c>https</c>.</summary>
    public const string TlsRptUriSchemeUnsupported = "TLSRPT-RECORD-URI-SCHEME-UNSUPPORTED";

    /// <summary>A <c>mailto:</c> URI without a valid e-mail address.</summary>
    public const string TlsRptMailtoAddressInvalid = "TLSRPT-RECORD-MAILTO-ADDRESS-INVALID";

    /// <summary>An extension field name outside the RFC grammar.</summary>
    public const string TlsRptExtensionNameInvalid = "TLSRPT-RECORD-EXTENSION-NAME-INVALID";

    /// <summary>An extension field value that is empty or has a space, control or non-ASCII character.</summary>
    public const string TlsRptExtensionValueInvalid = "TLSRPT-RECORD-EXTENSION-VALUE-INVALID";

    /// <summary>An extension field, kept and ignored by senders.</summary>
    public const string TlsRptExtensionIgnored = "TLSRPT-RECORD-EXTENSION-IGNORED";
}
