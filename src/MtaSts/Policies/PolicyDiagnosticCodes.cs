namespace MtaSts.Policies;

/// <summary>
/// Stable codes of the diagnostics that <see cref="StsPolicy"/> and <see cref="MxPattern"/> report.
/// </summary>
public static class PolicyDiagnosticCodes
{
    /// <summary>The policy is larger than 64 KiB and was not parsed.</summary>
    public const string TooLarge = "STS-POLICY-TOO-LARGE";

    /// <summary>The policy bytes are not valid UTF-8.</summary>
    public const string InvalidUtf8 = "STS-POLICY-INVALID-UTF8";

    /// <summary>The policy starts with a UTF-8 byte order mark, which was removed.</summary>
    public const string ByteOrderMark = "STS-POLICY-BOM";

    /// <summary>The file starts with Jekyll or YAML front matter between <c>---</c> lines.</summary>
    public const string FrontMatter = "STS-POLICY-FRONT-MATTER";

    /// <summary>An empty or whitespace-only line.</summary>
    public const string BlankLine = "STS-POLICY-BLANK-LINE";

    /// <summary>A line that starts with <c>#</c>.</summary>
    public const string Comment = "STS-POLICY-COMMENT";

    /// <summary>A <c>#</c> comment after the value of a known key.</summary>
    public const string InlineComment = "STS-POLICY-INLINE-COMMENT";

    /// <summary>A line that starts with spaces or tabs.</summary>
    public const string LineIndented = "STS-POLICY-LINE-INDENTED";

    /// <summary>A carriage return that is not followed by a line feed.</summary>
    public const string BareCarriageReturn = "STS-POLICY-BARE-CR";

    /// <summary>A line without <c>:</c>.</summary>
    public const string LineNoColon = "STS-POLICY-LINE-NO-COLON";

    /// <summary>A key outside the RFC grammar.</summary>
    public const string KeyInvalid = "STS-POLICY-KEY-INVALID";

    /// <summary>A known key written in another case, such as <c>Mode</c>.</summary>
    public const string KeyCase = "STS-POLICY-KEY-CASE";

    /// <summary>Spaces or tabs between a key and its <c>:</c>.</summary>
    public const string KeyWhitespace = "STS-POLICY-KEY-WHITESPACE";

    /// <summary>A key the RFC does not define, kept as an extension and ignored.</summary>
    public const string UnknownKey = "STS-POLICY-UNKNOWN-KEY";

    /// <summary>A second line with a key other than <c>mx</c>, whose first value is kept.</summary>
    public const string DuplicateKey = "STS-POLICY-DUPLICATE-KEY";

    /// <summary>A key with an empty value.</summary>
    public const string ValueEmpty = "STS-POLICY-VALUE-EMPTY";

    /// <summary>Spaces or tabs after a value, which were removed.</summary>
    public const string TrailingWhitespace = "STS-POLICY-TRAILING-WHITESPACE";

    /// <summary>A control character inside a value.</summary>
    public const string ControlCharacter = "STS-POLICY-CONTROL-CHARACTER";

    /// <summary>No <c>version</c> line.</summary>
    public const string VersionMissing = "STS-POLICY-VERSION-MISSING";

    /// <summary>A version other than <c>STSv1</c>.</summary>
    public const string VersionInvalid = "STS-POLICY-VERSION-INVALID";

    /// <summary>No <c>mode</c> line.</summary>
    public const string ModeMissing = "STS-POLICY-MODE-MISSING";

    /// <summary>A mode other than <c>enforce</c>, <c>testing</c> or <c>none</c>.</summary>
    public const string ModeInvalid = "STS-POLICY-MODE-INVALID";

    /// <summary>A mode left as a template placeholder, such as <c>[testing]</c>.</summary>
    public const string ModePlaceholder = "STS-POLICY-MODE-PLACEHOLDER";

    /// <summary>No <c>mx</c> line although the mode is not <c>none</c>.</summary>
    public const string MxMissing = "STS-POLICY-MX-MISSING";

    /// <summary>The same MX pattern twice, kept once.</summary>
    public const string MxDuplicate = "STS-POLICY-MX-DUPLICATE";

    /// <summary>No <c>max_age</c> line.</summary>
    public const string MaxAgeMissing = "STS-POLICY-MAX-AGE-MISSING";

    /// <summary>A <c>max_age</c> that is not a whole number of seconds.</summary>
    public const string MaxAgeInvalid = "STS-POLICY-MAX-AGE-INVALID";

    /// <summary>A <c>max_age</c> of more than 10 digits.</summary>
    public const string MaxAgeTooLong = "STS-POLICY-MAX-AGE-TOO-LONG";

    /// <summary>A <c>max_age</c> above 31557600 seconds, which senders replace with 31557600.</summary>
    public const string MaxAgeRange = "STS-POLICY-MAX-AGE-RANGE";

    /// <summary>A <c>max_age</c> below one day in <c>enforce</c> mode.</summary>
    public const string MaxAgeShort = "STS-POLICY-MAX-AGE-SHORT";

    /// <summary>An empty MX pattern.</summary>
    public const string MxEmpty = "STS-MX-EMPTY";

    /// <summary>An MX pattern that is an IP address.</summary>
    public const string MxIpLiteral = "STS-MX-IP-LITERAL";

    /// <summary>A <c>*</c> anywhere but as the whole left-most label.</summary>
    public const string MxWildcardPosition = "STS-MX-WILDCARD-POSITION";

    /// <summary>A character that is not a letter, digit, hyphen or dot.</summary>
    public const string MxInvalidCharacter = "STS-MX-INVALID-CHARACTER";

    /// <summary>An empty label, as in <c>mail..example.com</c> or <c>.example.com</c>.</summary>
    public const string MxEmptyLabel = "STS-MX-EMPTY-LABEL";

    /// <summary>A label longer than 63 characters.</summary>
    public const string MxLabelTooLong = "STS-MX-LABEL-TOO-LONG";

    /// <summary>A label that starts or ends with a hyphen.</summary>
    public const string MxLabelHyphen = "STS-MX-LABEL-HYPHEN";

    /// <summary>A name longer than 253 characters.</summary>
    public const string MxTooLong = "STS-MX-TOO-LONG";

    /// <summary>A trailing root dot, which was removed.</summary>
    public const string MxTrailingDot = "STS-MX-TRAILING-DOT";

    /// <summary>A Unicode label (U-label), converted to its A-label.</summary>
    public const string MxULabel = "STS-MX-U-LABEL";

    /// <summary>A Unicode label that IDNA cannot convert to an A-label.</summary>
    public const string MxIdnInvalid = "STS-MX-IDN-INVALID";
}
