namespace MtaSts.Reports;

/// <summary>
/// The diagnostic codes that <see cref="TlsReportParser"/> emits. Codes are stable; their messages
/// are in <c>Resources/ReportMessages.resx</c> (English) and <c>ReportMessages.es.resx</c> (Spanish).
/// </summary>
/// <remarks>
/// An error means the input is not a usable report and <see cref="ReportParseResult.Report"/> is
/// <see langword="null"/>. Warnings and infos describe a deviation that the parser read anyway.
/// Codes whose severity depends on the field (such as <see cref="FieldMissing"/>) carry it in
/// <see cref="Diagnostics.Diagnostic.Severity"/>.
/// </remarks>
public static class ReportDiagnosticCodes
{
    /// <summary>The input is larger than <see cref="ReportParseOptions.MaxBytes"/>.</summary>
    public const string TooLarge = "TLSRPT-REPORT-TOO-LARGE";

    /// <summary>The input is empty or only white space.</summary>
    public const string Empty = "TLSRPT-REPORT-EMPTY";

    /// <summary>The input is not valid JSON; the message gives the line and byte position.</summary>
    public const string InvalidJson = "TLSRPT-REPORT-INVALID-JSON";

    /// <summary>The JSON nests deeper than <see cref="ReportParseOptions.MaxDepth"/>.</summary>
    public const string TooDeep = "TLSRPT-REPORT-TOO-DEEP";

    /// <summary>The JSON root is an array, string, number or literal instead of an object.</summary>
    public const string NotAnObject = "TLSRPT-REPORT-NOT-AN-OBJECT";

    /// <summary>The JSON object has neither <c>report-id</c> nor <c>policies</c>, so it is not a TLS report.</summary>
    public const string NotAReport = "TLSRPT-REPORT-NOT-A-REPORT";

    /// <summary>A field without which the report cannot be stored is missing, null or empty (error).</summary>
    public const string RequiredFieldMissing = "TLSRPT-REPORT-REQUIRED-FIELD-MISSING";

    /// <summary>A field that RFC 8460 §4.4 defines is missing; the report is read without it.</summary>
    public const string FieldMissing = "TLSRPT-REPORT-FIELD-MISSING";

    /// <summary>A field is <c>null</c> or <c>""</c>; the report is read as if it were missing.</summary>
    public const string FieldEmpty = "TLSRPT-REPORT-FIELD-EMPTY";

    /// <summary>A value has the wrong JSON type, such as a number where a string belongs.</summary>
    public const string WrongType = "TLSRPT-REPORT-WRONG-TYPE";

    /// <summary>An object has the same key twice; the first value is kept.</summary>
    public const string DuplicateKey = "TLSRPT-REPORT-DUPLICATE-KEY";

    /// <summary>An object has keys that RFC 8460 §4.4 does not define; they are kept as extension data.</summary>
    public const string ExtraFields = "TLSRPT-REPORT-EXTRA-FIELDS";

    /// <summary>A key uses the RFC 8460 §4.4 value name (<c>mx-host-pattern</c>, <c>additional-info-uri</c>) instead of the JSON key.</summary>
    public const string FieldAlias = "TLSRPT-REPORT-FIELD-ALIAS";

    /// <summary>A key is a known misspelling of an RFC 8460 §4.4 key, such as <c>receiving-mx-host-name</c>.</summary>
    public const string FieldMisspelled = "TLSRPT-REPORT-FIELD-MISSPELLED";

    /// <summary>A single string where RFC 8460 §4.4 defines an array of strings; read as a one-entry array.</summary>
    public const string StringNotArray = "TLSRPT-REPORT-STRING-NOT-ARRAY";

    /// <summary>A single object where RFC 8460 §4.4 defines an array of objects; read as a one-entry array.</summary>
    public const string ObjectNotArray = "TLSRPT-REPORT-OBJECT-NOT-ARRAY";

    /// <summary>An <c>mx-host</c> entry starts with the policy key <c>mx:</c>; the prefix is removed.</summary>
    public const string MxHostPrefix = "TLSRPT-REPORT-MX-HOST-PREFIX";

    /// <summary>A TLSA <c>policy-string</c> is one string holding a JSON array; its records are read as entries.</summary>
    public const string TlsaPolicyStringJson = "TLSRPT-REPORT-TLSA-POLICY-STRING-JSON";

    /// <summary>A date-time has no time zone; it is read as UTC.</summary>
    public const string DateTimeNoZone = "TLSRPT-REPORT-DATETIME-NO-ZONE";

    /// <summary>A date-time is not in the RFC 3339 format (error).</summary>
    public const string DateTimeInvalid = "TLSRPT-REPORT-DATETIME-INVALID";

    /// <summary>A date-time has an offset other than UTC; it is kept with its offset.</summary>
    public const string DateTimeOffset = "TLSRPT-REPORT-DATETIME-OFFSET";

    /// <summary>The end of the date range is before its start; both are kept.</summary>
    public const string DateRangeReversed = "TLSRPT-REPORT-DATE-RANGE-REVERSED";

    /// <summary>The date range is not one full UTC day (RFC 8460 §4.1 recommends one).</summary>
    public const string DateRangeNotUtcDay = "TLSRPT-REPORT-DATE-RANGE-NOT-UTC-DAY";

    /// <summary>A session count is a JSON string holding digits; it is read as a number.</summary>
    public const string CountAsString = "TLSRPT-REPORT-COUNT-AS-STRING";

    /// <summary>A session count is negative, fractional, too large or not a number; it is read as 0.</summary>
    public const string CountInvalid = "TLSRPT-REPORT-COUNT-INVALID";

    /// <summary>
    /// A session count is above 10^12, which no real sender reports for one policy in one report;
    /// it is read as 10^12 so that stored totals cannot overflow. The raw report keeps the original.
    /// </summary>
    public const string CountImplausible = "TLSRPT-REPORT-COUNT-IMPLAUSIBLE";

    /// <summary>A <c>result-type</c> that RFC 8460 §4.3 does not list; kept verbatim.</summary>
    public const string UnknownResultType = "TLSRPT-REPORT-UNKNOWN-RESULT-TYPE";

    /// <summary>A <c>policy-type</c> other than <c>sts</c>, <c>tlsa</c> or <c>no-policy-found</c>; kept verbatim.</summary>
    public const string UnknownPolicyType = "TLSRPT-REPORT-UNKNOWN-POLICY-TYPE";

    /// <summary>The failure details add up to more than <c>total-failure-session-count</c>, which RFC 8460 §4 allows.</summary>
    public const string FailureCountAboveTotal = "TLSRPT-REPORT-FAILURE-COUNT-ABOVE-TOTAL";

    /// <summary>The failure details add up to less than <c>total-failure-session-count</c>.</summary>
    public const string FailureCountBelowTotal = "TLSRPT-REPORT-FAILURE-COUNT-BELOW-TOTAL";

    /// <summary>The <c>policies</c> array is empty, so the report describes no policy.</summary>
    public const string NoPolicies = "TLSRPT-REPORT-NO-POLICIES";

    /// <summary>The input starts with a UTF-8 byte order mark, which JSON forbids; it is skipped.</summary>
    public const string ByteOrderMark = "TLSRPT-REPORT-BYTE-ORDER-MARK";
}
