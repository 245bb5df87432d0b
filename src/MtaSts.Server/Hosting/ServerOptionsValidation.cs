using MtaSts.Server.Api;
using MtaSts.Server.Policies;

namespace MtaSts.Server.Hosting;

/// <summary>Checks the <c>Server</c> section before the server starts, so a mistake stops it with the key to fix.</summary>
internal static class ServerOptionsValidation
{
    /// <summary>Returns one message per problem found, each naming the configuration key; empty when the settings are usable.</summary>
    public static IReadOnlyList<string> Validate(ServerOptions options)
    {
        var problems = new List<string>();
        if (!options.Intake.Path.StartsWith('/'))
        {
            problems.Add($"Server:Intake:Path '{options.Intake.Path}' must start with '/', such as /tlsrpt.");
        }

        if (IsReservedPath(options.Intake.Path))
        {
            problems.Add($"Server:Intake:Path '{options.Intake.Path}' collides with a path the server already serves "
                + $"({PolicyEndpoints.PolicyPath}, /api, /healthz or /metrics); choose another, such as /tlsrpt.");
        }

        if (options.Intake.MaxBodyBytes < 1 || options.Intake.MaxReportBytes < 1)
        {
            problems.Add("Server:Intake:MaxBodyBytes and Server:Intake:MaxReportBytes must be positive numbers of bytes.");
        }

        foreach (var certificate in options.Tls.Certificates)
        {
            if (string.IsNullOrWhiteSpace(certificate.Name) || string.IsNullOrWhiteSpace(certificate.CertificateFile) || string.IsNullOrWhiteSpace(certificate.KeyFile))
            {
                problems.Add($"Server:Tls:Certificates entry '{certificate.Name}' needs Name, CertificateFile and KeyFile.");
            }
        }

        if (options.Smtp.Enabled && options.Smtp.Recipients.Count == 0)
        {
            problems.Add("Server:Smtp:Enabled is set but Server:Smtp:Recipients is empty, so every message would be rejected; add the rua mail addresses.");
        }

        foreach (var recipient in options.Smtp.Recipients)
        {
            if (!IsMailAddress(recipient))
            {
                problems.Add($"Server:Smtp:Recipients entry '{recipient}' is not a mail address; give one such as tlsrpt@example.net.");
            }
        }

        if (options.Smtp.Port is < 0 or > 65535)
        {
            problems.Add($"Server:Smtp:Port {options.Smtp.Port} is not a TCP port; give a number from 0 to 65535.");
        }

        if (!(options.Tls.ReloadCheckSeconds >= 0))
        {
            problems.Add($"Server:Tls:ReloadCheckSeconds {options.Tls.ReloadCheckSeconds} is negative; give 0 to check on every handshake, or a number of seconds.");
        }

        if (!(options.Dns.TimeoutSeconds > 0))
        {
            problems.Add($"Server:Dns:TimeoutSeconds {options.Dns.TimeoutSeconds} must be a positive number of seconds.");
        }

        if (options.Api.AdminTokenHash is { } hash && !AdminToken.IsWellFormed(hash))
        {
            problems.Add("Server:Api:AdminTokenHash is not a hash printed by 'mtasts serve hash-token', so no token would ever match; "
                + "run that command and paste its output, or remove the key to allow loopback requests only.");
        }

        if (options.Smtp.Enabled && !System.Net.IPAddress.TryParse(options.Smtp.Address, out _))
        {
            problems.Add($"Server:Smtp:Address '{options.Smtp.Address}' is not an IP address; give one such as 0.0.0.0 or 127.0.0.1.");
        }

        if (options.Imap.Enabled && string.IsNullOrWhiteSpace(options.Imap.Mailbox))
        {
            problems.Add("Server:Imap:Enabled is set but Server:Imap:Mailbox is empty; give imaps://user@host:993/INBOX.");
        }

        if (options.Imap.Enabled && string.IsNullOrEmpty(options.Imap.PasswordFile) && string.IsNullOrEmpty(options.Imap.Password))
        {
            problems.Add("Server:Imap:Enabled is set but no password is given; set Server:Imap:PasswordFile or Server__Imap__Password.");
        }

        if (options.Imap.Enabled && options.Imap.IntervalSeconds <= 0)
        {
            problems.Add("Server:Imap:IntervalSeconds must be a positive number of seconds.");
        }

        return problems;
    }

    private static bool IsReservedPath(string path)
    {
        var trimmed = path.TrimEnd('/');
        return string.Equals(trimmed, PolicyEndpoints.PolicyPath, StringComparison.OrdinalIgnoreCase)
            || trimmed.Length == 0
            || IsSameOrBelow(trimmed, "/api")
            || IsSameOrBelow(trimmed, "/healthz")
            || IsSameOrBelow(trimmed, "/metrics");
    }

    private static bool IsSameOrBelow(string path, string prefix) =>
        string.Equals(path, prefix, StringComparison.OrdinalIgnoreCase)
        || path.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase);

    // An address without display name or comments, as an SMTP envelope carries it.
    private static bool IsMailAddress(string value) =>
        System.Net.Mail.MailAddress.TryCreate(value.Trim(), out var address)
        && address.DisplayName.Length == 0
        && string.Equals(address.Address, value.Trim(), StringComparison.OrdinalIgnoreCase);
}
