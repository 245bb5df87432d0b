using System.Globalization;
using System.Text;
using MtaSts.Diagnostics;

namespace MtaSts.Policies;

/// <summary>
/// Reads the policy file line by line, collecting every diagnostic instead of stopping at the
/// first error, so a checker can list all problems at once.
/// </summary>
/// <remarks>
/// Whitespace: the grammar allows spaces and tabs after <c>:</c>, and they are skipped. Spaces
/// or tabs after a value are outside the grammar but harmless, so they are removed with a
/// warning. Indented lines, blank lines and <c>#</c> comments are outside the grammar, and
/// senders that follow it reject the whole policy, so they are errors. The postfix-tlspol test
/// suite, for one, expects a policy with a blank line to be rejected.
/// </remarks>
internal sealed class StsPolicyParser
{
    private const string Rfc = "RFC 8461 §3.2";
    private const long ShortMaxAge = 86400;

    private static readonly string[] s_knownKeys = ["version", "mode", "mx", "max_age"];
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Dictionary<string, (int Line, string Value)> _firstValues = new(StringComparer.Ordinal);
    private readonly List<MxPattern> _mxPatterns = [];
    private readonly Dictionary<MxPattern, int> _mxLines = [];
    private readonly List<KeyValuePair<string, string>> _extensions = [];
    private PolicyMode? _mode;
    private long? _maxAge;
    private bool _mxSeen;

    public static StsPolicy? Parse(ReadOnlySpan<byte> utf8, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var parser = new StsPolicyParser();
        if (utf8.Length > StsPolicy.MaxLength)
        {
            parser.AddTooLarge(utf8.Length);
            return parser.Finish(out diagnostics);
        }

        var bomLength = utf8.StartsWith("\uFEFF"u8) ? 3 : 0;
        if (bomLength > 0)
        {
            parser.Add(PolicyDiagnosticCodes.ByteOrderMark, Severity.Warning, null, 1);
            utf8 = utf8[bomLength..];
        }

        string text;
        try
        {
            text = s_strictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException exception)
        {
            var offset = (exception.Index + bomLength).ToString(CultureInfo.InvariantCulture);
            parser.Add(PolicyDiagnosticCodes.InvalidUtf8, Severity.Error, null, null, offset);
            return parser.Finish(out diagnostics);
        }

        parser.ReadLines(text);
        return parser.Finish(out diagnostics);
    }

    public static StsPolicy? Parse(string text, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var parser = new StsPolicyParser();
        var byteCount = Encoding.UTF8.GetByteCount(text);
        if (byteCount > StsPolicy.MaxLength)
        {
            parser.AddTooLarge(byteCount);
            return parser.Finish(out diagnostics);
        }

        if (text.StartsWith('\uFEFF'))
        {
            parser.Add(PolicyDiagnosticCodes.ByteOrderMark, Severity.Warning, null, 1);
            text = text[1..];
        }

        parser.ReadLines(text);
        return parser.Finish(out diagnostics);
    }

    private void ReadLines(string text)
    {
        var lines = SplitLines(text);
        var first = 0;
        if (lines.Count > 0 && lines[0] == "---")
        {
            first = SkipFrontMatter(lines);
        }

        for (var i = first; i < lines.Count; i++)
        {
            ReadLine(lines[i], i + 1);
        }
    }

    private List<string> SplitLines(string text)
    {
        // RFC 8461 §3.2: sts-policy-term = LF / CRLF, mixed freely, and the last one is optional.
        var lines = new List<string>();
        var start = 0;
        var bareCrReported = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..i]);
                start = i + 1;
            }
            else if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                lines.Add(text[start..i]);
                start = i + 2;
                i++;
            }
            else if (text[i] == '\r')
            {
                // A lone CR ends no line in the grammar. It is reported once and read as a
                // line end, so the rest of the file still gets checked.
                if (!bareCrReported)
                {
                    Add(PolicyDiagnosticCodes.BareCarriageReturn, Severity.Error, null, lines.Count + 1);
                    bareCrReported = true;
                }

                lines.Add(text[start..i]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }

    private int SkipFrontMatter(List<string> lines)
    {
        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i] == "---")
            {
                var closing = (i + 1).ToString(CultureInfo.InvariantCulture);
                Add(PolicyDiagnosticCodes.FrontMatter, Severity.Error, null, 1, closing);
                return i + 1;
            }
        }

        return 0;
    }

    private void ReadLine(string line, int number)
    {
        var content = line.TrimStart(' ', '\t');
        if (content.TrimEnd(' ', '\t').Length == 0)
        {
            Add(PolicyDiagnosticCodes.BlankLine, Severity.Error, null, number);
            return;
        }

        if (content.StartsWith('#'))
        {
            Add(PolicyDiagnosticCodes.Comment, Severity.Error, null, number, Shorten(content));
            return;
        }

        if (content.Length != line.Length)
        {
            Add(PolicyDiagnosticCodes.LineIndented, Severity.Error, null, number, Shorten(content));
        }

        var colon = content.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            Add(PolicyDiagnosticCodes.LineNoColon, Severity.Error, null, number, Shorten(content));
            return;
        }

        var key = ReadKey(content[..colon], number);
        if (key is null)
        {
            return;
        }

        // RFC 8461 §3.2: sts-policy-field-delim = ":" *WSP.
        var value = ReadValue(key, content[(colon + 1)..].TrimStart(' ', '\t'), number);
        if (value is null)
        {
            return;
        }

        if (key == "mx")
        {
            ReadMx(value, number);
            return;
        }

        // A later line never replaces the first, so a copy pasted below cannot weaken "mode".
        if (_firstValues.TryGetValue(key, out var first))
        {
            var firstLine = first.Line.ToString(CultureInfo.InvariantCulture);
            Add(PolicyDiagnosticCodes.DuplicateKey, Severity.Warning, key, number, key, firstLine, first.Value, value);
            return;
        }

        _firstValues[key] = (number, value);
        switch (key)
        {
            case "version":
                ReadVersion(value, number);
                break;
            case "mode":
                ReadMode(value, number);
                break;
            case "max_age":
                ReadMaxAge(value, number);
                break;
            default:
                Add(PolicyDiagnosticCodes.UnknownKey, Severity.Info, key, number, key, value);
                _extensions.Add(new(key, value));
                break;
        }
    }

    private string? ReadKey(string key, int number)
    {
        var trimmed = key.TrimEnd(' ', '\t');
        if (trimmed.Length != key.Length)
        {
            Add(PolicyDiagnosticCodes.KeyWhitespace, Severity.Error, trimmed, number, trimmed);
        }

        if (s_knownKeys.Contains(trimmed, StringComparer.Ordinal))
        {
            return trimmed;
        }

        // RFC 8461 §3.2: field names are case-sensitive (%s"mode"), so "Mode" would be an
        // unknown extension and the policy would lack its mode.
        var known = s_knownKeys.FirstOrDefault(k => string.Equals(k, trimmed, StringComparison.OrdinalIgnoreCase));
        if (known is not null)
        {
            Add(PolicyDiagnosticCodes.KeyCase, Severity.Error, trimmed, number, trimmed, known);
            return known;
        }

        if (!IsExtensionName(trimmed))
        {
            Add(PolicyDiagnosticCodes.KeyInvalid, Severity.Error, null, number, Shorten(trimmed));
            return null;
        }

        return trimmed;
    }

    private string? ReadValue(string key, string value, int number)
    {
        // Extension values may contain "#", but after an RFC key it can only start a comment.
        var known = s_knownKeys.Contains(key, StringComparer.Ordinal);
        var comment = known ? FindInlineComment(value) : -1;
        if (comment >= 0)
        {
            Add(PolicyDiagnosticCodes.InlineComment, Severity.Error, key, number, key, Shorten(value[comment..]));
            value = value[..comment].TrimEnd(' ', '\t');
        }

        var trimmed = value.TrimEnd(' ', '\t');
        if (trimmed.Length != value.Length)
        {
            Add(PolicyDiagnosticCodes.TrailingWhitespace, Severity.Warning, key, number, key, trimmed);
        }

        // RFC 8461 §3.2: values exclude CTLs, and a TAB inside a value is one.
        var control = trimmed.FirstOrDefault(c => char.IsControl(c));
        if (control != default)
        {
            var codePoint = $"U+{(int)control:X4}";
            Add(PolicyDiagnosticCodes.ControlCharacter, Severity.Error, key, number, key, codePoint);
            return null;
        }

        if (trimmed.Length == 0)
        {
            Add(PolicyDiagnosticCodes.ValueEmpty, Severity.Error, key, number, key);
            return null;
        }

        return trimmed;
    }

    private void ReadVersion(string value, int number)
    {
        if (value != "STSv1")
        {
            Add(PolicyDiagnosticCodes.VersionInvalid, Severity.Error, "version", number, value);
        }
    }

    private void ReadMode(string value, int number)
    {
        _mode = value switch
        {
            "enforce" => PolicyMode.Enforce,
            "testing" => PolicyMode.Testing,
            "none" => PolicyMode.None,
            _ => null,
        };
        if (_mode is not null)
        {
            return;
        }

        var placeholder = value.StartsWith('[') || value.Contains('|', StringComparison.Ordinal);
        var code = placeholder ? PolicyDiagnosticCodes.ModePlaceholder : PolicyDiagnosticCodes.ModeInvalid;
        Add(code, Severity.Error, "mode", number, value);
    }

    private void ReadMaxAge(string value, int number)
    {
        // RFC 8461 §3.2: sts-policy-max-age-value = 1*10(DIGIT).
        if (!value.All(char.IsAsciiDigit))
        {
            Add(PolicyDiagnosticCodes.MaxAgeInvalid, Severity.Error, "max_age", number, value);
            return;
        }

        if (value.Length > 10)
        {
            var digits = value.Length.ToString(CultureInfo.InvariantCulture);
            Add(PolicyDiagnosticCodes.MaxAgeTooLong, Severity.Error, "max_age", number, value, digits);
            return;
        }

        // Ten digits can exceed int, so the value is read as 64-bit before clamping.
        var seconds = long.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
        if (seconds > StsPolicy.MaxAgeLimit)
        {
            var limit = StsPolicy.MaxAgeLimit.ToString(CultureInfo.InvariantCulture);
            Add(PolicyDiagnosticCodes.MaxAgeRange, Severity.Warning, "max_age", number, value, limit);
            seconds = StsPolicy.MaxAgeLimit;
        }

        _maxAge = seconds;
    }

    private void ReadMx(string value, int number)
    {
        _mxSeen = true;
        MxPattern.TryParse(value, out var pattern, out var mxDiagnostics);
        foreach (var diagnostic in mxDiagnostics)
        {
            _diagnostics.Add(diagnostic with { Line = number });
        }

        if (pattern is null)
        {
            return;
        }

        if (_mxLines.TryGetValue(pattern, out var firstLine))
        {
            Add(PolicyDiagnosticCodes.MxDuplicate, Severity.Warning, "mx", number, value, firstLine.ToString(CultureInfo.InvariantCulture));
            return;
        }

        _mxLines[pattern] = number;
        _mxPatterns.Add(pattern);
    }

    private StsPolicy? Finish(out IReadOnlyList<Diagnostic> diagnostics)
    {
        var complete = _diagnostics.All(d => d.Code != PolicyDiagnosticCodes.TooLarge && d.Code != PolicyDiagnosticCodes.InvalidUtf8);
        if (complete)
        {
            CheckRequiredFields();
        }

        diagnostics = _diagnostics.OrderByDescending(d => d.Severity).ThenBy(d => d.Line ?? 0).ToArray();
        if (_diagnostics.Any(d => d.Severity == Severity.Error) || _mode is null || _maxAge is null)
        {
            return null;
        }

        return new StsPolicy(_mode.Value, _mxPatterns.ToArray(), _maxAge.Value, _extensions.ToArray(), diagnostics);
    }

    private void CheckRequiredFields()
    {
        // RFC 8461 §3.2: version, mode and max_age are required once each.
        if (!_firstValues.ContainsKey("version"))
        {
            Add(PolicyDiagnosticCodes.VersionMissing, Severity.Error, "version", null);
        }

        if (!_firstValues.ContainsKey("mode"))
        {
            Add(PolicyDiagnosticCodes.ModeMissing, Severity.Error, "mode", null);
        }

        if (!_firstValues.ContainsKey("max_age"))
        {
            Add(PolicyDiagnosticCodes.MaxAgeMissing, Severity.Error, "max_age", null);
        }

        // RFC 8461 §3.2: mx is required at least once, except when mode is "none". An mx line
        // that failed to parse already has its own error.
        if (_mode is PolicyMode.Enforce or PolicyMode.Testing && !_mxSeen)
        {
            Add(PolicyDiagnosticCodes.MxMissing, Severity.Error, "mx", null, StsPolicy.FormatMode(_mode.Value));
        }

        // RFC 8461 §3.2 expects max_age of weeks or more, which keeps refresh-time attacks
        // rare. Under a day in enforce mode gets a note.
        if (_mode == PolicyMode.Enforce && _maxAge < ShortMaxAge)
        {
            var seconds = _maxAge.Value.ToString(CultureInfo.InvariantCulture);
            Add(PolicyDiagnosticCodes.MaxAgeShort, Severity.Info, "max_age", _firstValues["max_age"].Line, seconds);
        }
    }

    private void AddTooLarge(int byteCount)
    {
        var size = byteCount.ToString(CultureInfo.InvariantCulture);
        var limit = StsPolicy.MaxLength.ToString(CultureInfo.InvariantCulture);
        Add(PolicyDiagnosticCodes.TooLarge, Severity.Error, null, null, size, limit);
    }

    private void Add(string code, Severity severity, string? subject, int? line, params string[] arguments)
    {
        _diagnostics.Add(new Diagnostic(code, severity, Rfc, subject, line, arguments));
    }

    private static int FindInlineComment(string value)
    {
        if (value.StartsWith('#'))
        {
            return 0;
        }

        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] == '#' && value[i - 1] is ' ' or '\t')
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsExtensionName(string name)
    {
        // RFC 8461 §3.2: sts-policy-ext-name = alphanum *31(alphanum / "_" / "-" / ".").
        if (name.Length is 0 or > 32 || !char.IsAsciiLetterOrDigit(name[0]))
        {
            return false;
        }

        return name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');
    }

    private static string Shorten(string text)
    {
        const int MaxShown = 60;
        return text.Length <= MaxShown ? text : string.Concat(text.AsSpan(0, MaxShown), "…");
    }
}
