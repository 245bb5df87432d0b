using System.Net;

namespace MtaSts.Tests.EndToEnd;

/// <summary>Debian's <c>nsd</c>, authoritative for one zone on 127.0.0.1, from a zone file written by the test.</summary>
public sealed class NsdServer : TemporaryDaemon
{
    private NsdServer(string folder, int port)
        : base(folder)
    {
        EndPoint = new IPEndPoint(IPAddress.Loopback, port);
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>Starts nsd serving <paramref name="zone"/> (zone file text, records relative to <paramref name="origin"/>).</summary>
    public static async Task<NsdServer> StartAsync(string origin, string zone)
    {
        var nsd = Daemons.RequireBinary("nsd");
        var folder = Daemons.CreateFolder("mtasts-nsd-");
        var port = Daemons.FindFreePort();
        await File.WriteAllTextAsync(Path.Combine(folder, "zone"), $"$ORIGIN {origin}.\n$TTL 300\n@ IN SOA ns.{origin}. admin.{origin}. 1 3600 600 86400 300\n@ IN NS ns.{origin}.\nns IN A 127.0.0.1\n{zone}\n");

        // Foreground, no chroot and no user switch, every file inside the test's folder.
        var config = $"""
            server:
              ip-address: 127.0.0.1@{port}
              port: {port}
              username: ""
              chroot: ""
              zonesdir: "{folder}"
              pidfile: "{folder}/nsd.pid"
              database: ""
              zonelistfile: "{folder}/zone.list"
              xfrdfile: "{folder}/xfrd.state"
              xfrdir: "{folder}"
              server-count: 1
              verbosity: 1
            remote-control:
              control-enable: no
            zone:
              name: {origin}
              zonefile: zone
            """;
        var configPath = Path.Combine(folder, "nsd.conf");
        await File.WriteAllTextAsync(configPath, config);

        var server = new NsdServer(folder, port);
        await server.AttachAsync(DaemonProcess.Start(nsd, ["-d", "-c", configPath]), port, TimeSpan.FromSeconds(15));
        return server;
    }
}
