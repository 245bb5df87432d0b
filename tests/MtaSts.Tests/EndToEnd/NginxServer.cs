namespace MtaSts.Tests.EndToEnd;

/// <summary>Debian's <c>nginx</c> serving <c>/.well-known/mta-sts.txt</c> over HTTPS on 127.0.0.1.</summary>
public sealed class NginxServer : TemporaryDaemon
{
    private NginxServer(string folder, int port)
        : base(folder)
    {
        Port = port;
    }

    public int Port { get; }

    /// <summary>The policy path's <c>location</c> body that serves <c>mta-sts.txt</c> from the server's folder.</summary>
    public const string ServePolicyFile = "default_type text/plain; alias {folder}/mta-sts.txt;";

    /// <summary>
    /// Starts nginx with the given certificate and key (PEM), <paramref name="policy"/> written to
    /// <c>mta-sts.txt</c>, and <paramref name="policyLocation"/> as the body of the policy path's
    /// <c>location</c> block, where <c>{folder}</c> is the server's folder.
    /// </summary>
    public static async Task<NginxServer> StartAsync(string certificatePem, string keyPem, string policy, string policyLocation = ServePolicyFile)
    {
        var nginx = Daemons.RequireBinary("nginx");
        var folder = Daemons.CreateFolder("mtasts-nginx-");
        var port = Daemons.FindFreePort();
        await File.WriteAllTextAsync(Path.Combine(folder, "cert.pem"), certificatePem);
        await File.WriteAllTextAsync(Path.Combine(folder, "key.pem"), keyPem);
        await File.WriteAllTextAsync(Path.Combine(folder, "mta-sts.txt"), policy);

        // One process in the foreground (no master, no workers), so it needs no user switch.
        var config = $$"""
            daemon off;
            master_process off;
            pid {{folder}}/nginx.pid;
            error_log stderr warn;
            events { worker_connections 64; }
            http {
              access_log off;
              client_body_temp_path {{folder}}/body;
              proxy_temp_path {{folder}}/proxy;
              fastcgi_temp_path {{folder}}/fastcgi;
              uwsgi_temp_path {{folder}}/uwsgi;
              scgi_temp_path {{folder}}/scgi;
              server {
                listen 127.0.0.1:{{port}} ssl;
                ssl_certificate {{folder}}/cert.pem;
                ssl_certificate_key {{folder}}/key.pem;
                ssl_protocols TLSv1.2 TLSv1.3;
                location = /.well-known/mta-sts.txt {
                  {{policyLocation.Replace("{folder}", folder, StringComparison.Ordinal)}}
                }
              }
            }
            """;
        var configPath = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(configPath, config);

        var server = new NginxServer(folder, port);
        await server.AttachAsync(DaemonProcess.Start(nginx, ["-p", folder, "-c", configPath]), port, TimeSpan.FromSeconds(15));
        return server;
    }
}
