using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MtaSts.Tests.Lab;

/// <summary>The response the lab policy host sends for <c>/.well-known/mta-sts.txt</c>.</summary>
public sealed class PolicyResponse
{
    public int StatusCode { get; set; } = 200;

    public string? ContentType { get; set; } = "text/plain";

    public byte[] Body { get; set; } = [];

    public string? Location { get; set; }

    public TimeSpan Delay { get; set; }
}

/// <summary>A real Kestrel HTTPS server on 127.0.0.1 serving the lab policy.</summary>
public sealed class LabPolicyServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LabPolicyServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    /// <summary>The bound HTTPS port.</summary>
    public int Port { get; }

    /// <summary>The response served for the policy path; change it between checks.</summary>
    public PolicyResponse Response { get; } = new();

    /// <summary>The Host header of the last request.</summary>
    public string? LastHost { get; private set; }

    public static async Task<LabPolicyServer> StartAsync(X509Certificate2 certificate, SslProtocols protocols = SslProtocols.Tls12 | SslProtocols.Tls13)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(https =>
        {
            https.ServerCertificate = certificate;
            https.SslProtocols = protocols;
        })));
        var app = builder.Build();
        LabPolicyServer? server = null;
        app.MapGet("/.well-known/mta-sts.txt", async context =>
        {
            var response = server!.Response;
            server.LastHost = context.Request.Host.Value;
            if (response.Delay > TimeSpan.Zero)
            {
                await Task.Delay(response.Delay, context.RequestAborted);
            }

            context.Response.StatusCode = response.StatusCode;
            if (response.Location is not null)
            {
                context.Response.Headers.Location = response.Location;
            }

            if (response.ContentType is not null)
            {
                context.Response.ContentType = response.ContentType;
            }

            await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server = new LabPolicyServer(app, new Uri(address).Port);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
