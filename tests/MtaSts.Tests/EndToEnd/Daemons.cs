using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MtaSts.Tests.EndToEnd;

/// <summary>Starts real daemons for end-to-end tests and waits until they accept connections.</summary>
public static class Daemons
{
    private static readonly string[] s_binaryFolders = ["/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/sbin", "/usr/local/bin"];

    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>Returns the full path of <paramref name="name"/> in the usual folders, or <see langword="null"/>.</summary>
    public static string? FindBinary(string name) =>
        s_binaryFolders.Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);

    /// <summary>Returns the full path of <paramref name="name"/>, failing the test with the install hint when it is missing.</summary>
    public static string RequireBinary(string name) =>
        FindBinary(name) ?? throw new InvalidOperationException($"{name} is not installed; run .ci/install-checker.sh as root.");

    /// <summary>Returns a loopback TCP port that was free a moment ago (and its UDP twin, for DNS).</summary>
    public static int FindFreePort()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            try
            {
                using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
            }
        }

        throw new InvalidOperationException("No free loopback port.");
    }

    /// <summary>Creates a temporary folder that the test deletes when done.</summary>
    public static string CreateFolder(string prefix)
    {
        var folder = Directory.CreateTempSubdirectory(prefix).FullName;

        // Daemons that drop privileges (postfix services) must be able to read it.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        return folder;
    }
}

/// <summary>A daemon running in the foreground as a child process, its output kept for failure messages.</summary>
public sealed class DaemonProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Func<Task>? _stop;

    private DaemonProcess(Process process, Func<Task>? stop)
    {
        _process = process;
        _stop = stop;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static DaemonProcess Start(string fileName, IEnumerable<string> arguments, Func<Task>? stop = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return new DaemonProcess(Process.Start(start)!, stop);
    }

    /// <summary>Runs a short command to completion, failing with its output when it fails.</summary>
    public static async Task RunAsync(string fileName, params string[] arguments)
    {
        await using var command = Start(fileName, arguments);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await command._process.WaitForExitAsync(timeout.Token);
        if (command._process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited with {command._process.ExitCode}:\n{command.Output}");
        }
    }

    /// <summary>Waits until <paramref name="port"/> accepts TCP connections, failing with the daemon's output after <paramref name="timeout"/>.</summary>
    public async Task WaitForPortAsync(IPAddress address, int port, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{_process.StartInfo.FileName} exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(address, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"{_process.StartInfo.FileName} did not listen on {address}:{port} within {timeout.TotalSeconds} s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop is not null)
        {
            await _stop();
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
