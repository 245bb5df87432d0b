using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace MtaSts.Tests.Lab;

/// <summary>How a lab MX behaves; each property models one way real servers misbehave.</summary>
public sealed class SmtpBehavior
{
    public string Banner { get; set; } = "220 lab ESMTP ready";

    public TimeSpan BannerDelay { get; set; }

    /// <summary>Delay before every reply after the banner, to model a slow network.</summary>
    public TimeSpan ReplyDelay { get; set; }

    /// <summary>The EHLO reply lines after the greeting line; STARTTLS is added when <see cref="OfferStartTls"/> is set.</summary>
    public List<string> Extensions { get; set; } = ["PIPELINING", "SIZE 10240000", "8BITMIME"];

    public bool OfferStartTls { get; set; } = true;

    public string? EhloReply { get; set; }

    public string StartTlsReply { get; set; } = "220 2.0.0 Ready to start TLS";

    public X509Certificate2? Certificate { get; set; }

    /// <summary>Intermediate certificates sent after <see cref="Certificate"/>.</summary>
    public X509Certificate2Collection? Intermediates { get; set; }

    public SslProtocols Protocols { get; set; } = SslProtocols.None;

    /// <summary>Answers STARTTLS with 220 but then sends a plain-text line instead of a TLS handshake.</summary>
    public bool PlainTextAfterStartTls { get; set; }
}

/// <summary>A STARTTLS SMTP server on one loopback address that misbehaves as its <see cref="SmtpBehavior"/> sets.</summary>
public sealed class LabSmtpServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();

    public LabSmtpServer(IPAddress address, int port, SmtpBehavior behavior)
    {
        Behavior = behavior;
        _listener = new TcpListener(address, port);
        _listener.Start();
        EndPoint = (IPEndPoint)_listener.LocalEndpoint;
        _ = AcceptLoopAsync();
    }

    public IPEndPoint EndPoint { get; }

    public SmtpBehavior Behavior { get; }

    /// <summary>The SNI names clients sent in their TLS handshakes.</summary>
    public List<string> ServerNames { get; } = [];

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await RunSessionAsync(client.GetStream(), _stop.Token);
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException or AuthenticationException or ObjectDisposedException)
            {
                // The client hung up or the handshake failed, which is what some scenarios test.
            }
        }
    }

    private async Task RunSessionAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (Behavior.BannerDelay > TimeSpan.Zero)
        {
            await Task.Delay(Behavior.BannerDelay, cancellationToken);
        }

        await WriteAsync(stream, Behavior.Banner, cancellationToken);
        var reader = new StreamReader(stream, Encoding.ASCII, false, 1, leaveOpen: true);
        var secured = false;
        while (true)
        {
            // A client sends nothing after STARTTLS until it reads the reply, so this reader
            // never buffers bytes of the TLS ClientHello.
            var line = await reader.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                return;
            }

            if (Behavior.ReplyDelay > TimeSpan.Zero)
            {
                await Task.Delay(Behavior.ReplyDelay, cancellationToken);
            }

            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await WriteAsync(stream, Behavior.EhloReply ?? BuildEhloReply(secured), cancellationToken);
                    break;
                case "STARTTLS" when !secured:
                    await WriteAsync(stream, Behavior.StartTlsReply, cancellationToken);
                    if (!Behavior.StartTlsReply.StartsWith("220", StringComparison.Ordinal))
                    {
                        break;
                    }

                    if (Behavior.PlainTextAfterStartTls)
                    {
                        await WriteAsync(stream, "500 5.5.1 plain text where TLS should be", cancellationToken);
                        return;
                    }

                    var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                    await tls.AuthenticateAsServerAsync(
                        new SslServerAuthenticationOptions
                        {
                            ServerCertificateContext = SslStreamCertificateContext.Create(Behavior.Certificate!, Behavior.Intermediates, offline: true),
                            EnabledSslProtocols = Behavior.Protocols,
                        },
                        cancellationToken);
                    lock (ServerNames)
                    {
                        ServerNames.Add(tls.TargetHostName);
                    }

                    stream = tls;
                    reader = new StreamReader(stream, Encoding.ASCII, false, 1, leaveOpen: true);
                    secured = true;
                    break;
                case "QUIT":
                    await WriteAsync(stream, "221 2.0.0 Bye", cancellationToken);
                    return;
                default:
                    await WriteAsync(stream, "502 5.5.2 Command not implemented", cancellationToken);
                    break;
            }
        }
    }

    private string BuildEhloReply(bool secured)
    {
        var lines = new List<string> { "lab.example.test greets you" };
        lines.AddRange(Behavior.Extensions);
        if (Behavior.OfferStartTls && !secured)
        {
            // Not the last line, so a reader that only looks at the final line misses it.
            lines.Insert(Math.Min(2, lines.Count), "STARTTLS");
        }

        return string.Join("\r\n", lines.Select((l, i) => (i == lines.Count - 1 ? "250 " : "250-") + l));
    }

    private static async Task WriteAsync(Stream stream, string reply, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(reply + "\r\n"), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}
