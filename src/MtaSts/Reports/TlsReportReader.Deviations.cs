using System.Globalization;
using System.Text.Json;
using MtaSts.Diagnostics;

namespace MtaSts.Reports;

// The lenient readings of what real senders write. Each one names the sender seen doing it and
// the RFC rule it breaks, and adds a diagnostic so the deviation stays visible.
internal sealed partial class TlsReportReader
{
    // NOTE(interop): RFC 8460 §4.4 calls the mx-host value "mx-host-pattern" in its field list,
    // so a generator written from that list uses it as the key.
    private bool IsMxHostAlias(JsonProperty property, Location at)
    {
        if (!property.NameEquals("mx-host-pattern"u8))
        {
            return false;
        }

        Add(ReportDiagnosticCodes.FieldAlias, Severity.Info, SchemaRule, at.Of("mx-host-pattern"), "mx-host-pattern", "mx-host");
        return true;
    }

    // NOTE(interop): RFC 8460 §4.4 calls the additional-information value "additional-info-uri"
    // in its field list, so a generator written from that list uses it as the key.
    private bool IsAdditionalInformationAlias(JsonProperty property, Location at)
    {
        if (!property.NameEquals("additional-info-uri"u8))
        {
            return false;
        }

        Add(ReportDiagnosticCodes.FieldAlias, Severity.Info, SchemaRule, at.Of("additional-info-uri"), "additional-info-uri", "additional-information");
        return true;
    }

    // NOTE(interop): SocketLabs writes "receiving-mx-host-name"; RFC 8460 §4.4 spells the key
    // "receiving-mx-hostname".
    private bool IsReceivingMxHostnameMisspelling(JsonProperty property, Location at)
    {
        if (!property.NameEquals("receiving-mx-host-name"u8))
        {
            return false;
        }

        Add(ReportDiagnosticCodes.FieldMisspelled, Severity.Warning, SchemaRule, at.Of("receiving-mx-host-name"), "receiving-mx-host-name", "receiving-mx-hostname");
        return true;
    }

    // Anyone can send reports to a rua address, so counts are capped. 10^12 sessions in a daily
    // report would be about 11.6 million sessions a second, and the sum of 9 million capped counts
    // still fits in a signed 64-bit integer, so stored totals cannot overflow.
    private const long MaxPlausibleCount = 1_000_000_000_000;

    private long ReadCount(JsonElement value, Location at, string key)
    {
        var count = ReadCountValue(value, at, key);
        if (count > MaxPlausibleCount)
        {
            Add(ReportDiagnosticCodes.CountImplausible, Severity.Warning, SchemaRule, at.Of(key), key, FormatCount(count), FormatCount(MaxPlausibleCount));
            return MaxPlausibleCount;
        }

        return count;
    }

    private long ReadCountValue(JsonElement value, Location at, string key)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (value.TryGetInt64(out var count) && count >= 0)
            {
                return count;
            }
        }
        else if (value.ValueKind == JsonValueKind.String)
        {
            // NOTE(interop): generators that build JSON from text templates quote counts ("5");
            // RFC 8460 §4.4 wants an integer encoded as a JSON number. No sender in our corpus
            // does this yet.
            var text = value.GetString()!;
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                Add(ReportDiagnosticCodes.CountAsString, Severity.Warning, SchemaRule, at.Of(key), key, Shorten(text));
                return parsed;
            }
        }

        Add(ReportDiagnosticCodes.CountInvalid, Severity.Warning, SchemaRule, at.Of(key), key, Shorten(value.GetRawText()));
        return 0;
    }

    private DateTimeOffset? ReadDateTime(JsonElement value, Location at, string key)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            if (HasTimeZone(text))
            {
                if (value.TryGetDateTimeOffset(out var parsed))
                {
                    if (parsed.Offset != TimeSpan.Zero)
                    {
                        Add(ReportDiagnosticCodes.DateTimeOffset, Severity.Info, "RFC 8460 §4.1", at.Of(key), key, text);
                    }

                    return parsed;
                }
            }
            else if (value.TryGetDateTime(out var withoutZone))
            {
                // NOTE(interop): Microsoft (Exchange Online) writes "2023-01-10T00:00:00" without
                // "Z"; RFC 8460 §4.4 requires the RFC 3339 format, which always has a zone. The
                // report day is a UTC day (RFC 8460 §4.1), so UTC is the right reading.
                Add(ReportDiagnosticCodes.DateTimeNoZone, Severity.Warning, SchemaRule, at.Of(key), key, text);
                return new DateTimeOffset(DateTime.SpecifyKind(withoutZone, DateTimeKind.Utc));
            }
        }

        AddError(ReportDiagnosticCodes.DateTimeInvalid, SchemaRule, at.Of(key), key, Shorten(value.GetRawText()));
        return null;
    }

    private static bool HasTimeZone(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        if (text[^1] is 'Z' or 'z')
        {
            return true;
        }

        return text.Length >= 6 && text[^6] is '+' or '-' && text[^3] == ':';
    }

    private List<string> ReadMxHosts(JsonElement value, Location at, string key, Severity? emptySeverity)
    {
        var hosts = ReadStringList(value, at, key, emptySeverity);
        for (var i = 0; i < hosts.Count; i++)
        {
            // NOTE(interop): a sender whose report ids look like "<number>_<number>" (sample in
            // cry-inc/dmarc-report-viewer) copies the policy line "mx: mx.server.com" into
            // mx-host; RFC 8460 §4.4 wants the bare pattern.
            var host = hosts[i];
            if (host.StartsWith("mx:", StringComparison.OrdinalIgnoreCase))
            {
                var pattern = host[3..].Trim();
                var path = at.Of(key) + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                Add(ReportDiagnosticCodes.MxHostPrefix, Severity.Warning, SchemaRule, path, Shorten(host), Shorten(pattern));
                hosts[i] = pattern;
            }
        }

        return hosts;
    }

    private List<string> ExpandTlsaPolicyString(List<string> lines, Location at)
    {
        // NOTE(interop): Microsoft (Exchange Online) sends a TLSA policy-string as one string
        // containing a JSON array of records ("[\"3 1 1 ...\",...]"); RFC 8460 §4.5 wants one array
        // entry per record.
        if (lines.Count != 1 || !lines[0].StartsWith('['))
        {
            return lines;
        }

        try
        {
            using var document = JsonDocument.Parse(lines[0], new JsonDocumentOptions { MaxDepth = 2 });
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return lines;
            }

            var records = new List<string>();
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.String)
                {
                    return lines;
                }

                records.Add(element.GetString()!);
            }

            Add(ReportDiagnosticCodes.TlsaPolicyStringJson, Severity.Warning, "RFC 8460 §4.5", at.Of("policy-string"),
                records.Count.ToString(CultureInfo.InvariantCulture));
            return records;
        }
        catch (JsonException)
        {
            // Not JSON after all: keep the string as the sender wrote it.
            return lines;
        }
    }

    private List<string> ReadStringList(JsonElement value, Location at, string key, Severity? emptySeverity)
    {
        var list = new List<string>();
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                var index = 0;
                foreach (var element in value.EnumerateArray())
                {
                    if (element.ValueKind == JsonValueKind.String)
                    {
                        list.Add(element.GetString()!);
                    }
                    else
                    {
                        var path = at.Of(key) + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
                        Add(ReportDiagnosticCodes.WrongType, Severity.Warning, SchemaRule, path, path, "string", KindName(element.ValueKind));
                    }

                    index++;
                }

                if (index == 0 && emptySeverity is { } arraySeverity)
                {
                    Add(ReportDiagnosticCodes.FieldEmpty, arraySeverity, SchemaRule, at.Of(key), key, "[]");
                }

                return list;

            case JsonValueKind.String:
                var text = value.GetString()!;
                if (text.Length == 0)
                {
                    if (emptySeverity is { } stringSeverity)
                    {
                        Add(ReportDiagnosticCodes.FieldEmpty, stringSeverity, SchemaRule, at.Of(key), key, "\"\"");
                    }

                    return list;
                }

                // NOTE(interop): RFC 8460 Appendix B itself writes "mx-host" as a plain string, and
                // parsedmarc's sample copied it; RFC 8460 §4.4 defines an array of strings.
                Add(ReportDiagnosticCodes.StringNotArray, Severity.Warning, SchemaRule, at.Of(key), key);
                list.Add(text);
                return list;

            case JsonValueKind.Null:
                if (emptySeverity is { } nullSeverity)
                {
                    Add(ReportDiagnosticCodes.FieldEmpty, nullSeverity, SchemaRule, at.Of(key), key, "null");
                }

                return list;

            default:
                Add(ReportDiagnosticCodes.WrongType, Severity.Warning, SchemaRule, at.Of(key), key, "array", KindName(value.ValueKind));
                return list;
        }
    }
}
