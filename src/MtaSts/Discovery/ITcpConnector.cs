using System.Net;
using System.Net.Sockets;

namespace MtaSts.Discovery;

/// <summary>Opens TCP connections; tests replace it to add delays or failures.</summary>
public interface ITcpConnector
{
    /// <summary>Connects to <paramref name="address"/>:<paramref name="port"/> and returns the connected stream.</summary>
    /// <exception cref="SocketException">The connection was refused or the host is unreachable.</exception>
    Task<Stream> ConnectAsync(IPAddress address, int port, CancellationToken cancellationToken);
}

/// <summary>Opens plain TCP connections with <see cref="Socket"/>.</summary>
public sealed class SocketTcpConnector : ITcpConnector
{
    /// <summary>The shared instance.</summary>
    public static SocketTcpConnector Instance { get; } = new();

    /// <inheritdoc/>
    public async Task<Stream> ConnectAsync(IPAddress address, int port, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
