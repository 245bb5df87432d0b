using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Xunit;

namespace MtaSts.Storage.Tests;

/// <summary>
/// A private Debian dovecot IMAP server on 127.0.0.1, configured in a temporary folder: implicit
/// TLS with a certificate from a CA made at test time, one passwd-file user, and a Maildir.
/// </summary>
internal sealed class DovecotServer : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/dovecot";
    public const string User = "tester";
    public const string Password = "test-password";

    private readonly Process _process;

    private DovecotServer(string folder, int port, Process process)
    {
        Folder = folder;
        Port = port;
        _process = process;
    }

    public string Folder { get; }

    public int Port { get; }

    /// <summary>The PEM file of the CA that signed the server certificate.</summary>
    public string CaFile => Path.Combine(Folder, "ca.pem");

    /// <summary>The user's Maildir; INBOX is the top folder and Processed a Maildir++ subfolder.</summary>
    public string Maildir => Path.Combine(Folder, "home", User, "Maildir");

    /// <summary>Returns why the IMAP tests skip, or <see langword="null"/> when they run; under <c>CI=true</c> they never skip.</summary>
    public static string? SkipReason()
    {
        if (File.Exists(Binary) || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return $"{Binary} is missing; run .ci/install-storage.sh (Debian dovecot-imapd) to test IMAP import.";
    }

    /// <summary>Starts dovecot with <paramref name="inboxMails"/> delivered to INBOX.</summary>
    public static async Task<DovecotServer> StartAsync(params string[] inboxMails)
    {
        var folder = Path.Combine(Path.GetTempPath(), "mtasts-dovecot", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);

        // dovecot's login and auth processes run as other users and must reach the files.
        await RunAsync("chmod", "755", Path.GetDirectoryName(folder)!, folder);

        WriteCertificates(folder);
        var port = FreePort();
        var (mailUid, mailGid, internalUser) = Accounts();
        File.WriteAllText(Path.Combine(folder, "users"), $"{User}:{{PLAIN}}{Password}\n");
        File.WriteAllText(Path.Combine(folder, "dovecot.conf"), Config(folder, port, mailUid, mailGid, internalUser));

        var maildir = Path.Combine(folder, "home", User, "Maildir");
        foreach (var sub in new[] { "cur", "new", "tmp", ".Processed/cur", ".Processed/new", ".Processed/tmp" })
        {
            Directory.CreateDirectory(Path.Combine(maildir, sub));
        }

        for (var i = 0; i < inboxMails.Length; i++)
        {
            File.Copy(inboxMails[i], Path.Combine(maildir, "new", $"17000000{i:D2}.M{i}P1.test"));
        }

        await RunAsync("chown", "-R", $"{mailUid}:{mailGid}", Path.Combine(folder, "home"));

        var start = new ProcessStartInfo(Binary) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-F", "-c", Path.Combine(folder, "dovecot.conf") })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        var server = new DovecotServer(folder, port, process);
        await server.WaitUntilListeningAsync();
        return server;
    }

    public string Url(string folder = "INBOX") => $"imaps://{User}@127.0.0.1:{Port}/{folder}";

    /// <summary>Counts the messages in a Maildir folder (<c>""</c> for INBOX).</summary>
    public int CountMessages(string subfolder = "")
    {
        var root = subfolder.Length == 0 ? Maildir : Path.Combine(Maildir, "." + subfolder);
        return Directory.GetFiles(Path.Combine(root, "cur")).Length + Directory.GetFiles(Path.Combine(root, "new")).Length;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // "dovecot stop" makes the master stop its login and auth processes too.
            await RunAsync(Binary, "-c", Path.Combine(Folder, "dovecot.conf"), "stop");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                var log = File.Exists(Path.Combine(Folder, "dovecot.log")) ? File.ReadAllText(Path.Combine(Folder, "dovecot.log")) : string.Empty;
                throw new InvalidOperationException($"dovecot exited with {_process.ExitCode}: {await _process.StandardError.ReadToEndAsync()} {log}");
            }

            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"dovecot did not listen on 127.0.0.1:{Port} within 20 s.");
    }

    private static string Config(string folder, int port, int mailUid, int mailGid, string internalUser) => $$"""
        base_dir = {{folder}}/run
        state_dir = {{folder}}/state
        log_path = {{folder}}/dovecot.log
        protocols = imap
        listen = 127.0.0.1
        ssl = required
        ssl_cert = <{{folder}}/server.pem
        ssl_key = <{{folder}}/server.key
        ssl_min_protocol = TLSv1.2
        auth_mechanisms = plain
        first_valid_uid = 1
        default_internal_user = {{internalUser}}
        default_internal_group = {{internalUser}}
        default_login_user = {{internalUser}}
        passdb {
          driver = passwd-file
          args = username_format=%u {{folder}}/users
        }
        userdb {
          driver = static
          args = uid={{mailUid}} gid={{mailGid}} home={{folder}}/home/%u
        }
        mail_location = maildir:~/Maildir
        namespace inbox {
          inbox = yes
          separator = /
        }
        service imap-login {
          inet_listener imap {
            port = 0
          }
          inet_listener imaps {
            address = 127.0.0.1
            port = {{port}}
            ssl = yes
          }
        }
        service anvil {
          chroot =
        }
        service imap-login {
          chroot =
        }
        """;

    // As root, mail belongs to nobody and dovecot's own processes run as its Debian users;
    // as anyone else, everything runs as that user.
    private static (int Uid, int Gid, string InternalUser) Accounts()
    {
        var uid = IdOf("Uid:");
        return uid == 0 ? (65534, 65534, "dovecot") : (uid, IdOf("Gid:"), Environment.UserName);
    }

    private static void WriteCertificates(string folder)
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=mtasts test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        using var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var server = serverRequest.Create(ca, now.AddMinutes(-5), now.AddDays(1), RandomNumberGenerator.GetBytes(8));

        File.WriteAllText(Path.Combine(folder, "ca.pem"), ca.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "server.pem"), server.ExportCertificatePem() + "\n" + ca.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "server.key"), serverKey.ExportPkcs8PrivateKeyPem());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} failed: {error}");
    }

    // The real id of this process, from the "Uid:" or "Gid:" line of /proc/self/status (Linux).
    private static int IdOf(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return int.Parse(line[field.Length..].Split('\t', StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
