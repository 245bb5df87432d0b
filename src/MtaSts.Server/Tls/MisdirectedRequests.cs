using Microsoft.AspNetCore.Connections.Features;
using MtaSts.Server.Logging;

namespace MtaSts.Server.Tls;

/// <summary>
/// Rejects with 421 Misdirected Request an HTTPS request whose <c>Host</c> differs from the TLS SNI
/// name, because the certificate chosen by SNI need not cover the <c>Host</c> name.
/// </summary>
internal static class MisdirectedRequests
{
    public static IApplicationBuilder UseMisdirectedRequestCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var sniName = context.Features.Get<ITlsHandshakeFeature>()?.HostName;

            // Plain HTTP (behind a reverse proxy) has no SNI name, so the Host header alone picks the policy.
            if (string.IsNullOrEmpty(sniName) || IsSameHost(context.Request.Host.Host, sniName))
            {
                await next(context);
                return;
            }

            // RFC 9110 §15.5.20: with 421 the client may retry on a new connection made for that host.
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MisdirectedRequests));
            var throttle = context.RequestServices.GetRequiredService<LogThrottle>();
            if (throttle.TryAcquire("misdirected", out var suppressed))
            {
                Log.MisdirectedRequest(logger, Truncate(context.Request.Host.Value ?? ""), sniName, context.Connection.RemoteIpAddress?.ToString(), suppressed);
            }

            context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
        });

    /// <summary>Compares two host names case-insensitively, ignoring one trailing dot; the port is already removed.</summary>
    internal static bool IsSameHost(string host, string sniName) =>
        host.Length > 0 && string.Equals(host.TrimEnd('.'), sniName.TrimEnd('.'), StringComparison.OrdinalIgnoreCase);

    private static string Truncate(string value) => value.Length <= 200 ? value : value[..200] + "…";
}
