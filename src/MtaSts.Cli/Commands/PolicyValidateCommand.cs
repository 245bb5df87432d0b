using System.CommandLine;
using System.Globalization;
using MtaSts.Cli.Output;
using MtaSts.Diagnostics;
using MtaSts.Policies;

namespace MtaSts.Cli.Commands;

/// <summary><c>mtasts policy validate FILE|-</c>: the diagnostics of a policy file; exit 0 when senders would accept it.</summary>
internal static class PolicyValidateCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = Text.Get("PolicyValidate.File") };
        var json = CommonOptions.Json();
        var command = new Command("validate", Text.Get("PolicyValidate.Description")) { file, json };
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetRequiredValue(file), result.GetValue(json), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string path, bool json, CancellationToken cancellationToken)
    {
        var bytes = await InputFile.ReadAsync(path, StsPolicy.MaxLength, cancellationToken);
        var valid = StsPolicy.TryParse(bytes, out var policy, out var diagnostics);
        var source = path == "-" ? Text.Get("Input.Stdin") : path;

        if (json)
        {
            JsonOutput.Write(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("source", source);
                writer.WriteBoolean("valid", valid);
                if (policy is not null)
                {
                    writer.WritePropertyName("policy");
                    PolicyJson.Write(writer, policy);
                }

                writer.WritePropertyName("diagnostics");
                DiagnosticOutput.WriteJson(writer, diagnostics);
                writer.WriteEndObject();
            });
            return valid ? ExitCodes.Ok : ExitCodes.Failed;
        }

        var screen = Screen.ForStandardOutput();
        screen.Heading(Text.Get("PolicyValidate.Heading", source));
        if (policy is not null)
        {
            PolicyView.Render(screen, policy);
        }

        screen.Blank();
        DiagnosticOutput.Render(screen, diagnostics);
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = diagnostics.Count(d => d.Severity == Severity.Warning);
        screen.Status(
            valid ? (warnings > 0 ? Mark.Warning : Mark.Ok) : Mark.Error,
            valid
                ? Text.Get("PolicyValidate.Valid", warnings.ToString(CultureInfo.CurrentCulture))
                : Text.Get("PolicyValidate.Invalid", errors.ToString(CultureInfo.CurrentCulture)));
        return valid ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
