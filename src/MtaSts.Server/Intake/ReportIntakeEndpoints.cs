using System.Buffers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using MtaSts.Server.Hosting;

namespace MtaSts.Server.Intake;

/// <summary><c>POST /tlsrpt</c> (the path is configurable): TLS reports delivered over HTTPS (RFC 8460 §5.4).</summary>
internal static class ReportIntakeEndpoints
{
    private const string GzipMediaType = "application/tlsrpt+gzip";
    private const string JsonMediaType = "application/tlsrpt+json";

    public static IEndpointRouteBuilder MapReportIntakeEndpoints(this IEndpointRouteBuilder routes, string path)
    {
        routes.MapPost(path, PostReportAsync)
            .WithName("PostReport")
            .WithSummary("Receives one TLS report (RFC 8460 §5.4)")
            .Accepts<byte[]>(GzipMediaType, JsonMediaType)
            .DisableAntiforgery();

        // Routing rejects a Content-Type outside Accepts with a bare 415 before any endpoint runs.
        // This twin without Accepts gets those requests, so they receive the problem details and are counted.
        routes.MapPost(path, PostReportAsync)
            .ExcludeFromDescription()
            .DisableAntiforgery();
        return routes;
    }

    private static async Task<Results<Created, Ok, ProblemHttpResult>> PostReportAsync(
        HttpContext context,
        ReportIntakeService intake,
        IOptions<ServerOptions> options,
        CancellationToken cancellationToken)
    {
        var source = new ReportSource("https", context.Connection.RemoteIpAddress?.ToString());

        // RFC 8460 §5.4: application/tlsrpt+gzip for a compressed report, application/tlsrpt+json otherwise.
        // The decoder then recognises gzip by its magic bytes, whichever of the two was declared.
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            || !(mediaType.MediaType.Equals(GzipMediaType, StringComparison.OrdinalIgnoreCase)
                || mediaType.MediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase)))
        {
            return Problem(intake.Reject(IntakeRejection.UnsupportedMediaType, source).Rejection!);
        }

        var body = await ReadBodyAsync(context.Request, options.Value.Intake.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Problem(intake.Reject(IntakeRejection.BodyTooLarge(options.Value.Intake.MaxBodyBytes), source).Rejection!);
        }

        var result = await intake.AcceptAsync(body, source, cancellationToken);
        if (result.Rejection is { } rejection)
        {
            return Problem(rejection);
        }

        // A 2xx is sent only here, after the store committed every report or found it already stored.
        return result.Outcomes.Contains(IntakeOutcome.Stored) ? TypedResults.Created() : TypedResults.Ok();
    }

    /// <summary>Reads the whole body, or returns <see langword="null"/> as soon as it exceeds <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16384);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private static ProblemHttpResult Problem(IntakeRejection rejection)
    {
        var statusCode = rejection.Kind switch
        {
            IntakeRejectionKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
            IntakeRejectionKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
            _ => StatusCodes.Status400BadRequest,
        };
        return TypedResults.Problem(
            detail: rejection.Detail,
            statusCode: statusCode,
            extensions: new Dictionary<string, object?> { ["reason"] = rejection.Reason });
    }
}
