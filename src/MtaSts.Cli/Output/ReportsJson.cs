using System.Text.Json;
using MtaSts.Reports;

namespace MtaSts.Cli.Output;

/// <summary>
/// The <c>reports show --json</c> document: one array with, per report found,
/// <c>{"source", "part"?, "report", "diagnostics"}</c>, or <c>"error"</c> instead of
/// <c>"report"</c> when the input or the report failed.
/// </summary>
internal static class ReportsJson
{
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<ShownInput> inputs)
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
                WriteReport(writer, input.Source, read);
            }
        }

        writer.WriteEndArray();
    }

    private static void WriteReport(Utf8JsonWriter writer, string source, ReadReport read)
    {
        writer.WriteStartObject();
        writer.WriteString("source", source);
        if (!string.IsNullOrEmpty(read.Label))
        {
            writer.WriteString("part", read.Label);
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
