using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using MtaSts.Server.Hosting;

namespace MtaSts.Server.Tls;

/// <summary>
/// Turns the <c>--urls</c> list into Kestrel endpoints, with the certificate of each HTTPS
/// connection chosen by SNI from <see cref="CertificateStore"/>.
/// </summary>
internal static class ListenUrls
{
    /// <summary>Adds one endpoint per URL; <c>*</c>, <c>+</c> and <c>[::]</c> listen on every address.</summary>
    /// <exception cref="ServerSettingException">A URL is not <c>http://</c> or <c>https://</c> with an IP address and port, or is HTTPS without a configured certificate.</exception>
    public static void Configure(KestrelServerOptions kestrel, IEnumerable<string> urls, CertificateStore certificates)
    {
        foreach (var url in urls)
        {
            var (https, host, port) = Split(url);
            if (https && !certificates.HasCertificates)
            {
                throw new ServerSettingException(SettingProblem.Create(
                    "UrlHttpsWithoutCertificate",
                    "'{0}' is HTTPS but no certificate is configured; add Server:Tls:Certificates or use http:// behind a reverse proxy.",
                    url));
            }

            Action<ListenOptions> configure = https
                ? listen => listen.UseHttps(new TlsHandshakeCallbackOptions
                {
                    OnConnection = context => ValueTask.FromResult(CreateSslOptions(certificates, context.ClientHelloInfo.ServerName)),
                })
                : _ => { };

            switch (host)
            {
                case "*" or "+" or "[::]" or "0.0.0.0":
                    kestrel.ListenAnyIP(port, configure);
                    break;
                case "localhost":
                    kestrel.ListenLocalhost(port, configure);
                    break;
                default:
                    kestrel.Listen(IPAddress.Parse(host.Trim('[', ']')), port, configure);
                    break;
            }
        }
    }

    /// <summary>Binds and releases each URL's address and port, so that a port in use stops the start with one message before the host starts.</summary>
    /// <exception cref="ServerSettingException">A URL is invalid, or its port is in use or not permitted.</exception>
    public static void EnsurePortsFree(IEnumerable<string> urls)
    {
        foreach (var url in urls)
        {
            var (_, host, port) = Split(url);
            if (port == 0)
            {
                continue;
            }

            var address = host switch
            {
                "*" or "+" or "[::]" => IPAddress.IPv6Any,
                "localhost" => IPAddress.Loopback,
                _ => IPAddress.Parse(host.Trim('[', ']')),
            };
            ProbePort(address, port, error => SettingProblem.Create(
                "UrlPortInUse",
                "'{0}' cannot be used: binding port {1} failed ({2}); stop the program that listens there, grant the port (CAP_NET_BIND_SERVICE below 1024) or change --urls.",
                url,
                port,
                error));
        }
    }

    /// <summary>Binds and releases <paramref name="address"/> and <paramref name="port"/>; a failure becomes the problem that <paramref name="describe"/> returns.</summary>
    /// <exception cref="ServerSettingException">The port cannot be bound.</exception>
    internal static void ProbePort(IPAddress address, int port, Func<System.Net.Sockets.SocketError, SettingProblem> describe)
    {
        var probe = new System.Net.Sockets.TcpListener(address, port);
        if (address.Equals(IPAddress.IPv6Any))
        {
            // Kestrel's ListenAnyIP binds [::] for IPv4 and IPv6 alike.
            probe.Server.DualMode = true;
        }

        try
        {
            probe.Start();
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new ServerSettingException(describe(e.SocketErrorCode), e);
        }
        finally
        {
            probe.Stop();
        }
    }

    private static SslServerAuthenticationOptions CreateSslOptions(CertificateStore certificates, string serverName)
    {
        var context = certificates.Select(serverName)
            ?? throw new AuthenticationException($"No certificate is configured for the SNI name '{serverName}'.");
        return new SslServerAuthenticationOptions
        {
            ServerCertificateContext = context,
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            ClientCertificateRequired = false,
        };
    }

    private static (bool Https, string Host, int Port) Split(string url)
    {
        // Uri rejects "*" and "+" as hosts, so the scheme, host and port are split by hand.
        var https = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        if (!https && !url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            throw new ServerSettingException(SettingProblem.Create("UrlSchemeInvalid", "'{0}' is not an http:// or https:// URL; give one such as http://127.0.0.1:8080.", url));
        }

        var authority = url[(https ? 8 : 7)..].TrimEnd('/');
        var colon = authority.LastIndexOf(':');
        if (colon < 0 || authority.EndsWith(']'))
        {
            return (https, authority, https ? 443 : 80);
        }

        var host = authority[..colon];
        if (!int.TryParse(authority[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var port) || port is < 0 or > 65535)
        {
            throw new ServerSettingException(SettingProblem.Create("UrlPortInvalid", "'{0}' has an invalid port; give a number from 0 to 65535.", url));
        }

        if (host is not ("*" or "+" or "localhost") && !IPAddress.TryParse(host.Trim('[', ']'), out _))
        {
            throw new ServerSettingException(SettingProblem.Create("UrlHostNotAddress", "'{0}' must name an IP address, localhost, * or +; host names are not resolved.", url));
        }

        return (https, host, port);
    }
}
