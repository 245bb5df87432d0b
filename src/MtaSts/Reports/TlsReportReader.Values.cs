using System.Globalization;
using System.Text.Json;
using MtaSts.Diagnostics;

namespace MtaSts.Reports;

// Reading single values and recording diagnostics, shared by every part of the reader.
internal sealed partial class TlsReportReader
{
    private TextValue ReadText(JsonElement value, Location at, string key)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString()!;
                return text.Length == 0 ? new TextValue(true, null, "\"\"") : new TextValue(true, text, null);

            case JsonValueKind.Null:
                return new TextValue(true, null, "null");

            case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                // A number or literal still carries the sender's value, so its text is kept.
                Add(ReportDiagnosticCodes.WrongType, Severity.Warning, SchemaRule, at.Of(key), key, "string", KindName(value.ValueKind));
                return new TextValue(true, value.GetRawText(), null);

            default:
                Add(ReportDiagnosticCodes.WrongType, Severity.Warning, SchemaRule, at.Of(key), key, "string", KindName(value.ValueKind));
                return new TextValue(true, null, null);
        }
    }

    private void RequireText(TextValue value, Location at, string key)
    {
        if (!value.Present)
        {
            AddError(ReportDiagnosticCodes.RequiredFieldMissing, SchemaRule, at.Of(key), key);
        }
        else if (value.EmptyAs is not null)
        {
            AddError(ReportDiagnosticCodes.RequiredFieldMissing, SchemaRule, at.Of(key), key);
        }
        else if (value.Value is null)
        {
            // The wrong type was already reported; without a value the report cannot be used.
            _hasError = true;
        }
    }

    private void CheckPresent(TextValue value, Location at, string key, Severity severity)
    {
        if (!value.Present)
        {
            Add(ReportDiagnosticCodes.FieldMissing, severity, SchemaRule, at.Of(key), key);
        }
        else if (value.EmptyAs is not null)
        {
            Add(ReportDiagnosticCodes.FieldEmpty, severity, SchemaRule, at.Of(key), key, value.EmptyAs);
        }
    }

    private void CheckEmpty(TextValue value, Location at, string key)
    {
        if (value.EmptyAs is not null)
        {
            Add(ReportDiagnosticCodes.FieldEmpty, Severity.Info, SchemaRule, at.Of(key), key, value.EmptyAs);
        }
    }

    private void CheckCountPresent(Keys seen, Keys key, Location at, string name)
    {
        if ((seen & key) == Keys.None)
        {
            Add(ReportDiagnosticCodes.FieldMissing, Severity.Warning, SchemaRule, at.Of(name), name);
        }
    }

    private bool Claim(ref Keys seen, Keys key, Location at, string name)
    {
        if ((seen & key) != Keys.None)
        {
            // RFC 8460 §4 requires I-JSON, whose objects have unique member names.
            Add(ReportDiagnosticCodes.DuplicateKey, Severity.Warning, StructureRule, at.Of(name), name);
            return false;
        }

        seen |= key;
        return true;
    }

    private void AddExtension(ref Dictionary<string, JsonElement>? extensionData, JsonProperty property, Location at)
    {
        extensionData ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (!extensionData.TryAdd(property.Name, property.Value.Clone()))
        {
            Add(ReportDiagnosticCodes.DuplicateKey, Severity.Warning, StructureRule, at.Of(property.Name), property.Name);
        }
    }

    private void NoteExtensions(Dictionary<string, JsonElement>? extensionData, Location at)
    {
        if (extensionData is null)
        {
            return;
        }

        var names = string.Join(", ", extensionData.Keys);
        Add(ReportDiagnosticCodes.ExtraFields, Severity.Info, SchemaRule, at.Path, Shorten(names));
    }

    private void Add(string code, Severity severity, string rule, string? subject, params string[] arguments)
    {
        _diagnostics.Add(new Diagnostic(code, severity, rule, subject, Arguments: arguments));
        if (severity == Severity.Error)
        {
            _hasError = true;
        }
    }

    private void AddError(string code, string rule, string? subject, params string[] arguments)
    {
        Add(code, Severity.Error, rule, subject, arguments);
    }

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };

    private static string Shorten(string value)
    {
        return value.Length <= MaxShownValueLength ? value : string.Concat(value.AsSpan(0, MaxShownValueLength), "…");
    }

    private static string FormatCount(long count) => count.ToString(CultureInfo.InvariantCulture);

    private static string FormatDate(DateTimeOffset value) => Rfc3339DateTimeConverter.Format(value);

    /// <summary>A string field as read: whether its key was present, its value, and how it was empty.</summary>
    private readonly record struct TextValue(bool Present, string? Value, string? EmptyAs);

    /// <summary>Where an object sits in the report, to build JSON paths for diagnostics only when needed.</summary>
    private readonly record struct Location(int Policy, int Detail, string? Section)
    {
        public static Location Root => new(-1, -1, null);

        public static Location DateRange => new(-1, -1, "date-range");

        public static Location PolicyEntry(int policy) => new(policy, -1, null);

        public static Location PolicyObject(int policy) => new(policy, -1, "policy");

        public static Location SummaryObject(int policy) => new(policy, -1, "summary");

        public static Location FailureDetailEntry(int policy, int detail) => new(policy, detail, null);

        public string? Path
        {
            get
            {
                if (Policy < 0)
                {
                    return Section;
                }

                var entry = "policies[" + Policy.ToString(CultureInfo.InvariantCulture) + "]";
                if (Detail >= 0)
                {
                    return entry + ".failure-details[" + Detail.ToString(CultureInfo.InvariantCulture) + "]";
                }

                return Section is null ? entry : entry + "." + Section;
            }
        }

        public string Of(string key)
        {
            var path = Path;
            return path is null ? key : path + "." + key;
        }
    }
}
