using System.Globalization;
using System.Text.Json;
using MtaSts.Diagnostics;

namespace MtaSts.Reports;

/// <summary>
/// Parses SMTP TLS reports (RFC 8460 §4.4) leniently: every deviation that real senders make is
/// read and reported as a diagnostic instead of rejecting the report.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc8460#section-4.4"/>
public static class TlsReportParser
{
    private const string JsonRule = "RFC 8460 §4";

    /// <summary>
    /// Parses a report from UTF-8 JSON. Bad input never throws: it yields a result with no report
    /// and an error diagnostic saying what is wrong.
    /// </summary>
    /// <param name="utf8Json">The report as UTF-8 JSON, already decompressed.</param>
    /// <param name="options">Size and depth limits; <see langword="null"/> means <see cref="ReportParseOptions.Default"/>.</param>
    public static ReportParseResult Parse(ReadOnlySpan<byte> utf8Json, ReportParseOptions? options = null)
    {
        options ??= ReportParseOptions.Default;
        var diagnostics = new List<Diagnostic>();

        if (utf8Json.Length > options.MaxBytes)
        {
            diagnostics.Add(new Diagnostic(ReportDiagnosticCodes.TooLarge, Severity.Error, JsonRule,
                Arguments: [Format(utf8Json.Length), Format(options.MaxBytes)]));
            return new ReportParseResult { Diagnostics = diagnostics };
        }

        // A byte order mark is not part of JSON, but some Windows editors write one when saving UTF-8.
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            diagnostics.Add(new Diagnostic(ReportDiagnosticCodes.ByteOrderMark, Severity.Info, JsonRule));
            utf8Json = utf8Json[3..];
        }

        if (IsWhiteSpace(utf8Json))
        {
            diagnostics.Add(new Diagnostic(ReportDiagnosticCodes.Empty, Severity.Error, JsonRule));
            return new ReportParseResult { Diagnostics = diagnostics };
        }

        var document = ParseDocument(utf8Json, options, diagnostics);
        if (document is null)
        {
            return new ReportParseResult { Diagnostics = diagnostics };
        }

        using (document)
        {
            var reader = new TlsReportReader(diagnostics);
            var report = reader.ReadReport(document.RootElement);
            return new ReportParseResult { Report = report, Diagnostics = diagnostics };
        }
    }

    /// <summary>Parses a report from UTF-8 JSON, throwing when it is not usable.</summary>
    /// <param name="utf8Json">The report as UTF-8 JSON, already decompressed.</param>
    /// <param name="options">Size and depth limits; <see langword="null"/> means <see cref="ReportParseOptions.Default"/>.</param>
    /// <exception cref="MtaStsFormatException">The input is not a usable report; the exception carries every diagnostic.</exception>
    public static TlsReport ParseOrThrow(ReadOnlySpan<byte> utf8Json, ReportParseOptions? options = null)
    {
        var result = Parse(utf8Json, options);
        if (result.Report is null)
        {
            throw new MtaStsFormatException(result.Diagnostics);
        }

        return result.Report;
    }

    private static JsonDocument? ParseDocument(ReadOnlySpan<byte> utf8Json, ReportParseOptions options, List<Diagnostic> diagnostics)
    {
        var readerOptions = new JsonReaderOptions { MaxDepth = options.MaxDepth };
        var reader = new Utf8JsonReader(utf8Json, readerOptions);
        try
        {
            var document = JsonDocument.ParseValue(ref reader);

            // ParseValue stops after the first value; anything but white space after it is invalid.
            if (reader.Read())
            {
                document.Dispose();
                throw new JsonException(
                    $"'{(char)utf8Json[(int)reader.TokenStartIndex]}' is invalid after the end of the JSON value.",
                    path: null,
                    lineNumber: null,
                    bytePositionInLine: null);
            }

            return document;
        }
        catch (JsonException exception)
        {
            diagnostics.Add(DescribeJsonError(exception, utf8Json, options));
            return null;
        }
    }

    private static Diagnostic DescribeJsonError(JsonException exception, ReadOnlySpan<byte> utf8Json, ReportParseOptions options)
    {
        var lineIndex = exception.LineNumber ?? 0;
        var bytePositionInLine = exception.BytePositionInLine ?? 0;
        var line = (int)Math.Min(lineIndex + 1, int.MaxValue);

        // JsonException does not tell a depth overflow from other errors, so count the depth of
        // the input up to the position of the error.
        var errorOffset = FindOffset(utf8Json, lineIndex, bytePositionInLine);
        if (ExceedsDepth(utf8Json[..Math.Min(utf8Json.Length, errorOffset + 1)], options.MaxDepth))
        {
            return new Diagnostic(ReportDiagnosticCodes.TooDeep, Severity.Error, JsonRule, Line: line,
                Arguments: [Format(options.MaxDepth)]);
        }

        return new Diagnostic(ReportDiagnosticCodes.InvalidJson, Severity.Error, JsonRule, Line: line,
            Arguments: [Format(line), Format(bytePositionInLine + 1), exception.Message]);
    }

    private static int FindOffset(ReadOnlySpan<byte> utf8Json, long lineIndex, long bytePositionInLine)
    {
        var lineStart = 0;
        for (long i = 0; i < lineIndex; i++)
        {
            var newline = utf8Json[lineStart..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                break;
            }

            lineStart += newline + 1;
        }

        return (int)Math.Min(lineStart + bytePositionInLine, utf8Json.Length);
    }

    private static bool ExceedsDepth(ReadOnlySpan<byte> utf8Json, int maxDepth)
    {
        var depth = 0;
        var inString = false;
        for (var i = 0; i < utf8Json.Length; i++)
        {
            var b = utf8Json[i];
            if (inString)
            {
                if (b == (byte)'\\')
                {
                    i++;
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }

                continue;
            }

            switch (b)
            {
                case (byte)'"':
                    inString = true;
                    break;
                case (byte)'{' or (byte)'[':
                    depth++;
                    if (depth > maxDepth)
                    {
                        return true;
                    }

                    break;
                case (byte)'}' or (byte)']':
                    depth--;
                    break;
            }
        }

        return false;
    }

    private static bool IsWhiteSpace(ReadOnlySpan<byte> utf8Json)
    {
        foreach (var b in utf8Json)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
