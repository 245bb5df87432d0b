using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace MtaSts.Discovery;

/// <summary>
/// Fetches <c>https://mta-sts.&lt;domain&gt;/.well-known/mta-sts.txt</c> the way RFC 8461 §3.3
/// describes for senders: the host resolved through <see cref="IDnsResolver"/>, TLS 1.2 or later, a
/// certificate valid for the policy host, HTTP 200 only with redirects never followed,
/// <c>text/plain</c>, and at most 64 KiB.
/// </summary>
public sealed class PolicyFetcher
{
    /// <summary>The largest policy body senders read, in bytes.</summary>
    public const int MaxPolicySize = 64 * 1024;

    private readonly IDnsResolver _dns;
    private readonly ITcpConnector _connector;
    private readonly CertificateValidator _validator;
    private readonly int _port;
    private readonly TimeSpan _timeout;

    /// <summary>Creates a fetcher.</summary>
    /// <param name="dns">Resolves the policy host.</param>
    /// <param name="connector">Opens the TCP connection.</param>
    /// <param name="validator">Judges the server certificate.</param>
    /// <param name="port">The HTTPS port; 443 except in test labs.</param>
    /// <param name="timeout">The limit for each network step (connect, handshake, response).</param>
    public PolicyFetcher(IDnsResolver dns, ITcpConnector connector, CertificateValidator validator, int port, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(dns);
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(port);
        _dns = dns;
        _connector = connector;
        _validator = validator;
        _port = port;
        _timeout = timeout;
    }

    /// <summary>Returns the policy URL of <paramref name="policyDomain"/>.</summary>
    public static string GetPolicyUrl(string policyDomain) => $"https://mta-sts.{policyDomain}/.well-known/mta-sts.txt";

    /// <summary>Fetches the policy of <paramref name="policyDomain"/> (an A-label domain).</summary>
    public async Task<PolicyFetchResult> FetchAsync(string policyDomain, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(policyDomain);
        var url = GetPolicyUrl(policyDomain);
        var host = "mta-sts." + policyDomain;

        var addresses = await ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Status != DnsLookupStatus.Success)
        {
            var status = addresses.IsAbsent ? PolicyFetchStatus.HostNotFound : PolicyFetchStatus.HostLookupFailed;
            return new PolicyFetchResult(url, status) { Port = _port, HostLookupStatus = addresses.Status, Error = addresses.Error };
        }

        var connection = new ConnectionState(new TlsHandshake(_validator, host), addresses.CanonicalNames, _port);
        using var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.Zero,

            // The handler speaks HTTP/1.1 over a stream this class has already secured, so the
            // TLS version, cipher and certificate verdict of the real connection are known.
            ConnectCallback = (_, token) => ConnectAsync(addresses.Records, connection, token),
        };
        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var authority = _port == 443 ? host : $"{host}:{_port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{authority}/.well-known/mta-sts.txt");
        request.Headers.Host = authority;

        try
        {
            return await SendAsync(client, request, url, connection, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return connection.Describe(url, PolicyFetchStatus.Timeout, $"No response within {_timeout.TotalSeconds:0.#} s.") with { FailedStep = connection.Step };
        }
        catch (HttpRequestException exception)
        {
            return connection.DescribeFailure(url, exception);
        }
    }

    private async Task<PolicyFetchResult> SendAsync(
        HttpClient client,
        HttpRequestMessage request,
        string url,
        ConnectionState connection,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // The request spans three steps (connect, handshake, response), each bounded by the
        // step timeout; connect and handshake also have their own limits in ConnectAsync.
        timeout.CancelAfter(_timeout * 3);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var contentType = response.Content.Headers.ContentType?.ToString();

        // RFC 8461 §3.3: senders do not follow redirects and accept only 200.
        if (status is >= 300 and < 400)
        {
            return connection.Describe(url, PolicyFetchStatus.Redirect) with
            {
                HttpStatusCode = status,
                Location = response.Headers.Location?.OriginalString,
            };
        }

        if (status != 200)
        {
            return connection.Describe(url, PolicyFetchStatus.HttpStatus) with { HttpStatusCode = status, ContentType = contentType };
        }

        // RFC 8461 §3.2: the media type is text/plain; parameters such as charset do not matter.
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (!string.Equals(mediaType, "text/plain", StringComparison.OrdinalIgnoreCase))
        {
            return connection.Describe(url, PolicyFetchStatus.WrongMediaType) with { HttpStatusCode = status, ContentType = contentType };
        }

        var body = await ReadCappedAsync(response.Content, timeout.Token).ConfigureAwait(false);
        if (body is null)
        {
            return connection.Describe(url, PolicyFetchStatus.TooLarge) with { HttpStatusCode = status, ContentType = contentType };
        }

        return connection.Describe(url, PolicyFetchStatus.Success) with { HttpStatusCode = status, ContentType = contentType, Body = body };
    }

    // RFC 8461 §3.3: senders may limit the policy to 64 KiB; a larger body is rejected rather than cut.
    private static async Task<byte[]?> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxPolicySize)
        {
            return null;
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[MaxPolicySize + 1];
            var total = 0;
            while (total < buffer.Length)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            return total > MaxPolicySize ? null : buffer[..total];
        }
    }

    private async Task<DnsLookupResult<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var ipv4 = _dns.QueryIPv4Async(host, cancellationToken);
        var ipv6 = _dns.QueryIPv6Async(host, cancellationToken);
        return AddressLookup.Merge(host, await ipv4.ConfigureAwait(false), await ipv6.ConfigureAwait(false));
    }

    private async ValueTask<Stream> ConnectAsync(IReadOnlyList<IPAddress> addresses, ConnectionState connection, CancellationToken cancellationToken)
    {
        Stream? inner = null;
        Exception? lastError = null;
        SocketError? socketError = null;
        foreach (var address in addresses)
        {
            connection.Address = address;
            connection.Step = PolicyFetchStep.Connect;
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connectTimeout.CancelAfter(_timeout);
            try
            {
                inner = await _connector.ConnectAsync(address, _port, connectTimeout.Token).ConfigureAwait(false);
                break;
            }
            catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                lastError = new TimeoutException($"Connecting to {address} port {_port} timed out after {_timeout.TotalSeconds:0.#} s.", exception);
            }
            catch (SocketException exception)
            {
                lastError = exception;
                socketError = exception.SocketErrorCode;
            }
        }

        if (inner is null)
        {
            connection.Failure = lastError;
            connection.SocketError = lastError is TimeoutException ? null : socketError;
            connection.FailedStatus = lastError is TimeoutException ? PolicyFetchStatus.Timeout : PolicyFetchStatus.ConnectFailed;
            throw new HttpRequestException(lastError?.Message, lastError);
        }

        connection.Step = PolicyFetchStep.Handshake;
        using var handshakeTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        handshakeTimeout.CancelAfter(_timeout);
        try
        {
            // RFC 8461 §7.2: MTA-STS senders support TLS 1.2 or later, and this checker accepts
            // nothing older from the policy host.
            var tls = await connection.Handshake.AuthenticateAsync(inner, SslProtocols.Tls12 | SslProtocols.Tls13, requireValidCertificate: true, handshakeTimeout.Token).ConfigureAwait(false);
            connection.TlsProtocol = tls.SslProtocol;
            connection.CipherSuite = tls.NegotiatedCipherSuite;
            connection.Step = PolicyFetchStep.Response;
            return tls;
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            connection.FailedStatus = PolicyFetchStatus.Timeout;
            connection.Failure = exception;
            throw new HttpRequestException($"The TLS handshake timed out after {_timeout.TotalSeconds:0.#} s.", exception);
        }
        catch (Exception exception) when (exception is AuthenticationException or IOException)
        {
            connection.FailedStatus = connection.Handshake.Certificate is { IsValid: false }
                ? PolicyFetchStatus.CertificateInvalid
                : PolicyFetchStatus.TlsFailed;
            connection.Failure = exception;
            throw new HttpRequestException(exception.Message, exception);
        }
    }

    private sealed class ConnectionState(TlsHandshake handshake, IReadOnlyList<string> canonicalNames, int port)
    {
        public TlsHandshake Handshake { get; } = handshake;

        public IReadOnlyList<string> CanonicalNames { get; } = canonicalNames;

        public IPAddress? Address { get; set; }

        public SslProtocols? TlsProtocol { get; set; }

        public TlsCipherSuite? CipherSuite { get; set; }

        public PolicyFetchStatus? FailedStatus { get; set; }

        // The step in progress; a connection that never started is still at Connect.
        public PolicyFetchStep Step { get; set; } = PolicyFetchStep.Connect;

        public SocketError? SocketError { get; set; }

        public Exception? Failure { get; set; }

        public PolicyFetchResult Describe(string url, PolicyFetchStatus status, string? error = null) => new(url, status)
        {
            Port = port,
            HostCanonicalNames = CanonicalNames,
            Address = Address,
            TlsProtocol = TlsProtocol,
            CipherSuite = CipherSuite,
            Certificate = Handshake.Certificate,
            Error = error,
        };

        public PolicyFetchResult DescribeFailure(string url, HttpRequestException exception)
        {
            var status = FailedStatus ?? PolicyFetchStatus.ProtocolError;
            return Describe(url, status, Failure?.Message ?? exception.Message) with
            {
                FailedStep = status == PolicyFetchStatus.ProtocolError ? PolicyFetchStep.Response : Step,
                SocketError = SocketError,
            };
        }
    }
}
