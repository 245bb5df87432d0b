using MtaSts.Server.Api;
using MtaSts.Server.Policies;

namespace MtaSts.Server.Hosting;

/// <summary>Checks the <c>Server</c> section before the server starts, so a mistake stops it with the key to fix.</summary>
internal static class ServerOptionsValidation
{
    /// <summary>Returns one problem per mistake found, each naming the configuration key; empty when the settings are usable.</summary>
    public static IReadOnlyList<SettingProblem> Validate(ServerOptions options)
    {
        var problems = new List<SettingProblem>();
        if (!options.Intake.Path.StartsWith('/'))
        {
            problems.Add(SettingProblem.Create("IntakePathRelative", "Server:Intake:Path '{0}' must start with '/', such as /tlsrpt.", options.Intake.Path));
        }

        if (IsReservedPath(options.Intake.Path))
        {
            problems.Add(SettingProblem.Create(
                "IntakePathReserved",
                "Server:Intake:Path '{0}' collides with a path the server already serves ({1}, /api, /healthz or /metrics); choose another, such as /tlsrpt.",
                options.Intake.Path,
                PolicyEndpoints.PolicyPath));
        }

        if (options.Intake.MaxBodyBytes < 1 || options.Intake.MaxReportBytes < 1)
        {
            problems.Add(SettingProblem.Create("IntakeLimitNotPositive", "Server:Intake:MaxBodyBytes and Server:Intake:MaxReportBytes must be positive numbers of bytes."));
        }

        foreach (var certificate in options.Tls.Certificates)
        {
            if (string.IsNullOrWhiteSpace(certificate.Name) || string.IsNullOrWhiteSpace(certificate.CertificateFile) || string.IsNullOrWhiteSpace(certificate.KeyFile))
            {
                problems.Add(SettingProblem.Create("CertificateIncomplete", "Server:Tls:Certificates entry '{0}' needs Name, CertificateFile and KeyFile.", certificate.Name));
            }
        }

        if (options.Smtp.Enabled && options.Smtp.Recipients.Count == 0)
        {
            problems.Add(SettingProblem.Create(
                "SmtpRecipientsEmpty",
                "Server:Smtp:Enabled is set but Server:Smtp:Recipients is empty, so every message would be rejected; add the rua mail addresses."));
        }

        foreach (var recipient in options.Smtp.Recipients)
        {
            if (!IsMailAddress(recipient))
            {
                problems.Add(SettingProblem.Create("SmtpRecipientInvalid", "Server:Smtp:Recipients entry '{0}' is not a mail address; give one such as tlsrpt@example.net.", recipient));
            }
        }

        if (options.Smtp.Port is < 0 or > 65535)
        {
            problems.Add(SettingProblem.Create("SmtpPortInvalid", "Server:Smtp:Port {0} is not a TCP port; give a number from 0 to 65535.", options.Smtp.Port));
        }

        if (!(options.Tls.ReloadCheckSeconds >= 0))
        {
            problems.Add(SettingProblem.Create(
                "ReloadCheckNegative",
                "Server:Tls:ReloadCheckSeconds {0} is negative; give 0 to check on every handshake, or a number of seconds.",
                options.Tls.ReloadCheckSeconds));
        }

        if (!(options.Dns.TimeoutSeconds > 0))
        {
            problems.Add(SettingProblem.Create("DnsTimeoutNotPositive", "Server:Dns:TimeoutSeconds {0} must be a positive number of seconds.", options.Dns.TimeoutSeconds));
        }

        if (options.Api.AdminTokenHash is { } hash && !AdminToken.IsWellFormed(hash))
        {
            problems.Add(SettingProblem.Create(
                "AdminTokenHashInvalid",
                "Server:Api:AdminTokenHash is not a hash printed by 'mtasts serve hash-token', so no token would ever match; "
                + "run that command and paste its output, or remove the key to allow loopback requests only."));
        }

        if (options.Smtp.Enabled && !System.Net.IPAddress.TryParse(options.Smtp.Address, out _))
        {
            problems.Add(SettingProblem.Create("SmtpAddressInvalid", "Server:Smtp:Address '{0}' is not an IP address; give one such as 0.0.0.0 or 127.0.0.1.", options.Smtp.Address));
        }

        if (options.Imap.Enabled && string.IsNullOrWhiteSpace(options.Imap.Mailbox))
        {
            problems.Add(SettingProblem.Create("ImapMailboxEmpty", "Server:Imap:Enabled is set but Server:Imap:Mailbox is empty; give imaps://user@host:993/INBOX."));
        }

        if (options.Imap.Enabled && string.IsNullOrEmpty(options.Imap.PasswordFile) && string.IsNullOrEmpty(options.Imap.Password))
        {
            problems.Add(SettingProblem.Create("ImapPasswordMissing", "Server:Imap:Enabled is set but no password is given; set Server:Imap:PasswordFile or Server__Imap__Password."));
        }

        if (options.Imap.Enabled && options.Imap.IntervalSeconds <= 0)
        {
            problems.Add(SettingProblem.Create("ImapIntervalNotPositive", "Server:Imap:IntervalSeconds must be a positive number of seconds."));
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
