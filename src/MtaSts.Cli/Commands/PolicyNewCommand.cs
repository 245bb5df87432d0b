using System.CommandLine;
using System.Globalization;
using MtaSts.Cli.Output;
using MtaSts.Diagnostics;
using MtaSts.Policies;
using MtaSts.Records;

namespace MtaSts.Cli.Commands;

/// <summary>
/// <c>mtasts policy new DOMAIN --mx HOST…</c>: writes a policy file and prints the DNS records
/// to publish and the URL the file must be served at.
/// </summary>
internal static class PolicyNewCommand
{
    // One week: long enough to protect between visits of a sender, short enough to undo a
    // mistake while the policy is still in testing.
    private const long DefaultMaxAge = 604800;

    public static Command Create()
    {
        var domain = new Argument<string>("DOMAIN") { Description = Text.Get("PolicyNew.Domain") };
        var mx = new Option<string[]>("--mx")
        {
            Description = Text.Get("PolicyNew.Mx"),
            Required = true,
            AllowMultipleArgumentsPerToken = true,
            HelpName = "HOST",
        };
        var mode = new Option<string>("--mode")
        {
            Description = Text.Get("PolicyNew.Mode"),
            DefaultValueFactory = _ => "testing",
            HelpName = "testing|enforce|none",
        };
        mode.AcceptOnlyFromAmong("testing", "enforce", "none");
        // Parsed here rather than by the option, so a bad value gets a message naming the fix.
        var maxAge = new Option<string>("--max-age")
        {
            Description = Text.Get("PolicyNew.MaxAge"),
            DefaultValueFactory = _ => DefaultMaxAge.ToString(CultureInfo.InvariantCulture),
            HelpName = "SECONDS",
        };
        var rua = new Option<string[]>("--rua")
        {
            Description = Text.Get("PolicyNew.Rua"),
            AllowMultipleArgumentsPerToken = true,
            HelpName = "URI",
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = Text.Get("PolicyNew.Output"),
            DefaultValueFactory = _ => "mta-sts.txt",
            HelpName = "FILE",
        };
        var force = new Option<bool>("--force") { Description = Text.Get("PolicyNew.Force") };
        var json = CommonOptions.Json();

        var command = new Command("new", Text.Get("PolicyNew.Description")) { domain, mx, mode, maxAge, rua, output, force, json };
        command.SetAction((result, cancellationToken) => RunAsync(
            new Request(
                result.GetRequiredValue(domain),
                result.GetRequiredValue(mx),
                result.GetRequiredValue(mode),
                result.GetRequiredValue(maxAge),
                result.GetValue(rua) ?? [],
                result.GetRequiredValue(output),
                result.GetValue(force)),
            result.GetValue(json),
            cancellationToken));
        return command;
    }

    private sealed record Request(string Domain, string[] Mx, string Mode, string MaxAge, string[] Rua, string Output, bool Force);

    private static async Task<int> RunAsync(Request request, bool json, CancellationToken cancellationToken)
    {
        if (request.Output == "-")
        {
            throw new CommandException(Text.Get("PolicyNew.OutputStdout"));
        }

        var domain = DomainNames.ToPolicyDomain(request.Domain);
        var policy = BuildPolicy(request);
        var stsRecord = StsRecord.Create(StsRecord.NewId(DateTimeOffset.UtcNow));
        var tlsRptRecord = request.Rua.Length == 0 ? null : TlsRptRecord.Create(ParseReportUris(request.Rua));
        var url = $"https://mta-sts.{domain}/.well-known/mta-sts.txt";

        await WritePolicyFileAsync(request.Output, request.Force, policy.Write(), cancellationToken);

        if (json)
        {
            JsonOutput.Write(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("domain", domain);
                writer.WriteString("file", Path.GetFullPath(request.Output));
                writer.WriteString("url", url);
                writer.WritePropertyName("policy");
                PolicyJson.Write(writer, policy);
                writer.WriteString("content", policy.Write());
                writer.WriteStartArray("records");
                WriteRecordJson(writer, $"_mta-sts.{domain}", stsRecord.ToString());
                if (tlsRptRecord is not null)
                {
                    WriteRecordJson(writer, $"_smtp._tls.{domain}", tlsRptRecord.ToString());
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            });
            return ExitCodes.Ok;
        }

        var screen = Screen.ForStandardOutput();
        screen.Heading(Text.Get("PolicyNew.Heading", domain));
        screen.Status(Mark.Ok, Text.Get("PolicyNew.Written", request.Output));
        PolicyView.Render(screen, policy);
        screen.Blank();
        screen.Subheading(Text.Get("PolicyNew.PublishHeading"));
        screen.Paragraph(Text.Get("PolicyNew.PublishIntro"));
        screen.Paragraph($"_mta-sts.{domain}.  IN TXT \"{stsRecord}\"", 1);
        if (tlsRptRecord is not null)
        {
            screen.Paragraph($"_smtp._tls.{domain}.  IN TXT \"{tlsRptRecord}\"", 1);
        }

        screen.Blank();
        screen.Subheading(Text.Get("PolicyNew.ServeHeading"));
        screen.Paragraph(Text.Get("PolicyNew.ServeIntro", request.Output, url));
        screen.Blank();
        if (tlsRptRecord is null)
        {
            screen.Status(Mark.Warning, Text.Get("PolicyNew.NoRua"));
        }

        var next = policy.Mode switch
        {
            PolicyMode.Testing => "PolicyNew.NextTesting",
            PolicyMode.Enforce => "PolicyNew.NextEnforce",
            _ => "PolicyNew.NextNone",
        };
        screen.Paragraph(Text.Get(next));
        return ExitCodes.Ok;
    }

    private static StsPolicy BuildPolicy(Request request)
    {
        var patterns = new List<MxPattern>();
        foreach (var host in request.Mx)
        {
            if (!MxPattern.TryParse(host, out var pattern, out var diagnostics))
            {
                throw new CommandException(Text.Get("PolicyNew.BadMx", host, FirstError(diagnostics)));
            }

            patterns.Add(pattern);
        }

        if (!long.TryParse(request.MaxAge, NumberStyles.None, CultureInfo.InvariantCulture, out var maxAge) || maxAge is < 1 or > StsPolicy.MaxAgeLimit)
        {
            throw new CommandException(Text.Get("PolicyNew.BadMaxAge", request.MaxAge, StsPolicy.MaxAgeLimit.ToString(CultureInfo.InvariantCulture)));
        }

        var mode = Enum.Parse<PolicyMode>(request.Mode, ignoreCase: true);
        return StsPolicy.Create(mode, patterns.Distinct(), maxAge);
    }

    private static List<Uri> ParseReportUris(string[] values)
    {
        var uris = new List<Uri>();
        foreach (var value in values)
        {
            var record = $"v=TLSRPTv1; rua={value}";
            if (!TlsRptRecord.TryParse(record, out var parsed, out var diagnostics))
            {
                throw new CommandException(Text.Get("PolicyNew.BadRua", value, FirstError(diagnostics)));
            }

            uris.AddRange(parsed.ReportUris);
        }

        return uris;
    }

    private static string FirstError(IReadOnlyList<Diagnostic> diagnostics) =>
        diagnostics.FirstOrDefault(d => d.Severity == Severity.Error)?.Describe(CultureInfo.CurrentUICulture) ?? string.Empty;

    private static async Task WritePolicyFileAsync(string path, bool force, string content, CancellationToken cancellationToken)
    {
        if (!force && File.Exists(path))
        {
            throw new CommandException(Text.Get("PolicyNew.FileExists", path));
        }

        try
        {
            await File.WriteAllTextAsync(path, content, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandException(Text.Get("Error.FileWriteFailed", path, e.Message));
        }
    }

    private static void WriteRecordJson(System.Text.Json.Utf8JsonWriter writer, string name, string value)
    {
        writer.WriteStartObject();
        writer.WriteString("name", name);
        writer.WriteString("type", "TXT");
        writer.WriteString("value", value);
        writer.WriteEndObject();
    }
}
