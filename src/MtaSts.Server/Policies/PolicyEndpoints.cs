using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using MtaSts.Server.Metrics;

namespace MtaSts.Server.Policies;

/// <summary><c>GET /.well-known/mta-sts.txt</c>: the policy of the managed domain named by the <c>Host</c> header.</summary>
internal static class PolicyEndpoints
{
    /// <summary>The policy path (RFC 8461 §3.2).</summary>
    public const string PolicyPath = "/.well-known/mta-sts.txt";

    public static IEndpointRouteBuilder MapPolicyEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(PolicyPath, GetPolicy).ExcludeFromDescription();
        return routes;
    }

    private static Results<FileContentHttpResult, NotFound> GetPolicy(HttpContext context, PolicyCache cache, ServerMetrics metrics)
    {
        // Kestrel removes dot segments and decodes %2E before routing, so "/.well-known/../.well-known/mta-sts.txt"
        // reaches this endpoint; only the exact path as sent is the policy URL.
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var query = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = query < 0 ? rawTarget : rawTarget[..query];
        if (!string.Equals(rawPath, PolicyPath, StringComparison.Ordinal))
        {
            metrics.PolicyNotFound("path");
            return TypedResults.NotFound();
        }

        // HostString.Host drops the port; an IP or an empty host never matches a policy host name.
        var policy = cache.FindPolicy(context.Request.Host.Host);
        if (policy is null)
        {
            metrics.PolicyNotFound("host");
            return TypedResults.NotFound();
        }

        metrics.PolicyServed();

        // RFC 8461 §3.2: the policy is served as text/plain; senders must not follow redirects, so none is ever sent.
        return TypedResults.File(policy, "text/plain");
    }
}
