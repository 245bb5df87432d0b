using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using MtaSts.Server.Hosting;
using MtaSts.Server.Intake;
using MtaSts.Server.Logging;
using MtaSts.Server.Tls;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace MtaSts.Server.Smtp;

/// <summary>
/// The SMTP listener for reports delivered by mail (RFC 8460 §5.3): accepts mail only for the
/// configured recipients, offers STARTTLS with the certificate of <see cref="SmtpOptions.CertificateName"/>,
/// and acknowledges a message only after its report is stored.
/// </summary>
internal sealed class SmtpIntakeService(
    IOptions<ServerOptions> options,
    CertificateStore certificates,
    ReportIntakeService intake,
    ILogger<SmtpIntakeService> logger) : IHostedService, IDisposable
{
    private readonly SmtpOptions _options = options.Value.Smtp;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource<EndPoint> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SmtpServer.SmtpServer? _server;
    private Task _running = Task.CompletedTask;

    /// <summary>The address and port the listener is bound to, once started; the configured port may be 0.</summary>
    public EndPoint? LocalEndPoint => _listening.Task.IsCompletedSuccessfully ? _listening.Task.Result : null;

    /// <summary>Starts the listener and returns once its port is bound, so the server is ready when the host has started.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var endpoint = new IPEndPoint(IPAddress.Parse(_options.Address), _options.Port);
        var certificateName = _options.CertificateName ?? _options.ServerName;
        var serverOptions = new SmtpServerOptionsBuilder()
            .ServerName(_options.ServerName)
            .CustomSmtpGreeting(IntakeSmtpCommands.Banner)
            .MaxAuthenticationAttempts(1)
            .MaxMessageSize(_options.MaxMessageBytes, MaxMessageSizeHandling.Strict)
            .Endpoint(builder =>
            {
                builder.Endpoint(endpoint).IsSecure(false).SupportedSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13);
                if (certificates.Select(certificateName) is not null)
                {
                    builder.Certificate(new StoreCertificateFactory(certificates, certificateName));
                }
            })
            .Build();

        var recipients = _options.Recipients.Select(r => r.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var listeners = new SmtpServer.Net.EndpointListenerFactory();
        listeners.EndpointStarted += (_, e) => _listening.TrySetResult(e.LocalEndPoint);
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new IntakeSmtpCommands());
        services.Add(new RejectingAuthenticator());
        services.Add(new RecipientFilter(recipients, logger));
        services.Add(new ReportMessageStore(intake, logger));

        _server = new SmtpServer.SmtpServer(serverOptions, services);
        _running = RunAsync(_server);
        await Task.WhenAny(_listening.Task, _running).WaitAsync(cancellationToken);
        if (!_listening.Task.IsCompleted)
        {
            // The listener stopped before binding its port: RunAsync logged why.
            await _running;
            throw new InvalidOperationException($"The SMTP listener on {endpoint} stopped before it started.");
        }

        Log.SmtpListening(logger, _listening.Task.Result.ToString() ?? endpoint.ToString(), string.Join(", ", recipients));
    }

    /// <summary>Stops accepting sessions and waits for the listener to end.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _server?.Shutdown();
        await _stopping.CancelAsync();
        await _running.WaitAsync(cancellationToken);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RunAsync(SmtpServer.SmtpServer server)
    {
        try
        {
            await server.StartAsync(_stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping the host cancels the listener; nothing to report.
        }
        catch (Exception e)
        {
            Log.SmtpFailed(logger, e);
            throw;
        }
    }

    /// <summary>Returns the envelope sender and, when known, the remote address of a session, for logs.</summary>
    internal static string DescribePeer(ISessionContext context, IMailbox? from)
    {
        var remote = context.Properties.TryGetValue("EndpointListener:RemoteEndPoint", out var value) ? value?.ToString() : null;
        var sender = from is null ? null : $"{from.User}@{from.Host}";
        return string.Join(' ', new[] { sender, remote }.Where(s => !string.IsNullOrEmpty(s)));
    }

    private sealed class StoreCertificateFactory(CertificateStore certificates, string name) : ICertificateFactory
    {
        // The store reloads the certificate when its files change, as for HTTPS.
        public X509Certificate GetServerCertificate(ISessionContext sessionContext) =>
            certificates.Select(name)?.TargetCertificate ?? throw new AuthenticationException($"The certificate for '{name}' is no longer available.");
    }

    private sealed class RecipientFilter(HashSet<string> recipients, ILogger logger) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            var address = $"{to.User}@{to.Host}".ToLowerInvariant();
            if (recipients.Contains(address))
            {
                return Task.FromResult(true);
            }

            Log.SmtpRecipientRejected(logger, address, DescribePeer(context, from));
            throw new SmtpResponseException(new SmtpResponse(
                SmtpReplyCode.MailboxUnavailable,
                $"5.1.1 <{address}>: this server accepts only TLS reports, for {string.Join(", ", recipients)}"));
        }
    }
}
