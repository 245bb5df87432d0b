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
}
