using Microsoft.AspNetCore.Http.HttpResults;
using MtaSts.Server.Policies;

namespace MtaSts.Server.Health;

/// <summary><c>GET /healthz</c>: 200 once the policies are loaded and the server accepts requests, else 503.</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", Results<Ok<string>, ProblemHttpResult> (PolicyCache cache) => cache.IsLoaded
            ? TypedResults.Ok("ready")
            : TypedResults.Problem("The managed domains are not loaded yet.", statusCode: StatusCodes.Status503ServiceUnavailable))
            .ExcludeFromDescription();
        return routes;
    }
}
