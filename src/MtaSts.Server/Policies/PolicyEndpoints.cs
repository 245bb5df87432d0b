using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using MtaSts.Server.Logging;
using MtaSts.Server.Metrics;

namespace MtaSts.Server.Policies;

/// <summary><c>GET</c> and <c>HEAD /.well-known/mta-sts.txt</c>: the policy of the managed domain named by the <c>Host</c> header.</summary>
internal static class PolicyEndpoints
{
    /// <summary>The policy path (RFC 8461 §3.2).</summary>
    public const string PolicyPath = "/.well-known/mta-sts.txt";

    public static IEndpointRouteBuilder MapPolicyEndpoints(this IEndpointRouteBuilder routes)
    {
        // HEAD gets the headers of GET without the body: Kestrel drops the body of a HEAD response.
        routes.MapMethods(PolicyPath, [HttpMethods.Get, HttpMethods.Head], GetPolicy).ExcludeFromDescription();
        return routes;
    }

    private static Results<FileContentHttpResult, NotFound> GetPolicy(
        HttpContext context,
        PolicyCache cache,
        ServerMetrics metrics,
        LogThrottle throttle,
        ILoggerFactory loggerFactory)
    {
        // Kestrel removes dot segments and decodes %2E before routing, so "/.well-known/../.well-known/mta-sts.txt"
        // reaches this endpoint; only the exact path as sent is the policy URL.
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var query = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = query < 0 ? rawTarget : rawTarget[..query];
        if (!string.Equals(rawPath, PolicyPath, StringComparison.Ordinal))
        {
            return Reject(context, "path", metrics, throttle, loggerFactory);
        }

        // HostString.Host drops the port; an IP or an empty host never matches a policy host name.
        var policy = cache.FindPolicy(context.Request.Host.Host);
        if (policy is null)
        {
            return Reject(context, "host", metrics, throttle, loggerFactory);
        }

        metrics.PolicyServed();

        // RFC 8461 §3.2: the policy is served as text/plain; senders must not follow redirects, so none is ever sent.
        return TypedResults.File(policy, "text/plain");
    }

    private static NotFound Reject(HttpContext context, string reason, ServerMetrics metrics, LogThrottle throttle, ILoggerFactory loggerFactory)
    {
        metrics.PolicyNotFound(reason);
        if (throttle.TryAcquire("policy-" + reason, out var suppressed))
        {
            // Host and target come from the client: cut to a length that fits a log line.
            var host = Truncate(context.Request.Host.Value ?? "");
            var target = Truncate(context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget);
            var logger = loggerFactory.CreateLogger(typeof(PolicyEndpoints));
            Log.PolicyRequestRejected(logger, reason, host, target, context.Connection.RemoteIpAddress?.ToString(), suppressed);
        }

        return TypedResults.NotFound();
    }

    private static string Truncate(string value) => value.Length <= 200 ? value : value[..200] + "…";
}
