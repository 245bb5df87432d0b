using System.CommandLine;
using System.Globalization;
using MtaSts.Cli.Output;
using MtaSts.Diagnostics;
using MtaSts.Records;

namespace MtaSts.Cli.Commands;

/// <summary>
/// <c>mtasts record validate "TXT TEXT"</c>: the kind is taken from <c>v=</c> (STSv1 for
/// <c>_mta-sts</c>, TLSRPTv1 for <c>_smtp._tls</c>); exit 0 when valid.
/// </summary>
internal static class RecordValidateCommand
{
    public static Command Create()
    {
        var text = new Argument<string>("TEXT") { Description = Text.Get("RecordValidate.Text") };
        var json = CommonOptions.Json();
        var command = new Command("validate", Text.Get("RecordValidate.Description")) { text, json };
        command.SetAction(result => Run(result.GetRequiredValue(text), result.GetValue(json)));
        return command;
    }

    private static int Run(string text, bool json)
    {
        var kind = DetectKind(text);
        IReadOnlyList<Diagnostic> diagnostics;
        bool valid;
        string? normalized = null;
        switch (kind)
        {
            case RecordKind.MtaSts:
                valid = StsRecord.TryParse(text, out var stsRecord, out diagnostics);
                normalized = stsRecord?.ToString();
                break;
            case RecordKind.TlsRpt:
                valid = TlsRptRecord.TryParse(text, out var tlsRptRecord, out diagnostics);
                normalized = tlsRptRecord?.ToString();
                break;
            default:
                // Invalid input rather than a usage error: the command ran and judged the text.
                var key = text.Contains('"', StringComparison.Ordinal) ? "RecordValidate.Quoted" : "RecordValidate.UnknownKind";
                throw new CommandException(Text.Get(key, text), ExitCodes.Failed);
        }

        var name = kind == RecordKind.MtaSts ? "_mta-sts" : "_smtp._tls";
        if (json)
        {
            JsonOutput.Write(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("kind", kind == RecordKind.MtaSts ? "mta-sts" : "tlsrpt");
                writer.WriteString("name", name);
                writer.WriteBoolean("valid", valid);
                writer.WriteString("record", normalized);
                writer.WritePropertyName("diagnostics");
                DiagnosticOutput.WriteJson(writer, diagnostics);
                writer.WriteEndObject();
            });
            return valid ? ExitCodes.Ok : ExitCodes.Failed;
        }

        var screen = Screen.ForStandardOutput();
        screen.Heading(Text.Get(kind == RecordKind.MtaSts ? "RecordValidate.HeadingMtaSts" : "RecordValidate.HeadingTlsRpt", name));
        screen.Field(Text.Get("RecordValidate.Input"), text);
        if (normalized is not null && normalized != text)
        {
            screen.Field(Text.Get("RecordValidate.Normalized"), normalized);
        }

        DiagnosticOutput.Render(screen, diagnostics);
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        screen.Status(
            valid ? Mark.Ok : Mark.Error,
            valid ? Text.Get("RecordValidate.Valid") : Text.Get("RecordValidate.Invalid", errors.ToString(CultureInfo.CurrentCulture)));
        return valid ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private enum RecordKind
    {
        Unknown,
        MtaSts,
        TlsRpt,
    }

    private static RecordKind DetectKind(string text)
    {
        // Only the version tag decides; the parsers then judge everything else, including
        // whitespace and case mistakes in the tag, and explain them.
        var version = text.TrimStart().Split([';', ' ', '\t'], 2)[0].Trim();
        var value = version.Split('=', 2) is [var key, var v] && key.Trim().Equals("v", StringComparison.OrdinalIgnoreCase) ? v.Trim() : string.Empty;
        if (value.StartsWith("STSv", StringComparison.OrdinalIgnoreCase))
        {
            return RecordKind.MtaSts;
        }

        return value.StartsWith("TLSRPTv", StringComparison.OrdinalIgnoreCase) ? RecordKind.TlsRpt : RecordKind.Unknown;
    }
}
