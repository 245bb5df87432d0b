using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MtaSts.Server.Hosting;
using MtaSts.Server.Logging;

namespace MtaSts.Server.Api;

/// <summary>
/// Lets an API request through with <c>Authorization: Bearer TOKEN</c> matching the configured
/// hash; without a configured hash, only requests from loopback addresses pass.
/// </summary>
internal sealed class ApiAuthorization(IOptions<ServerOptions> options, ILogger<ApiAuthorization> logger) : IEndpointFilter
{
    // SHA-256 of tokens that passed PBKDF2 once, so each later request costs one hash instead of 600,000 iterations.
    private readonly ConcurrentDictionary<string, bool> _verified = new(StringComparer.Ordinal);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var storedHash = options.Value.Api.AdminTokenHash;
        var peer = http.Connection.RemoteIpAddress;
        if (string.IsNullOrEmpty(storedHash))
        {
            // A request relayed by a reverse proxy on the same host arrives from loopback too; the
            // forwarding headers the proxy adds show that it came from elsewhere.
            var forwarded = http.Request.Headers.ContainsKey("X-Forwarded-For") || http.Request.Headers.ContainsKey("Forwarded");
            if (peer is not null && IPAddress.IsLoopback(peer) && !forwarded)
            {
                return await next(context);
            }

            Log.ApiRejected(logger, http.Request.Method, http.Request.Path, peer?.ToString(), "no admin token is configured and the client is not on loopback");
            return TypedResults.Problem("The API accepts only loopback clients until Server:Api:AdminTokenHash is set.", statusCode: StatusCodes.Status403Forbidden);
        }

        var header = http.Request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) || !IsValid(header[Bearer.Length..].Trim(), storedHash))
        {
            Log.ApiRejected(logger, http.Request.Method, http.Request.Path, peer?.ToString(), "missing or wrong admin token");
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem("Send the admin token as 'Authorization: Bearer TOKEN'.", statusCode: StatusCodes.Status401Unauthorized);
        }

        return await next(context);
    }

    private bool IsValid(string token, string storedHash)
    {
        if (token.Length == 0)
        {
            return false;
        }

        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(storedHash + "\n" + token)));
        if (_verified.ContainsKey(key))
        {
            return true;
        }

        if (!AdminToken.Verify(token, storedHash))
        {
            return false;
        }

        _verified.TryAdd(key, true);
        return true;
    }
}
