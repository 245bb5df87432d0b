using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using MtaSts.Checks;
using MtaSts.Cli.Output;
using MtaSts.Discovery;

namespace MtaSts.Cli.Commands;

/// <summary>
/// <c>mtasts check DOMAIN</c>: checks a deployment against live DNS, HTTPS and SMTP servers.
/// Exit 0 with no error findings, 1 with errors, 2 when the check could not run.
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var domain = new Argument<string>("DOMAIN") { Description = Message("Cli.Domain") };
        var json = CommonOptions.Json();
        var dnsServers = new Option<string[]>("--dns-server") { Description = Message("Cli.DnsServer"), HelpName = Message("Cli.Placeholder.Server"), AllowMultipleArgumentsPerToken = false };
        var caFile = new Option<string?>("--ca-file") { Description = Message("Cli.CaFile"), HelpName = "PEM" };
        var timeout = new Option<string?>("--timeout") { Description = Message("Cli.Timeout"), HelpName = Message("Cli.Placeholder.Seconds") };
        var noSmtp = new Option<bool>("--no-smtp") { Description = Message("Cli.NoSmtp") };
        var policy = new Option<string?>("--policy") { Description = Message("Cli.Policy"), HelpName = Message("Cli.Placeholder.File") };
        var httpsPort = new Option<string?>("--https-port") { Description = Message("Cli.HttpsPort"), HelpName = Message("Cli.Placeholder.Port") };
        var smtpPort = new Option<string?>("--smtp-port") { Description = Message("Cli.SmtpPort"), HelpName = Message("Cli.Placeholder.Port") };

        var command = new Command("check", Message("Cli.Description"))
        {
            domain, json, dnsServers, caFile, timeout, noSmtp, policy, httpsPort, smtpPort,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var request = new CheckRequest(
                result.GetRequiredValue(domain),
                result.GetValue(dnsServers) ?? [],
                result.GetValue(caFile),
                result.GetValue(timeout),
                result.GetValue(noSmtp),
                result.GetValue(policy),
                result.GetValue(httpsPort),
                result.GetValue(smtpPort));
            return await RunAsync(request, result.GetValue(json), cancellationToken);
        });
        return command;
    }

    private sealed record CheckRequest(
        string Domain,
        string[] DnsServers,
        string? CaFile,
        string? Timeout,
        bool NoSmtp,
        string? PolicyFile,
        string? HttpsPort,
        string? SmtpPort);

    private static async Task<int> RunAsync(CheckRequest request, bool json, CancellationToken cancellationToken)
    {
        if (!DomainChecker.TryNormalizeDomain(request.Domain, out var domain, out _))
        {
            throw new CommandException(Text.Get("Error.BadDomain", request.Domain));
        }

        var timeout = ParseTimeout(request.Timeout);
        var nameServers = new List<IPEndPoint>();
        foreach (var server in request.DnsServers)
        {
            nameServers.Add(await ParseDnsServerAsync(server, cancellationToken));
        }

        byte[]? draft = null;
        if (request.PolicyFile is not null)
        {
            draft = await InputFile.ReadAsync(request.PolicyFile, PolicyFetcher.MaxPolicySize, cancellationToken);
            if (draft.Length > PolicyFetcher.MaxPolicySize)
            {
                throw new CommandException(Message("Cli.PolicyTooLarge", ("path", request.PolicyFile)));
            }
        }

        var options = new DomainCheckerOptions
        {
            HttpsPort = ParsePort("--https-port", request.HttpsPort, 443),
            SmtpPort = ParsePort("--smtp-port", request.SmtpPort, 25),
            Timeout = timeout,
            TrustAnchors = request.CaFile is null ? null : LoadAnchors(request.CaFile),
            ProbeSmtp = !request.NoSmtp,
            DraftPolicy = draft,
        };
        var resolver = new DnsClientResolver(nameServers, timeout);
        var checker = new DomainChecker(resolver, SocketTcpConnector.Instance, TimeProvider.System, options);
        CheckReport report;
        try
        {
            report = await checker.CheckAsync(domain, cancellationToken);
        }
        catch (DnsResolverUnavailableException exception)
        {
            var servers = string.Join(", ", resolver.NameServers);
            var status = FindingText.Lookup("Value.status." + exception.Status, CultureInfo.CurrentUICulture) ?? exception.Status.ToString();
            throw new CommandException(Message("Cli.DnsUnreachable", ("servers", servers), ("status", status)));
        }

        if (json)
        {
            JsonOutput.Write(writer => CheckReportJson.Write(writer, report, CultureInfo.CurrentUICulture));
        }
        else
        {
            CheckReportView.Render(Screen.ForStandardOutput(), report, CultureInfo.CurrentUICulture);
        }

        return report.HasErrors ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static TimeSpan ParseTimeout(string? value)
    {
        if (value is null)
        {
            return TimeSpan.FromSeconds(10);
        }

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || seconds > 3600)
        {
            throw new CommandException(Message("Cli.BadTimeout", ("value", value)));
        }

        return TimeSpan.FromSeconds(seconds);
    }

    private static int ParsePort(string option, string? value, int defaultPort)
    {
        if (value is null)
        {
            return defaultPort;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new CommandException(Message("Cli.BadPort", ("option", option), ("value", value)));
        }

        return port;
    }

    private static async Task<IPEndPoint> ParseDnsServerAsync(string value, CancellationToken cancellationToken)
    {
        if (IPEndPoint.TryParse(value, out var endPoint))
        {
            return endPoint.Port == 0 ? new IPEndPoint(endPoint.Address, 53) : endPoint;
        }

        // The system resolves a host name once to find the server. Every check query then goes to it.
        var parts = value.Split(':');
        var port = 53;
        if (parts.Length > 2 || parts[0].Length == 0 || (parts.Length == 2 && !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out port)) || port is < 1 or > 65535)
        {
            throw new CommandException(Message("Cli.BadDnsServer", ("value", value)));
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(parts[0], cancellationToken);
            if (addresses.Length > 0)
            {
                return new IPEndPoint(addresses[0], port);
            }
        }
        catch (System.Net.Sockets.SocketException)
        {
        }

        throw new CommandException(Message("Cli.DnsServerNotFound", ("value", value), ("host", parts[0])));
    }

    private static X509Certificate2Collection LoadAnchors(string path)
    {
        if (Directory.Exists(path))
        {
            throw new CommandException(Text.Get("Error.PathIsFolder", path));
        }

        if (!File.Exists(path))
        {
            throw new CommandException(Text.Get("Error.FileNotFound", path));
        }

        var anchors = new X509Certificate2Collection();
        try
        {
            anchors.ImportFromPemFile(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new CommandException(Message("Cli.BadCaFile", ("path", path), ("error", exception.Message.TrimEnd('.'))));
        }

        if (anchors.Count == 0)
        {
            throw new CommandException(Message("Cli.BadCaFile", ("path", path), ("error", "no CERTIFICATE block")));
        }

        return anchors;
    }

    /// <summary>Returns the check catalog's text <paramref name="key"/> in the current language, filled with <paramref name="values"/>.</summary>
    internal static string Message(string key, params (string Name, string Value)[] values)
    {
        var template = FindingText.Lookup(key, CultureInfo.CurrentUICulture) ?? key;
        return FindingText.Fill(template, values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal));
    }
}

/// <summary>Renders a check report as sections of ✓ / ⚠ / ✗ lines, each with its values and advice, and the verdict last.</summary>
internal static class CheckReportView
{
    public static void Render(Screen screen, CheckReport report, CultureInfo culture)
    {
        screen.Heading(CheckCommand.Message("Cli.Heading", ("domain", report.Domain)));
        foreach (var section in report.Findings.GroupBy(f => f.Section))
        {
            screen.Blank();
            screen.Subheading(FindingText.Lookup("Section." + section.Key, culture) ?? section.Key.ToString());
            foreach (var finding in section)
            {
                screen.Status(ToMark(finding.Severity), finding.GetMessage(culture), Detail(finding, culture));
            }
        }

        screen.Blank();
        var errors = report.Findings.Count(f => f.Severity == FindingSeverity.Error);
        var warnings = report.Findings.Count(f => f.Severity == FindingSeverity.Warning);
        screen.Paragraph(CheckCommand.Message(
            "Cli.Summary",
            ("errors", errors.ToString(culture)),
            ("warnings", warnings.ToString(culture)),
            ("seconds", report.Elapsed.TotalSeconds.ToString("0.0", culture))));
        var label = FindingText.Lookup("Label.Verdict", culture);
        screen.Status(ToMark(report.Verdict.Severity), $"{label}: {report.Verdict.GetMessage(culture)}");
    }

    private static string Detail(Finding finding, CultureInfo culture)
    {
        var location = finding.Rfc is null ? $"{finding.Subject} · {finding.Code}" : $"{finding.Subject} · {finding.Code}, {finding.Rfc}";
        var advice = finding.Severity == FindingSeverity.Ok ? null : finding.GetAdvice(culture);
        return advice is null ? location : $"{location}\n{FindingText.Lookup("Label.Advice", culture)}: {advice}";
    }

    private static Mark ToMark(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Ok => Mark.Ok,
        FindingSeverity.Warning => Mark.Warning,
        FindingSeverity.Error => Mark.Error,
        _ => Mark.Info,
    };
}

/// <summary>Writes a check report as the JSON documented in <c>docs/check-json.md</c>.</summary>
internal static class CheckReportJson
{
    public static void Write(Utf8JsonWriter writer, CheckReport report, CultureInfo culture)
    {
        writer.WriteStartObject();
        writer.WriteString("domain", report.Domain);
        writer.WriteBoolean("ok", !report.HasErrors);
        writer.WriteNumber("errors", report.Findings.Count(f => f.Severity == FindingSeverity.Error));
        writer.WriteNumber("warnings", report.Findings.Count(f => f.Severity == FindingSeverity.Warning));
        writer.WriteNumber("elapsed_ms", (long)report.Elapsed.TotalMilliseconds);

        writer.WritePropertyName("verdict");
        writer.WriteStartObject();
        writer.WriteString("code", report.Verdict.Code);
        writer.WriteString("severity", Name(report.Verdict.Severity));
        writer.WriteString("message", report.Verdict.GetMessage(culture));
        if (report.Verdict.Cause is { } cause)
        {
            writer.WriteString("cause", cause.Code);
        }
        else
        {
            writer.WriteNull("cause");
        }

        writer.WriteEndObject();

        writer.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            WriteFinding(writer, finding, culture);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter writer, Finding finding, CultureInfo culture)
    {
        writer.WriteStartObject();
        writer.WriteString("code", finding.Code);
        writer.WriteString("severity", Name(finding.Severity));
        writer.WriteString("section", finding.Section.ToString().ToLowerInvariant());
        writer.WriteString("subject", finding.Subject);
        if (finding.Rfc is null)
        {
            writer.WriteNull("rfc");
        }
        else
        {
            writer.WriteString("rfc", finding.Rfc);
        }

        writer.WritePropertyName("values");
        writer.WriteStartObject();
        foreach (var (name, value) in finding.Values)
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
        writer.WriteString("message", finding.GetMessage(culture));
        var advice = finding.GetAdvice(culture);
        if (advice is null)
        {
            writer.WriteNull("advice");
        }
        else
        {
            writer.WriteString("advice", advice);
        }

        writer.WriteEndObject();
    }

    private static string Name(FindingSeverity severity) => severity.ToString().ToLowerInvariant();
}
