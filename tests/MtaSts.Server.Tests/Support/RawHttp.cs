using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace MtaSts.Server.Tests.Support;

/// <summary>
/// Sends one HTTP/1.1 request exactly as written, for request targets and Host headers that
/// HttpClient would normalise or refuse.
/// </summary>
internal static class RawHttp
{
    /// <summary>Sends <paramref name="target"/> with <paramref name="hostHeader"/> (null: no Host line) and returns the status code and body.</summary>
    public static async Task<(int Status, string Body)> GetAsync(int port, string target, string? hostHeader, string? sniName = null, TestCertificates? certificates = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
        Stream stream = client.GetStream();
        if (sniName is not null)
        {
            var tls = new SslStream(stream, leaveInnerStreamOpen: false, (_, certificate, _, _) => certificates!.Validate(certificate));
            await tls.AuthenticateAsClientAsync(sniName);
            stream = tls;
        }

        var request = new StringBuilder();
        request.Append("GET ").Append(target).Append(" HTTP/1.1\r\n");
        if (hostHeader is not null)
        {
            request.Append("Host: ").Append(hostHeader).Append("\r\n");
        }

        request.Append("Connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request.ToString()));
        await stream.FlushAsync();

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var statusLine = response[..response.IndexOf("\r\n", StringComparison.Ordinal)];
        var status = int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var bodyStart = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (status, bodyStart < 0 ? "" : response[(bodyStart + 4)..]);
    }
}
