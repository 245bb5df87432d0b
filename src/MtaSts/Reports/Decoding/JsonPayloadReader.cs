using System.Globalization;
using System.Text.Json;
using MtaSts.Diagnostics;

namespace MtaSts.Reports.Decoding;

/// <summary>
/// Turns decoded bytes into report payloads: one per JSON object, or one per object element of a
/// top-level JSON array. The objects themselves are left for the report parser to check.
/// </summary>
internal static class JsonPayloadReader
{
    private const string JsonRfc = "RFC 8259 §2";
    private static readonly byte[] s_byteOrderMark = [0xEF, 0xBB, 0xBF];

    /// <summary>Whether <paramref name="data"/> starts like JSON text: <c>{</c> or <c>[</c> after an optional BOM and white space.</summary>
    public static bool LooksLikeJson(ReadOnlySpan<byte> data)
    {
        var start = SkipPreamble(data);
        return start < data.Length && data[start] is (byte)'{' or (byte)'[';
    }

    /// <summary>
    /// Adds the payloads found in <paramref name="data"/> to <paramref name="payloads"/>. Each payload
    /// gets a copy of <paramref name="inherited"/> followed by its own findings; errors that
    /// leave no payload go to <paramref name="diagnostics"/>.
    /// </summary>
    public static void Read(ReadOnlyMemory<byte> data, string label, IReadOnlyList<Diagnostic> inherited, List<ReportPayload> payloads, List<Diagnostic> diagnostics)
    {
        var own = new List<Diagnostic>(inherited);
        var span = data.Span;

        // RFC 8259 §8.1: a parser may ignore a byte order mark rather than treat it as an error.
        if (span.StartsWith(s_byteOrderMark))
        {
            own.Add(new Diagnostic(ReportDecodingCodes.JsonByteOrderMark, Severity.Info, "RFC 8259 §8.1", label, Arguments: [label]));
        }

        var start = SkipPreamble(span);
        if (start >= span.Length || span[start] is not ((byte)'{' or (byte)'['))
        {
            diagnostics.Add(new Diagnostic(ReportDecodingCodes.NotJson, Severity.Error, JsonRfc, label, Arguments: [label, Preview(span)]));
            return;
        }

        if (span[start] == (byte)'{')
        {
            payloads.Add(new ReportPayload(label, data[start..], own));
            return;
        }

        ReadArray(data[start..], label, own, payloads, diagnostics);
    }

    private static void ReadArray(ReadOnlyMemory<byte> data, string label, List<Diagnostic> inherited, List<ReportPayload> payloads, List<Diagnostic> diagnostics)
    {
        var found = new List<ReportPayload>();
        var skipped = new List<Diagnostic>();
        var reader = new Utf8JsonReader(data.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });

        try
        {
            reader.Read();
            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                index++;
                var elementLabel = $"{label}, element {index.ToString(CultureInfo.InvariantCulture)}";
                var elementStart = (int)reader.TokenStartIndex;
                var tokenType = reader.TokenType;
                reader.Skip();

                if (tokenType == JsonTokenType.StartObject)
                {
                    var elementEnd = (int)reader.BytesConsumed;
                    found.Add(new ReportPayload(elementLabel, data[elementStart..elementEnd], inherited));
                }
                else
                {
                    skipped.Add(new Diagnostic(ReportDecodingCodes.JsonArrayElementNotObject, Severity.Warning, JsonRfc, elementLabel, Arguments: [elementLabel, JsonTypeName(tokenType)]));
                }
            }

            // Reading past the closing bracket reports any text after the array.
            while (reader.Read())
            {
            }
        }
        catch (JsonException exception)
        {
            var line = (exception.LineNumber ?? 0) + 1;
            var column = (exception.BytePositionInLine ?? 0) + 1;
            diagnostics.Add(new Diagnostic(
                ReportDecodingCodes.JsonArrayInvalid,
                Severity.Error,
                JsonRfc,
                label,
                (int)line,
                [label, line.ToString(CultureInfo.InvariantCulture), column.ToString(CultureInfo.InvariantCulture)]));
            return;
        }

        diagnostics.AddRange(skipped);
        if (found.Count == 0)
        {
            diagnostics.Add(new Diagnostic(ReportDecodingCodes.JsonArrayEmpty, Severity.Error, JsonRfc, label, Arguments: [label]));
            return;
        }

        payloads.AddRange(found);
    }

    private static string JsonTypeName(JsonTokenType tokenType) => tokenType switch
    {
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        _ => "null",
    };

    private static int SkipPreamble(ReadOnlySpan<byte> data)
    {
        var start = data.StartsWith(s_byteOrderMark) ? s_byteOrderMark.Length : 0;
        while (start < data.Length && data[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        return start;
    }

    /// <summary>Shows the first bytes of <paramref name="data"/> as hexadecimal and as printable ASCII, for messages.</summary>
    public static string Preview(ReadOnlySpan<byte> data)
    {
        var head = data[..Math.Min(data.Length, 16)];
        var hex = Convert.ToHexString(head);
        var text = new char[head.Length];
        for (var i = 0; i < head.Length; i++)
        {
            text[i] = head[i] is >= 0x20 and < 0x7F ? (char)head[i] : '.';
        }

        var spacedHex = string.Join(' ', Enumerable.Range(0, head.Length).Select(i => hex.Substring(i * 2, 2)));
        return $"{spacedHex} \"{new string(text)}\"";
    }
}
