using MtaSts.Diagnostics;

namespace MtaSts.Records;

/// <summary>One <c>name=value</c> field of a TXT record, after the version field.</summary>
internal readonly record struct TxtRecordField(string Name, string Value);

/// <summary>
/// Splits an MTA-STS or TLS-RPT TXT record into fields. Both grammars share the shape
/// <c>version 1*(*WSP ";" *WSP field) [*WSP ";" *WSP]</c> and the extension syntax, so one
/// tokenizer serves both. Codes are built from the prefix (<c>STS-RECORD</c> or <c>TLSRPT-RECORD</c>).
/// </summary>
internal sealed class TxtRecordParser
{
    private readonly string _versionField;
    private readonly string _codePrefix;
    private readonly string _rfc;
    private readonly List<Diagnostic> _diagnostics;

    public TxtRecordParser(string versionField, string codePrefix, string rfc, List<Diagnostic> diagnostics)
    {
        _versionField = versionField;
        _codePrefix = codePrefix;
        _rfc = rfc;
        _diagnostics = diagnostics;
    }

    /// <summary>Validates the version field and returns the fields after it.</summary>
    public List<TxtRecordField> Tokenize(string text)
    {
        var fields = new List<TxtRecordField>();
        var trimmed = text.TrimStart(' ', '\t');
        if (trimmed.Length != text.Length)
        {
            Add("LEADING-WHITESPACE", Severity.Error, "v", text);
        }

        // The grammar allows *WSP only around ";", so whitespace after a last field without ";" is outside it.
        var end = trimmed.TrimEnd(' ', '\t');
        if (end.Length != trimmed.Length && !end.EndsWith(';'))
        {
            Add("TRAILING-WHITESPACE", Severity.Warning, null, text);
        }

        if (end.EndsWith(';'))
        {
            end = end[..^1];
        }

        var rawFields = SplitFields(end);
        if (rawFields.Count == 0 || rawFields[0] != _versionField)
        {
            ReportVersion(rawFields.Count == 0 ? "" : rawFields[0]);
        }

        var versionSeen = rawFields.Count > 0 && rawFields[0].StartsWith("v=", StringComparison.Ordinal);
        var start = versionSeen ? 1 : 0;
        for (var i = start; i < rawFields.Count; i++)
        {
            var field = rawFields[i];
            if (field.Length == 0)
            {
                Add("EMPTY-FIELD", Severity.Error, null, text);
                continue;
            }

            // A value holding the version field again means two records were joined into one string.
            var repeat = field.IndexOf(_versionField, StringComparison.Ordinal);
            if (repeat > 0)
            {
                Add("CONCATENATED", Severity.Error, null, text);
                field = field[..repeat];
            }

            var equals = field.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                Add("FIELD-NO-VALUE", Severity.Error, field, field);
                continue;
            }

            var name = field[..equals];
            if (name == "v")
            {
                if (versionSeen)
                {
                    Add("VERSION-REPEATED", Severity.Error, "v", field);
                }

                continue;
            }

            fields.Add(new TxtRecordField(name, field[(equals + 1)..]));
        }

        return fields;
    }

    /// <summary>Checks an extension field and reports it as ignored when it is valid.</summary>
    public bool CheckExtension(TxtRecordField field)
    {
        // RFC 8461 §3.1 and RFC 8460 §3: ext-name = (ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".").
        if (!IsExtensionName(field.Name))
        {
            Add("EXTENSION-NAME-INVALID", Severity.Error, field.Name, field.Name);
            return false;
        }

        // ext-value = 1*(%x21-3A / %x3C / %x3E-7E): printable ASCII except "=", ";" and space.
        if (field.Value.Length == 0 || !field.Value.All(c => c is >= '!' and <= '~' and not '=' and not ';'))
        {
            Add("EXTENSION-VALUE-INVALID", Severity.Error, field.Name, field.Name, field.Value);
            return false;
        }

        Add("EXTENSION-IGNORED", Severity.Info, field.Name, field.Name, field.Value);
        return true;
    }

    /// <summary>Adds a diagnostic whose code is this parser's prefix followed by <paramref name="suffix"/>.</summary>
    public void Add(string suffix, Severity severity, string? subject, params string[] arguments)
    {
        _diagnostics.Add(new Diagnostic($"{_codePrefix}-{suffix}", severity, _rfc, subject, Arguments: arguments));
    }

    private static bool IsExtensionName(string name)
    {
        if (name.Length is 0 or > 32 || !char.IsAsciiLetterOrDigit(name[0]))
        {
            return false;
        }

        return name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');
    }

    private static bool IsFieldStart(string part)
    {
        var equals = part.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && IsExtensionName(part[..equals]);
    }

    private void ReportVersion(string first)
    {
        if (first.StartsWith("v=", StringComparison.Ordinal))
        {
            Add("VERSION-INVALID", Severity.Error, "v", first[2..], _versionField[2..]);
        }
        else
        {
            Add("VERSION-MISSING", Severity.Error, "v", first, _versionField);
        }
    }

    private List<string> SplitFields(string text)
    {
        var result = new List<string>();
        if (text.Length == 0)
        {
            return result;
        }

        foreach (var raw in text.Split(';'))
        {
            var field = raw.Trim(' ', '\t');
            var parts = field.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

            // "v=STSv1 id=1" has a space where the grammar needs ";". Any other space stays in
            // the value, so the field check names the bad character and "rua=a, b" keeps its list.
            if (parts.Length > 1 && parts.Skip(1).Any(IsFieldStart))
            {
                Add("MISSING-SEMICOLON", Severity.Error, null, field);
                result.AddRange(parts);
                continue;
            }

            result.Add(field);
        }

        return result;
    }
}
