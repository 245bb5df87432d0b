namespace MtaSts.Tests.EndToEnd;

/// <summary>
/// Debian's <c>postfix</c> as an MX on 127.0.0.1 with STARTTLS, run from its own configuration
/// and queue folders (<c>postfix -c DIR start-fg</c>). Needs root, like any Postfix master.
/// </summary>
public sealed class PostfixServer : TemporaryDaemon
{
    private PostfixServer(string folder, int port)
        : base(folder)
    {
        Port = port;
    }

    public int Port { get; }

    /// <summary>Starts Postfix as <paramref name="hostName"/>, offering STARTTLS with the given certificate and key when they are not null.</summary>
    public static async Task<PostfixServer> StartAsync(string hostName, string? certificatePem, string? keyPem)
    {
        var postfix = Daemons.RequireBinary("postfix");
        var folder = Daemons.CreateFolder("mtasts-postfix-");
        var config = Path.Combine(folder, "conf");
        var queue = Path.Combine(folder, "queue");
        Directory.CreateDirectory(config);
        Directory.CreateDirectory(queue);
        Directory.CreateDirectory(Path.Combine(folder, "data"));
        var port = Daemons.FindFreePort();

        var tls = string.Empty;
        if (certificatePem is not null && keyPem is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(config, "cert.pem"), certificatePem);
            await File.WriteAllTextAsync(Path.Combine(config, "key.pem"), keyPem);
            tls = $"""
                smtpd_tls_cert_file = {config}/cert.pem
                smtpd_tls_key_file = {config}/key.pem
                smtpd_tls_security_level = may
                """;
        }

        // No DNS, no local delivery, no aliases: the MX only has to greet, answer EHLO and run
        // STARTTLS. maillog_file goes to the master's standard output (start-fg).
        var main = $"""
            compatibility_level = 3.6
            queue_directory = {queue}
            data_directory = {folder}/data
            mail_owner = postfix
            setgid_group = postdrop
            myhostname = {hostName}
            mydestination =
            relay_domains =
            local_recipient_maps =
            alias_maps =
            alias_database =
            smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
            smtpd_peername_lookup = no
            smtp_dns_support_level = disabled
            inet_interfaces = 127.0.0.1
            inet_protocols = ipv4
            maillog_file = /dev/stdout
            smtpd_banner = $myhostname ESMTP
            {tls}
            """;
        await File.WriteAllTextAsync(Path.Combine(config, "main.cf"), main);

        var master = $"""
            127.0.0.1:{port} inet n - n - - smtpd
            pickup    unix  n - n 60 1 pickup
            cleanup   unix  n - n - 0 cleanup
            qmgr      unix  n - n 300 1 qmgr
            tlsmgr    unix  - - n 1000? 1 tlsmgr
            rewrite   unix  - - n - - trivial-rewrite
            bounce    unix  - - n - 0 bounce
            defer     unix  - - n - 0 bounce
            trace     unix  - - n - 0 bounce
            verify    unix  - - n - 1 verify
            flush     unix  n - n 1000? 0 flush
            proxymap  unix  - - n - - proxymap
            smtp      unix  - - n - - smtp
            relay     unix  - - n - - smtp
            showq     unix  n - n - - showq
            error     unix  - - n - - error
            retry     unix  - - n - - error
            discard   unix  - - n - - discard
            local     unix  - n n - - local
            anvil     unix  - - n - 1 anvil
            scache    unix  - - n - 1 scache
            postlog   unix-dgram n - n - 1 postlogd
            """;
        await File.WriteAllTextAsync(Path.Combine(config, "master.cf"), master + "\n");

        await DaemonProcess.RunAsync("chown", "postfix", Path.Combine(folder, "data"));
        await DaemonProcess.RunAsync(postfix, "-c", config, "set-permissions", "create-missing");

        var process = DaemonProcess.Start(
            postfix,
            ["-c", config, "start-fg"],
            stop: () => DaemonProcess.RunAsync(postfix, "-c", config, "stop"));
        var server = new PostfixServer(folder, port);
        await server.AttachAsync(process, port, TimeSpan.FromSeconds(30));
        return server;
    }
}
