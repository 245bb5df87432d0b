using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;

namespace MtaSts.Discovery;

/// <summary>
/// Connects to an MX address on the SMTP port, reads the greeting, sends EHLO and STARTTLS and
/// runs the TLS handshake with SNI set to the MX host, as a sender applying RFC 8461 §4 does.
/// </summary>
public sealed class SmtpProbe
{
    private readonly ITcpConnector _connector;
    private readonly CertificateValidator _validator;
    private readonly int _port;
    private readonly TimeSpan _timeout;
    private readonly string _clientName;

    /// <summary>Creates a probe.</summary>
    /// <param name="connector">Opens the TCP connection.</param>
    /// <param name="validator">Judges the MX certificate.</param>
    /// <param name="port">The SMTP port; 25 except in test labs.</param>
    /// <param name="timeout">The limit for each step (connect, greeting, each reply, handshake).</param>
    /// <param name="clientName">The name sent in EHLO.</param>
    public SmtpProbe(ITcpConnector connector, CertificateValidator validator, int port, TimeSpan timeout, string clientName)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentException.ThrowIfNullOrEmpty(clientName);
        _connector = connector;
        _validator = validator;
        _port = port;
        _timeout = timeout;
        _clientName = clientName;
    }

    /// <summary>Probes <paramref name="address"/> of <paramref name="mxHost"/>.</summary>
    public async Task<SmtpProbeResult> ProbeAsync(string mxHost, IPAddress address, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(mxHost);
        ArgumentNullException.ThrowIfNull(address);
        var stopwatch = Stopwatch.StartNew();
        var result = new SmtpProbeResult(mxHost, address, SmtpProbeStatus.Success);
        var step = SmtpProbeStep.Connect;
        var handshake = new TlsHandshake(_validator, mxHost);
        Stream? stream = null;
        try
        {
            stream = await WithTimeoutAsync(token => _connector.ConnectAsync(address, _port, token), cancellationToken).ConfigureAwait(false);
            var reader = new SmtpReplyReader(stream);

            step = SmtpProbeStep.Banner;
            var banner = await WithTimeoutAsync(reader.ReadAsync, cancellationToken).ConfigureAwait(false);
            result = result with { Banner = banner };
            if (banner.Code != 220)
            {
                return Fail(result, SmtpProbeStatus.BannerRejected, step, banner.ToString(), stopwatch);
            }

            step = SmtpProbeStep.Ehlo;
            var ehlo = await SendAsync(stream, reader, $"EHLO {_clientName}", cancellationToken).ConfigureAwait(false);
            result = result with { Ehlo = ehlo };
            if (!ehlo.IsPositive)
            {
                return Fail(result, SmtpProbeStatus.EhloRejected, step, ehlo.ToString(), stopwatch);
            }

            // RFC 3207 §4: the keyword may sit on any line of the multi-line EHLO reply.
            if (!ehlo.HasKeyword("STARTTLS"))
            {
                return Fail(result, SmtpProbeStatus.StartTlsNotOffered, step, null, stopwatch);
            }

            step = SmtpProbeStep.StartTls;
            var startTls = await SendAsync(stream, reader, "STARTTLS", cancellationToken).ConfigureAwait(false);
            result = result with { StartTls = startTls };
            if (startTls.Code != 220)
            {
                return Fail(result, SmtpProbeStatus.StartTlsRejected, step, startTls.ToString(), stopwatch);
            }

            // The handshake completes whatever the certificate so the version and cipher are still
            // reported; the certificate verdict is judged separately. SslProtocols.None lets the
            // platform offer every version it allows, so an old version can be seen and reported.
            step = SmtpProbeStep.Handshake;
            var tls = await WithTimeoutAsync(
                token => handshake.AuthenticateAsync(stream, SslProtocols.None, requireValidCertificate: false, token),
                cancellationToken).ConfigureAwait(false);
            stream = tls;
            result = result with
            {
                TlsProtocol = tls.SslProtocol,
                CipherSuite = tls.NegotiatedCipherSuite,
                Certificate = handshake.Certificate,
            };
            await TryQuitAsync(tls, reader: new SmtpReplyReader(tls), cancellationToken).ConfigureAwait(false);
            return result with { Elapsed = stopwatch.Elapsed };
        }
        catch (TimeoutException exception)
        {
            return Fail(result with { Certificate = handshake.Certificate }, SmtpProbeStatus.Timeout, step, exception.Message, stopwatch);
        }
        catch (SocketException exception) when (step == SmtpProbeStep.Connect)
        {
            return Fail(result with { SocketError = exception.SocketErrorCode }, SmtpProbeStatus.ConnectFailed, step, exception.Message, stopwatch);
        }
        catch (AuthenticationException exception)
        {
            return Fail(result with { Certificate = handshake.Certificate }, SmtpProbeStatus.TlsFailed, step, exception.Message, stopwatch);
        }
        catch (IOException exception) when (step == SmtpProbeStep.Handshake)
        {
            return Fail(result with { Certificate = handshake.Certificate }, SmtpProbeStatus.TlsFailed, step, exception.Message, stopwatch);
        }
        catch (IOException exception)
        {
            return Fail(result, SmtpProbeStatus.ProtocolError, step, exception.Message, stopwatch);
        }
        catch (SocketException exception)
        {
            return Fail(result, SmtpProbeStatus.ProtocolError, step, exception.Message, stopwatch);
        }
        finally
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<SmtpReply> SendAsync(Stream stream, SmtpReplyReader reader, string command, CancellationToken cancellationToken)
    {
        var bytes = Encoding.ASCII.GetBytes(command + "\r\n");
        await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        return await WithTimeoutAsync(reader.ReadAsync, cancellationToken).ConfigureAwait(false);
    }

    // QUIT is a courtesy to the server; its failure changes nothing in the result.
    private async Task TryQuitAsync(Stream stream, SmtpReplyReader reader, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(stream, reader, "QUIT", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or TimeoutException or SocketException)
        {
        }
    }

    private async Task<T> WithTimeoutAsync<T>(Func<CancellationToken, Task<T>> step, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            return await step(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No response within {_timeout.TotalSeconds:0.#} s.", exception);
        }
    }

    private static SmtpProbeResult Fail(SmtpProbeResult result, SmtpProbeStatus status, SmtpProbeStep step, string? error, Stopwatch stopwatch) =>
        result with { Status = status, FailedStep = step, Error = error, Elapsed = stopwatch.Elapsed };
}
