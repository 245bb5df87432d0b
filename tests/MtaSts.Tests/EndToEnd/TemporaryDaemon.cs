using System.Net;

namespace MtaSts.Tests.EndToEnd;

/// <summary>A daemon that runs from its own temporary folder, which is deleted when the daemon stops.</summary>
public abstract class TemporaryDaemon : IAsyncDisposable
{
    private DaemonProcess? _process;

    protected TemporaryDaemon(string folder)
    {
        Folder = folder;
    }

    /// <summary>The folder with the daemon's configuration, data and logs.</summary>
    protected string Folder { get; }

    /// <summary>Keeps <paramref name="process"/> and waits until it listens on 127.0.0.1:<paramref name="port"/>; stops it and deletes the folder on failure.</summary>
    protected async Task AttachAsync(DaemonProcess process, int port, TimeSpan timeout)
    {
        _process = process;
        try
        {
            await process.WaitForPortAsync(IPAddress.Loopback, port, timeout);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
