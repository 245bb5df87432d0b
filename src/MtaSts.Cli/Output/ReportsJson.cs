using System.Text.Json;
using MtaSts.Reports;
using MtaSts.Reports.Decoding;

namespace MtaSts.Cli.Output;

/// <summary>
/// The <c>reports show --json</c> document: one array with, per report found,
/// <c>{"source", "part"?, "duplicate-of"?, "report", "diagnostics"}</c>, or <c>"error"</c> instead of
/// <c>"report"</c> when the input or the report failed.
/// </summary>
internal static class ReportsJson
{
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<ShownInput> inputs, IReadOnlyDictionary<ReadReport, string> duplicates)
    {
        writer.WriteStartArray();
        foreach (var input in inputs)
        {
            if (input.Result is not { } result)
            {
                writer.WriteStartObject();
                writer.WriteString("source", input.Source);
                writer.WriteString("error", input.ReadError);
                writer.WriteStartArray("diagnostics");
                writer.WriteEndArray();
                writer.WriteEndObject();
                continue;
            }

            if (result.Reports.Count == 0)
            {
                writer.WriteStartObject();
                writer.WriteString("source", input.Source);
                writer.WriteString("error", ShownInput.FirstError(result.Diagnostics));
                writer.WritePropertyName("diagnostics");
                DiagnosticOutput.WriteJson(writer, result.Diagnostics);
                writer.WriteEndObject();
                continue;
            }

            foreach (var read in result.Reports)
            {
                // Only a report found inside a mail has a part; a bare file is its own source.
                var part = result.Format == PayloadFormat.Mail ? read.Label : null;
                WriteReport(writer, input.Source, part, read, duplicates.GetValueOrDefault(read));
            }
        }

        writer.WriteEndArray();
    }

    private static void WriteReport(Utf8JsonWriter writer, string source, string? part, ReadReport read, string? duplicateOf)
    {
        writer.WriteStartObject();
        writer.WriteString("source", source);
        if (!string.IsNullOrEmpty(part))
        {
            writer.WriteString("part", part);
        }

        if (duplicateOf is not null)
        {
            writer.WriteString("duplicate-of", duplicateOf);
        }

        if (read.Report is not null)
        {
            writer.WritePropertyName("report");
            TlsReportJson.Write(writer, read.Report);
        }
        else
        {
            writer.WriteString("error", ShownInput.FirstError(read.Diagnostics));
        }

        writer.WritePropertyName("diagnostics");
        DiagnosticOutput.WriteJson(writer, read.Diagnostics);
        writer.WriteEndObject();
    }
}
